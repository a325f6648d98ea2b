package io.runnel.sql.internal.command;

import io.runnel.sql.SqlErrorCode;
import io.runnel.sql.SqlException;
import io.runnel.sql.internal.ast.Expression;
import io.runnel.sql.internal.ast.Position;
import io.runnel.sql.internal.ast.Property;
import io.runnel.sql.internal.ast.SourceKind;
import io.runnel.sql.internal.ast.Statement;
import io.runnel.sql.internal.catalog.Catalog;
import io.runnel.sql.internal.catalog.Column;
import io.runnel.sql.internal.catalog.DataSource;
import io.runnel.sql.internal.catalog.SourceFormats;
import io.runnel.sql.internal.catalog.TypeResolver;
import io.runnel.sql.internal.parser.SqlFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * {@code CREATE [OR REPLACE] [SOURCE] STREAM|TABLE [IF NOT EXISTS] name (columns) WITH (...)}:
 * validates in ksqlDB's order (column declarations, WITH clause, formats, topic, schema, timestamp,
 * existing name, table key, read-only replace, format/schema fit) and returns the catalog with the
 * new source. Key format defaults to the session's {@code ksql.persistence.default.format.key}
 * (KAFKA); the value format must be given unless {@code ksql.persistence.default.format.value} is set.
 */
final class CreateSourceExecutor {

    static final String DEFAULT_KEY_FORMAT = "ksql.persistence.default.format.key";
    static final String DEFAULT_VALUE_FORMAT = "ksql.persistence.default.format.value";
    static final String WRAP_SINGLE_VALUES = "ksql.persistence.wrap.single.values";

    private final EngineTopics topics;

    CreateSourceExecutor(EngineTopics topics) {
        this.topics = Objects.requireNonNull(topics, "topics");
    }

    /** With {@code replaying}, the topic is neither checked nor created (the command log is being replayed). */
    CatalogChange execute(Statement.CreateSource create, SessionContext session, boolean replaying) {
        Catalog catalog = session.catalog();
        SourceKind kind = create.kind();
        String kindName = kind.name().toLowerCase(Locale.ROOT);
        List<Column> declared = SourceSchemaBuilder.declared(kind, create.elements(), new TypeResolver(catalog));
        SourceProperties props = SourceProperties.parse(create.properties(), SourceProperties.Statement.CREATE);

        String keyFormatName = props.keyFormat()
                .orElse(session.property(DEFAULT_KEY_FORMAT).orElse("KAFKA")).toUpperCase(Locale.ROOT);
        String valueFormatName = props.valueFormat().or(() -> session.property(DEFAULT_VALUE_FORMAT))
                .orElseThrow(() -> new SqlException(SqlErrorCode.INVALID_PROPERTY, "Statement is missing the"
                        + " 'VALUE_FORMAT' property from the WITH clause. Either provide one or set a default via the '"
                        + DEFAULT_VALUE_FORMAT + "' config.")).toUpperCase(Locale.ROOT);
        KnownFormat keyFormat = KnownFormat.of(keyFormatName);
        KnownFormat valueFormat = KnownFormat.of(valueFormatName);

        String topic = props.kafkaTopic().orElseThrow();
        Optional<CatalogChange.TopicAction> topicAction = replaying ? Optional.empty() : topicRule(create, props, topic);

        SourceSchemaBuilder.checkBuildable(declared);
        List<Column> columns = keysFirst(declared);
        Optional<String> timestamp = Optional.empty();
        if (kind == SourceKind.STREAM) timestamp = TimestampColumnValidator.validate(props, columns);

        Optional<DataSource> existing = catalog.findSource(create.name());
        if (existing.isPresent() && !create.orReplace()) {
            String message = "Cannot add " + kindName + " '" + create.name() + "': A "
                    + existing.get().kind().name().toLowerCase(Locale.ROOT) + " with the same name already exists";
            if (create.ifNotExists()) return CatalogChange.of(catalog, message);
            throw new SqlException(SqlErrorCode.ALREADY_EXISTS, message);
        }
        if (kind == SourceKind.TABLE && columns.stream().noneMatch(Column::isKey)) {
            throw new SqlException(SqlErrorCode.INVALID_SCHEMA, "Tables require a PRIMARY KEY. Please define the PRIMARY KEY.");
        }
        if (create.orReplace() && (create.readOnlySource() || existing.map(DataSource::readOnly).orElse(false))) {
            throw new SqlException(SqlErrorCode.INVALID_DDL, "Cannot add " + kindName + " '" + create.name()
                    + "': CREATE OR REPLACE is not supported on source " + kindName + "s.");
        }
        if (existing.isPresent() && existing.get().kind() != kind) {
            throw new SqlException(SqlErrorCode.ALREADY_EXISTS, "Cannot add " + kindName + " '" + create.name()
                    + "': A " + existing.get().kind().name().toLowerCase(Locale.ROOT) + " with the same name already exists");
        }
        if (kind == SourceKind.TABLE) timestamp = TimestampColumnValidator.validate(props, columns);

        checkDelimiter(keyFormat, props.keyDelimiter());
        checkDelimiter(valueFormat, props.valueDelimiter());
        FormatSchemaValidator.validateKey(keyFormat, columns.stream().filter(Column::isKey).toList());
        FormatSchemaValidator.validateValue(valueFormat,
                columns.stream().filter(c -> c.role() == Column.Role.VALUE).toList(), props.wrapSingleValue());

        DataSource source = new DataSource(create.name(), kind, columns, topic,
                new SourceFormats(keyFormat.name(), valueFormat.name(), props.window(),
                        formatProperties(props, session, valueFormat, columns)), timestamp, create.readOnlySource());
        if (create.orReplace() && existing.isPresent()) UpgradeCheck.check(existing.get(), source);
        String message = kind == SourceKind.STREAM ? "Stream created" : "Table created";
        return new CatalogChange(catalog.withSource(source, create.orReplace()), message, topicAction);
    }

