package io.runnel.sql.internal.command;

import io.runnel.sql.SqlErrorCode;
import io.runnel.sql.SqlException;
import io.runnel.sql.internal.ast.Expression;
import io.runnel.sql.internal.ast.Property;
import io.runnel.sql.internal.catalog.SourceFormats.KeyWindow;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * The validated WITH clause of {@code CREATE [SOURCE] STREAM|TABLE} (and, with
 * {@link Statement#CREATE_AS_SELECT}, of {@code CREATE ... AS SELECT}), checked in ksqlDB's order
 * with ksqlDB's messages: each value is converted to its property's type
 * ({@code Invalid value x for property PARTITIONS: Not a number of type INT}), a required
 * {@code KAFKA_TOPIC} must be there ({@code Missing required property "KAFKA_TOPIC" which has no
 * default value.}), unknown names are refused ({@code Invalid config variable(s) in the WITH clause:
 * FOO}), {@code FORMAT} excludes {@code KEY_FORMAT}/{@code VALUE_FORMAT}, {@code TIMESTAMP_FORMAT}
 * must be a valid pattern and {@code WINDOW_SIZE} goes with TUMBLING/HOPPING windows only. Names
 * ignore case (the parser upper-cases them). Schema-registry properties ({@code *_SCHEMA_ID},
 * {@code *_SCHEMA_FULL_NAME}) are refused: Runnel has no schema registry.
 *
 * <p>Formats are kept as written (names upper-cased, {@code FORMAT} copied to both); resolving
 * defaults and checking that a format exists is left to the caller, which knows the session.
 *
 * @param kafkaTopic      KAFKA_TOPIC (always present for CREATE; optional for CREATE AS SELECT)
 * @param partitions      PARTITIONS: create the topic with this many partitions if it does not exist
 * @param replicas        REPLICAS: accepted and ignored (one copy in an embedded log)
 * @param retentionMs     RETENTION_MS of a topic this statement creates
 * @param keyFormat       KEY_FORMAT, or FORMAT
 * @param valueFormat     VALUE_FORMAT, or FORMAT
 * @param timestampColumn TIMESTAMP, as a column name (upper-cased unless back-quoted)
 * @param timestampFormat TIMESTAMP_FORMAT, a {@link DateTimeFormatter} pattern
 * @param wrapSingleValue WRAP_SINGLE_VALUE
 * @param keyDelimiter    KEY_DELIMITER (a single character, or TAB / SPACE, resolved)
 * @param valueDelimiter  VALUE_DELIMITER (same)
 * @param window          WINDOW_TYPE with WINDOW_SIZE
 */
public record SourceProperties(Optional<String> kafkaTopic, OptionalInt partitions, Optional<Short> replicas,
                               Optional<Long> retentionMs, Optional<String> keyFormat, Optional<String> valueFormat,
                               Optional<String> timestampColumn, Optional<String> timestampFormat,
                               Optional<Boolean> wrapSingleValue, Optional<Character> keyDelimiter,
                               Optional<Character> valueDelimiter, Optional<KeyWindow> window) {

    /** Which statement the WITH clause belongs to: the properties allowed differ slightly. */
    public enum Statement { CREATE, CREATE_AS_SELECT }

    private enum Type { STRING, INT, SHORT, LONG, BOOLEAN }

    private static final Map<String, Type> COMMON = new LinkedHashMap<>();
    private static final Map<String, Type> CREATE_ONLY = new LinkedHashMap<>();
    private static final Set<String> SCHEMA_REGISTRY = Set.of("KEY_SCHEMA_ID", "VALUE_SCHEMA_ID",
            "KEY_SCHEMA_FULL_NAME", "VALUE_SCHEMA_FULL_NAME", "VALUE_AVRO_SCHEMA_FULL_NAME",
            "KEY_PROTOBUF_NULLABLE_REPRESENTATION", "VALUE_PROTOBUF_NULLABLE_REPRESENTATION");

    static {
        COMMON.put("KAFKA_TOPIC", Type.STRING);
        COMMON.put("PARTITIONS", Type.INT);
        COMMON.put("REPLICAS", Type.SHORT);
        COMMON.put("RETENTION_MS", Type.LONG);
        COMMON.put("VALUE_FORMAT", Type.STRING);
        COMMON.put("TIMESTAMP", Type.STRING);
        COMMON.put("TIMESTAMP_FORMAT", Type.STRING);
        COMMON.put("WRAP_SINGLE_VALUE", Type.BOOLEAN);
        COMMON.put("VALUE_AVRO_SCHEMA_FULL_NAME", Type.STRING);
        COMMON.put("KEY_SCHEMA_FULL_NAME", Type.STRING);
        COMMON.put("VALUE_SCHEMA_FULL_NAME", Type.STRING);
        COMMON.put("KEY_DELIMITER", Type.STRING);
        COMMON.put("VALUE_DELIMITER", Type.STRING);
        COMMON.put("KEY_FORMAT", Type.STRING);
        COMMON.put("FORMAT", Type.STRING);
        COMMON.put("KEY_SCHEMA_ID", Type.INT);
        COMMON.put("VALUE_SCHEMA_ID", Type.INT);
        COMMON.put("KEY_PROTOBUF_NULLABLE_REPRESENTATION", Type.STRING);
        COMMON.put("VALUE_PROTOBUF_NULLABLE_REPRESENTATION", Type.STRING);
        CREATE_ONLY.put("WINDOW_TYPE", Type.STRING);
        CREATE_ONLY.put("WINDOW_SIZE", Type.STRING);
        CREATE_ONLY.put("SOURCE_CONNECTOR", Type.STRING);
        CREATE_ONLY.put("SOURCED_BY_CONNECTOR", Type.STRING);
    }

    public SourceProperties {
        Objects.requireNonNull(kafkaTopic, "kafkaTopic");
        Objects.requireNonNull(partitions, "partitions");
        Objects.requireNonNull(replicas, "replicas");
        Objects.requireNonNull(retentionMs, "retentionMs");
        Objects.requireNonNull(keyFormat, "keyFormat");
        Objects.requireNonNull(valueFormat, "valueFormat");
        Objects.requireNonNull(timestampColumn, "timestampColumn");
        Objects.requireNonNull(timestampFormat, "timestampFormat");
        Objects.requireNonNull(wrapSingleValue, "wrapSingleValue");
        Objects.requireNonNull(keyDelimiter, "keyDelimiter");
        Objects.requireNonNull(valueDelimiter, "valueDelimiter");
        Objects.requireNonNull(window, "window");
    }

    /** Validates a WITH clause; every error is a {@link SqlException} with ksqlDB's wording. */
    public static SourceProperties parse(List<Property> properties, Statement statement) {
        Objects.requireNonNull(properties, "properties");
        Objects.requireNonNull(statement, "statement");
        Map<String, Type> known = new LinkedHashMap<>(COMMON);
        if (statement == Statement.CREATE) known.putAll(CREATE_ONLY);

        // 1. convert the values of known properties (as Kafka's ConfigDef does), then the required topic
        Map<String, Object> values = new LinkedHashMap<>();
        List<String> unknown = new ArrayList<>();
        for (Property property : properties) {
            String name = property.name().toUpperCase(Locale.ROOT);
            Type type = known.get(name);
            if (type == null) {
                unknown.add(name);
                continue;
            }
            Object value = convert(name, type, literal(property.value()));
            if (value != null) values.put(name, value);
        }
        if (statement == Statement.CREATE && !values.containsKey("KAFKA_TOPIC")) {
            throw invalid("Missing required property \"KAFKA_TOPIC\" which has no default value.");
        }
        if (values.containsKey("KAFKA_TOPIC") && ((String) values.get("KAFKA_TOPIC")).isEmpty()) {
            throw invalid("Invalid value  for property KAFKA_TOPIC: String must be non-empty");
        }
        Optional<Character> keyDelimiter = delimiter("KEY_DELIMITER", (String) values.get("KEY_DELIMITER"));
        Optional<Character> valueDelimiter = delimiter("VALUE_DELIMITER", (String) values.get("VALUE_DELIMITER"));
        Optional<KeyWindow.Kind> windowType = Optional.ofNullable((String) values.get("WINDOW_TYPE"))
                .map(SourceProperties::windowType);
        Optional<Long> windowSize = Optional.ofNullable((String) values.get("WINDOW_SIZE"))
                .map(text -> {
                    try {
                        return DurationParser.parseMillis(text);
                    } catch (IllegalArgumentException e) {
                        throw invalid("Configuration WINDOW_SIZE is invalid: " + e.getMessage());
                    }
                });
        // 2. unknown names
        if (!unknown.isEmpty()) {
            throw invalid("Invalid config variable(s) in the WITH clause: " + String.join(",", unknown));
        }
        // 3. FORMAT against KEY_FORMAT / VALUE_FORMAT
        if (values.containsKey("FORMAT")) {
            for (String other : List.of("KEY_FORMAT", "VALUE_FORMAT")) {
                if (values.containsKey(other)) {
                    throw invalid("Cannot supply both '" + other + "' and 'FORMAT' properties, as 'FORMAT' sets both key"
                            + " and value formats. Either use just 'FORMAT', or use 'KEY_FORMAT' and 'VALUE_FORMAT'.");
                }
            }
        }
        // 4. schema registry (Runnel has none)
        for (String name : values.keySet()) {
            if (SCHEMA_REGISTRY.contains(name)) {
                throw invalid("Property '" + name + "' is not supported: it refers to a schema registry, which Runnel"
                        + " does not have. Declare the columns in the statement instead.");
            }
        }
        // 5. TIMESTAMP_FORMAT
        Optional<String> timestampFormat = Optional.ofNullable((String) values.get("TIMESTAMP_FORMAT"));
        timestampFormat.ifPresent(pattern -> {
            try {
                DateTimeFormatter.ofPattern(pattern);
            } catch (IllegalArgumentException e) {
                throw invalid("Invalid datetime format for config:TIMESTAMP_FORMAT, reason:" + e.getMessage());
            }
        });
        // 6. window type and size
        Optional<KeyWindow> window = Optional.empty();
        if (windowType.isPresent()) {
            KeyWindow.Kind kind = windowType.get();
            if (kind == KeyWindow.Kind.SESSION && windowSize.isPresent()) {
                throw invalid("'WINDOW_SIZE' should not be set for SESSION windows.");
            }
            if (kind != KeyWindow.Kind.SESSION && windowSize.isEmpty()) {
                throw invalid(kind + " windows require 'WINDOW_SIZE' to be provided in the WITH clause. For example:"
                        + " 'WINDOW_SIZE'='10 SECONDS'");
            }
            window = Optional.of(new KeyWindow(kind, windowSize));
        } else if (windowSize.isPresent()) {
            throw invalid("'WINDOW_SIZE' should not be set for SESSION windows.");
        }

        String format = (String) values.get("FORMAT");
        return new SourceProperties(
                Optional.ofNullable((String) values.get("KAFKA_TOPIC")),
                values.containsKey("PARTITIONS") ? OptionalInt.of((Integer) values.get("PARTITIONS")) : OptionalInt.empty(),
                Optional.ofNullable((Short) values.get("REPLICAS")),
                Optional.ofNullable((Long) values.get("RETENTION_MS")),
                Optional.ofNullable(format != null ? format : (String) values.get("KEY_FORMAT")).map(SourceProperties::upper),
                Optional.ofNullable(format != null ? format : (String) values.get("VALUE_FORMAT")).map(SourceProperties::upper),
                Optional.ofNullable((String) values.get("TIMESTAMP")).map(SourceProperties::columnName),
                timestampFormat,
                Optional.ofNullable((Boolean) values.get("WRAP_SINGLE_VALUE")),
                keyDelimiter,
                valueDelimiter,
                window);
    }

    /**
     * The format properties as the catalog keeps them ({@link io.runnel.sql.internal.catalog.SourceFormats#properties()}):
     * WRAP_SINGLE_VALUE as "true"/"false", KEY_DELIMITER / VALUE_DELIMITER as the one character,
     * TIMESTAMP_FORMAT as the pattern (how a STRING timestamp column is read).
     */
    public Map<String, String> formatProperties() {
        Map<String, String> properties = new java.util.TreeMap<>();
        timestampFormat.ifPresent(f -> properties.put("TIMESTAMP_FORMAT", f));
        wrapSingleValue.ifPresent(w -> properties.put("WRAP_SINGLE_VALUE", w.toString()));
        keyDelimiter.ifPresent(d -> properties.put("KEY_DELIMITER", d.toString()));
        valueDelimiter.ifPresent(d -> properties.put("VALUE_DELIMITER", d.toString()));
        return properties;
    }

    /** The names of every property a CREATE statement accepts, for documentation and SHOW output. */
    public static Set<String> createPropertyNames() {
        Set<String> names = new java.util.TreeSet<>(COMMON.keySet());
        names.addAll(CREATE_ONLY.keySet());
        return names;
    }

    private static String upper(String s) {
        return s.toUpperCase(Locale.ROOT);
    }

    /** A column reference as ksqlDB reads it: back-quoted names keep their case, others are upper-cased. */
    static String columnName(String text) {
        String trimmed = text.trim();
        if (trimmed.length() >= 2 && trimmed.startsWith("`") && trimmed.endsWith("`")) {
            return trimmed.substring(1, trimmed.length() - 1).replace("``", "`");
        }
        return trimmed.toUpperCase(Locale.ROOT);
    }

    private static KeyWindow.Kind windowType(String text) {
        String upper = text.trim().toUpperCase(Locale.ROOT);
        for (KeyWindow.Kind kind : KeyWindow.Kind.values()) {
            if (kind.name().equals(upper)) return kind;
        }
        throw invalid("Invalid value " + text + " for property WINDOW_TYPE: String must be one of: SESSION, HOPPING,"
                + " TUMBLING");
    }

    private static Optional<Character> delimiter(String name, String text) {
        if (text == null) return Optional.empty();
        if (text.isEmpty()) {
            throw invalid("Configuration " + name + " is invalid: Delimiter cannot be empty, if you meant to have a tab or"
                    + " space for delimiter, please use the special values 'TAB' or 'SPACE'");
        }
        if (text.length() == 1) return Optional.of(text.charAt(0));
        if (text.equalsIgnoreCase("TAB")) return Optional.of('\t');
        if (text.equalsIgnoreCase("SPACE")) return Optional.of(' ');
        throw invalid("Configuration " + name + " is invalid: Invalid delimiter value: '" + text
                + "'. Delimiter must be a single character or TAB or SPACE");
    }

    private static Object literal(Expression.Literal literal) {
        if (literal instanceof Expression.NullLiteral) return null;
        if (literal instanceof Expression.BooleanLiteral b) return b.bool();
        if (literal instanceof Expression.IntegerLiteral i) return i.number();
        if (literal instanceof Expression.LongLiteral l) return l.number();
        if (literal instanceof Expression.DecimalLiteral d) return d.number();
        if (literal instanceof Expression.DoubleLiteral d) return d.number();
        if (literal instanceof Expression.StringLiteral s) return s.text();
        throw new IllegalStateException("unhandled literal " + literal.getClass().getSimpleName());
    }

    /** Converts as Kafka's ConfigDef.parseType does, with "property" for "configuration" in messages. */
    private static Object convert(String name, Type type, Object value) {
        if (value == null) return null;
        String text = value instanceof String s ? s.trim() : null;
        switch (type) {
            case STRING -> {
                if (value instanceof String s) return s;
                throw badValue(name, value, "Expected value to be a string, but it was a " + javaName(value));
            }
            case BOOLEAN -> {
                if (value instanceof Boolean b) return b;
                if (text != null && (text.equalsIgnoreCase("true") || text.equalsIgnoreCase("false"))) {
                    return Boolean.parseBoolean(text);
                }
                throw badValue(name, value, "Expected value to be either true or false");
            }
            case INT, SHORT, LONG -> {
                try {
                    long number;
                    if (value instanceof Integer || value instanceof Long) {
                        number = ((Number) value).longValue();
                    } else if (text != null) {
                        number = Long.parseLong(text);
                    } else {
                        throw badValue(name, value, "Expected value to be a " + (type == Type.LONG ? "64" : "32")
                                + "-bit integer, but it was a " + javaName(value));
                    }
                    if (type == Type.LONG) return number;
                    if (number < Integer.MIN_VALUE || number > Integer.MAX_VALUE) throw new NumberFormatException();
                    return type == Type.INT ? (Object) (int) number : (Object) (short) number;
                } catch (NumberFormatException e) {
                    throw badValue(name, value, "Not a number of type " + type);
                }
            }
            default -> throw new IllegalStateException("unhandled type " + type);
        }
    }

    private static String javaName(Object value) {
        return value.getClass().getName();
    }

    private static SqlException badValue(String name, Object value, String why) {
        return invalid("Invalid value " + value + " for property " + name + ": " + why);
    }

    private static SqlException invalid(String message) {
        return new SqlException(SqlErrorCode.INVALID_PROPERTY, message);
    }
}
