package io.runnel.sql.internal.command;

import io.runnel.sql.SqlErrorCode;
import io.runnel.sql.SqlException;
import io.runnel.sql.engine.EngineResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * The properties a session may {@code SET}: engine properties ({@code ksql.*}), Kafka Streams
 * properties (bare or prefixed {@code ksql.streams.}) and client properties (prefixed
 * {@code producer.}, {@code consumer.}, {@code ksql.streams.producer.}, {@code ksql.streams.consumer.}).
 * As in ksqlDB, any other name is refused ({@code Not recognizable as ksql, streams, consumer, or
 * producer property: 'x'}), as is a value a property does not accept, and {@code ksql.service.id}
 * cannot be overridden.
 */
public final class SessionProperties {

    private record Definition(String scope, String defaultValue, Consumer<String> validator) {
    }

    private static final Map<String, Definition> KNOWN = new TreeMap<>();
    private static final Set<String> IMMUTABLE = Set.of("ksql.service.id");
    private static final Set<String> STREAMS = Set.of("auto.offset.reset", "commit.interval.ms",
            "cache.max.bytes.buffering", "statestore.cache.max.bytes", "num.stream.threads", "processing.guarantee",
            "num.standby.replicas", "buffered.records.per.partition", "max.task.idle.ms", "poll.ms",
            "default.timestamp.extractor", "state.dir", "replication.factor", "topology.optimization");
    private static final Set<String> CLIENTS = Set.of("acks", "batch.size", "linger.ms", "compression.type",
            "max.request.size", "buffer.memory", "delivery.timeout.ms", "enable.idempotence", "retries",
            "request.timeout.ms", "max.block.ms", "max.in.flight.requests.per.connection", "client.id",
            "max.poll.records", "fetch.min.bytes", "fetch.max.bytes", "fetch.max.wait.ms", "max.partition.fetch.bytes",
            "session.timeout.ms", "heartbeat.interval.ms", "max.poll.interval.ms", "isolation.level",
            "auto.offset.reset", "enable.auto.commit", "auto.commit.interval.ms", "default.api.timeout.ms");

    static {
        ksql(CreateSourceExecutor.DEFAULT_KEY_FORMAT, "KAFKA", SessionProperties::format);
        ksql(CreateSourceExecutor.DEFAULT_VALUE_FORMAT, "", SessionProperties::format);
        ksql("ksql.persistence.wrap.single.values", "", SessionProperties::bool);
        ksql("ksql.output.topic.name.prefix", "", v -> { });
        ksql("ksql.service.id", "default_", v -> { });
        ksql("ksql.query.pull.table.scan.enabled", "true", SessionProperties::bool);
        ksql("ksql.query.pull.stream.enabled", "true", SessionProperties::bool);
        ksql("ksql.query.pull.max.allowed.offset.lag", String.valueOf(Long.MAX_VALUE), SessionProperties::nonNegativeLong);
        ksql("ksql.new.query.planner.enabled", "false", SessionProperties::bool);
        ksql("ksql.timestamp.throw.on.invalid", "false", SessionProperties::bool);
        ksql("ksql.rowpartition.rowoffset.enabled", "true", SessionProperties::bool);
        ksql("ksql.headers.columns.enabled", "true", SessionProperties::bool);
        ksql("ksql.variable.substitution.enable", "true", SessionProperties::bool);
        ksql("ksql.suppress.enabled", "true", SessionProperties::bool);
        ksql("ksql.lambdas.enabled", "true", SessionProperties::bool);
        ksql("ksql.cast.strings.preserve.nulls", "true", SessionProperties::bool);
        ksql("ksql.functions.substring.legacy.args", "false", SessionProperties::bool);
        ksql("ksql.functions.collect_list.limit", String.valueOf(Integer.MAX_VALUE), SessionProperties::nonNegativeLong);
        ksql("ksql.functions.collect_set.limit", String.valueOf(Integer.MAX_VALUE), SessionProperties::nonNegativeLong);
        ksql("ksql.sink.window.change.log.additional.retention", "1000000", SessionProperties::nonNegativeLong);
        kafka("auto.offset.reset", "latest", v -> oneOf("auto.offset.reset", v, List.of("latest", "earliest", "none")));
        kafka("commit.interval.ms", "30000", SessionProperties::nonNegativeLong);
        kafka("cache.max.bytes.buffering", "10485760", SessionProperties::nonNegativeLong);
        kafka("num.stream.threads", "1", SessionProperties::positiveInt);
        kafka("processing.guarantee", "at_least_once", v -> oneOf("processing.guarantee", v,
                List.of("at_least_once", "exactly_once", "exactly_once_beta", "exactly_once_v2")));
    }