    private Optional<CatalogChange.TopicAction> topicRule(Statement.CreateSource create, SourceProperties props,
                                                          String topic) {
        var existing = topics.partitions(topic);
        if (existing.isPresent()) {
            if (props.partitions().isPresent() && props.partitions().getAsInt() != existing.getAsInt()) {
                int replicas = props.replicas().map(Short::intValue).orElse(1);
                throw new SqlException(SqlErrorCode.TOPIC_NOT_FOUND, "A Kafka topic with the name '" + topic
                        + "' already exists, with different partition/replica configuration than required. KSQL expects "
                        + props.partitions().getAsInt() + " partitions (topic has " + existing.getAsInt() + "), and "
                        + replicas + " replication factor (topic has 1).");
            }
            return Optional.empty();
        }
        if (props.partitions().isEmpty()) {
            throw new SqlException(SqlErrorCode.TOPIC_NOT_FOUND, "Topic '" + topic + "' does not exist. If you want to"
                    + " create a new topic for the stream/table please re-run the statement providing the required"
                    + " 'PARTITIONS' configuration in the WITH clause (and optionally 'REPLICAS'). For example: "
                    + example(create));
        }
        if (props.partitions().getAsInt() < 1) {
            throw new SqlException(SqlErrorCode.INVALID_PROPERTY, "Invalid value " + props.partitions().getAsInt()
                    + " for property PARTITIONS: the number of partitions must be at least 1");
        }
        return Optional.of(new CatalogChange.TopicAction.Create(topic, props.partitions().getAsInt(),
                create.kind() == SourceKind.TABLE));
    }

    private static String example(Statement.CreateSource create) {
        List<Property> properties = new ArrayList<>(create.properties());
        properties.add(new Property("PARTITIONS", new Expression.IntegerLiteral(2, Position.UNKNOWN), Position.UNKNOWN));
        properties.add(new Property("REPLICAS", new Expression.IntegerLiteral(1, Position.UNKNOWN), Position.UNKNOWN));
        properties.removeIf(p -> p.position() != Position.UNKNOWN
                && (p.name().equals("PARTITIONS") || p.name().equals("REPLICAS")));
        return SqlFormatter.format(new Statement.CreateSource(create.kind(), create.orReplace(), create.readOnlySource(),
                create.ifNotExists(), create.name(), create.elements(), properties, create.position())) + ";";
    }

    /**
     * The WITH format properties, plus WRAP_SINGLE_VALUE from the session's
     * {@code ksql.persistence.wrap.single.values} when the statement does not give it, the value
     * has one column and the format supports the setting (ksqlDB bakes the default in at creation).
     */
    private static java.util.Map<String, String> formatProperties(SourceProperties props, SessionContext session,
                                                                  KnownFormat valueFormat, List<Column> columns) {
        java.util.Map<String, String> properties = props.formatProperties();
        Optional<String> sessionDefault = session.property(WRAP_SINGLE_VALUES);
        long valueColumns = columns.stream().filter(c -> c.role() == Column.Role.VALUE).count();
        if (props.wrapSingleValue().isEmpty() && sessionDefault.isPresent() && valueColumns == 1) {
            boolean wrap = Boolean.parseBoolean(sessionDefault.get().trim());
            if (valueFormat.supportsWrapping(wrap)) properties.put("WRAP_SINGLE_VALUE", String.valueOf(wrap));
        }
        return properties;
    }

    private static List<Column> keysFirst(List<Column> declared) {
        List<Column> columns = new ArrayList<>(declared.stream().filter(Column::isKey).toList());
        columns.addAll(declared.stream().filter(c -> !c.isKey()).toList());
        return columns;
    }

    private static void checkDelimiter(KnownFormat format, Optional<Character> delimiter) {
        if (delimiter.isPresent() && format != KnownFormat.DELIMITED) {
            throw new SqlException(SqlErrorCode.INVALID_PROPERTY, format + " does not support the following configs:"
                    + " [delimiter]");
        }
    }
}