    private SessionProperties() {
    }

    private static void ksql(String name, String defaultValue, Consumer<String> validator) {
        KNOWN.put(name, new Definition("KSQL", defaultValue, validator));
    }

    private static void kafka(String name, String defaultValue, Consumer<String> validator) {
        KNOWN.put(name, new Definition("KAFKA", defaultValue, validator));
    }

    /**
     * Checks that {@code name} may be set to {@code value}; a SqlException with code
     * INVALID_SESSION_PROPERTY otherwise.
     */
    public static void validate(String name, String value) {
        String key = canonical(name);
        if (IMMUTABLE.contains(key)) {
            throw error("Cannot override property '" + name + "'");
        }
        Definition definition = KNOWN.get(key);
        if (definition != null) {
            definition.validator().accept(value.trim());
        }
    }

    /** Checks that {@code name} is a property a session may set (for UNSET). */
    public static void validateName(String name) {
        canonical(name);
    }

    /** Every known property with its default, and the session's value where it overrides it. */
    public static List<EngineResult.PropertyInfo> list(Map<String, String> overrides) {
        Map<String, EngineResult.PropertyInfo> entries = new TreeMap<>();
        KNOWN.forEach((name, definition) -> {
            String value = overrides.get(name);
            entries.put(name, new EngineResult.PropertyInfo(name, definition.scope(),
                    value != null ? value : definition.defaultValue(), value != null));
        });
        overrides.forEach((name, value) -> entries.putIfAbsent(name, new EngineResult.PropertyInfo(name,
                name.startsWith("ksql.") && !name.startsWith("ksql.streams.") ? "KSQL" : "KAFKA", value, true)));
        return new ArrayList<>(entries.values());
    }

    /** The default of a known property ("" when it has none). */
    public static Optional<String> defaultValue(String name) {
        return Optional.ofNullable(KNOWN.get(name)).map(Definition::defaultValue);
    }

    /** The name a property is known under (streams names lose their {@code ksql.streams.} prefix). */
    private static String canonical(String name) {
        if (KNOWN.containsKey(name) || IMMUTABLE.contains(name)) return name;
        for (String prefix : List.of("ksql.streams.producer.", "ksql.streams.consumer.", "producer.", "consumer.")) {
            if (name.startsWith(prefix) && CLIENTS.contains(name.substring(prefix.length()))) return name;
        }
        if (name.startsWith("ksql.streams.")) {
            String bare = name.substring("ksql.streams.".length());
            if (KNOWN.containsKey(bare)) return bare;
            if (STREAMS.contains(bare) || CLIENTS.contains(bare) || bare.startsWith("__")) return name;
        }
        if (STREAMS.contains(name) || CLIENTS.contains(name)) return name;
        throw error("Not recognizable as ksql, streams, consumer, or producer property: '" + name + "'");
    }

    private static void format(String value) {
        try {
            KnownFormat.of(value);
        } catch (SqlException e) {
            throw error(e.getMessage());
        }
    }

    private static void bool(String value) {
        if (!value.equalsIgnoreCase("true") && !value.equalsIgnoreCase("false")) {
            throw error("Invalid value " + value + ": Expected value to be either true or false");
        }
    }

    private static void nonNegativeLong(String value) {
        try {
            if (Long.parseLong(value) >= 0) return;
        } catch (NumberFormatException e) {
            // reported below
        }
        throw error("Invalid value " + value + ": expected a whole number >= 0");
    }

    private static void positiveInt(String value) {
        try {
            if (Integer.parseInt(value) >= 1) return;
        } catch (NumberFormatException e) {
            // reported below
        }
        throw error("Invalid value " + value + ": expected a whole number >= 1");
    }

    private static void oneOf(String name, String value, List<String> allowed) {
        if (!allowed.contains(value.toLowerCase(Locale.ROOT))) {
            throw error("Invalid value " + value + " for configuration " + name + ": String must be one of: "
                    + String.join(", ", allowed));
        }
    }

    private static SqlException error(String message) {
        return new SqlException(SqlErrorCode.INVALID_SESSION_PROPERTY, message);
    }
}
