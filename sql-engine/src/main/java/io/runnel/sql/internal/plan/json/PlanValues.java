package io.runnel.sql.internal.plan.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.runnel.sql.internal.analyzer.LogicalSchema;
import io.runnel.sql.internal.analyzer.RowSchema;
import io.runnel.sql.internal.ast.Position;
import io.runnel.sql.internal.ast.Relation;
import io.runnel.sql.internal.ast.SourceKind;
import io.runnel.sql.internal.ast.TimeSpan;
import io.runnel.sql.internal.ast.WindowExpression;
import io.runnel.sql.internal.catalog.Catalog;
import io.runnel.sql.internal.catalog.Column;
import io.runnel.sql.internal.catalog.DataSource;
import io.runnel.sql.internal.catalog.SourceFormats;
import io.runnel.sql.internal.catalog.SqlType;
import io.runnel.sql.internal.catalog.TypeResolver;
import io.runnel.sql.internal.parser.SqlParser;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

/**
 * The JSON of the values an exec plan holds (version 1 of {@link ExecPlanWriter}'s format):
 * source snapshots, columns, SQL types, row schemas, formats, windows and durations. Each value
 * has a {@code write} and a {@code read}; a read of a malformed value is an
 * {@link UnreadablePlanException} naming the field. Empty optional values are left out.
 */
final class PlanValues {
    static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final TypeResolver PLAIN_TYPES = new TypeResolver(Catalog.empty());

    private PlanValues() {
    }

    // ------------------------------------------------------------------ sources

    /** {@code {"name", "kind", "topic", "columns", "formats", "timestampColumn"?, "readOnly"}}. */
    static ObjectNode source(DataSource source) {
        ObjectNode node = NODES.objectNode();
        node.put("name", source.name());
        node.put("kind", source.kind().name());
        node.put("topic", source.topic());
        node.set("columns", columns(source.columns()));
        node.set("formats", formats(source.formats()));
        source.timestampColumn().ifPresent(t -> node.put("timestampColumn", t));
        node.put("readOnly", source.readOnly());
        return node;
    }

    static DataSource readSource(JsonNode node) {
        return new DataSource(text(node, "name"), enumValue(SourceKind.class, node, "kind"), readColumns(field(node, "columns")),
                text(node, "topic"), readFormats(field(node, "formats")), optionalText(node, "timestampColumn"),
                bool(node, "readOnly"));
    }

    /** {@code [{"name", "type", "role", "header"?}, ...]}; role is KEY, PRIMARY_KEY, VALUE or HEADERS. */
    static ArrayNode columns(List<Column> columns) {
        ArrayNode array = NODES.arrayNode();
        for (Column c : columns) {
            ObjectNode node = array.addObject();
            node.put("name", c.name());
            node.put("type", typeSql(c.type()));
            node.put("role", c.role().name());
            c.headerKey().ifPresent(k -> node.put("header", k));
        }
        return array;
    }

    static List<Column> readColumns(JsonNode array) {
        List<Column> out = new ArrayList<>();
        for (JsonNode node : elements(array, "columns")) {
            out.add(new Column(text(node, "name"), readType(node, "type"), enumValue(Column.Role.class, node, "role"),
                    optionalText(node, "header")));
        }
        return out;
    }

    /** {@code {"key": [columns], "value": [columns]}}. */
    static ObjectNode logicalSchema(LogicalSchema schema) {
        ObjectNode node = NODES.objectNode();
        node.set("key", columns(schema.key()));
        node.set("value", columns(schema.value()));
        return node;
    }

    static LogicalSchema readLogicalSchema(JsonNode node) {
        return new LogicalSchema(readColumns(field(node, "key")), readColumns(field(node, "value")));
    }

    /** {@code [{"name", "type", "source"?}, ...]}: the fields an expression sees, in row order. */
    static ArrayNode rowSchema(RowSchema schema) {
        ArrayNode array = NODES.arrayNode();
        for (RowSchema.Field f : schema.fields()) {
            ObjectNode node = array.addObject();
            node.put("name", f.name());
            node.put("type", typeSql(f.type()));
            f.source().ifPresent(s -> node.put("source", s));
        }
        return array;
    }

    static RowSchema readRowSchema(JsonNode array) {
        List<RowSchema.Field> fields = new ArrayList<>();
        for (JsonNode node : elements(array, "row schema")) {
            fields.add(new RowSchema.Field(optionalText(node, "source"), text(node, "name"), readType(node, "type")));
        }
        return new RowSchema(fields);
    }

    /**
     * {@code {"key", "value", "window"?: {"kind", "sizeMs"?}, "properties": {name: value}}}: formats
     * upper case, sizeMs absent for SESSION.
     */
    static ObjectNode formats(SourceFormats formats) {
        ObjectNode node = NODES.objectNode();
        node.put("key", formats.keyFormat());
        node.put("value", formats.valueFormat());
        formats.window().ifPresent(w -> {
            ObjectNode window = node.putObject("window");
            window.put("kind", w.kind().name());
            w.sizeMillis().ifPresent(s -> window.put("sizeMs", s));
        });
        ObjectNode properties = node.putObject("properties");
        formats.properties().forEach(properties::put);
        return node;
    }

    static SourceFormats readFormats(JsonNode node) {
        Optional<SourceFormats.KeyWindow> window = Optional.empty();
        if (node.has("window")) {
            JsonNode w = node.get("window");
            Optional<Long> size = w.has("sizeMs") ? Optional.of(w.get("sizeMs").asLong()) : Optional.empty();
            window = Optional.of(new SourceFormats.KeyWindow(enumValue(SourceFormats.KeyWindow.Kind.class, w, "kind"), size));
        }
        return new SourceFormats(text(node, "key"), text(node, "value"), window, stringMap(field(node, "properties")));
    }

    // ------------------------------------------------------------------ types

    /**
     * A type as SQL text that reads back as the same type: {@link SqlType#sql()}, except that an
     * empty STRUCT is {@code STRUCT< >} (the lexer reads {@code <>} as not-equal).
     */
    static String typeSql(SqlType type) {
        if (type instanceof SqlType.Struct s) {
            if (s.fields().isEmpty()) {
                return "STRUCT< >";
            }
            StringBuilder sql = new StringBuilder("STRUCT<");
            for (int i = 0; i < s.fields().size(); i++) {
                SqlType.Field f = s.fields().get(i);
                sql.append(i == 0 ? "" : ", ").append(SqlType.quote(f.name())).append(' ').append(typeSql(f.type()));
            }
            return sql.append('>').toString();
        } else if (type instanceof SqlType.Array a) {
            return "ARRAY<" + typeSql(a.element()) + ">";
        } else if (type instanceof SqlType.Map m) {
            return "MAP<" + typeSql(m.key()) + ", " + typeSql(m.value()) + ">";
        }
        return type.sql();
    }

    static SqlType readType(JsonNode node, String name) {
        return type(text(node, name));
    }

    /** A type as {@link SqlType#sql()} prints it, read back (no custom type names in it). */
    static SqlType type(String sql) {
        try {
            return PLAIN_TYPES.resolve(SqlParser.parseType(sql));
        } catch (RuntimeException e) {
            throw new UnreadablePlanException("not a SQL type: '" + sql + "' (" + e.getMessage() + ")", e);
        }
    }

    // ------------------------------------------------------------------ windows

    /**
     * {@code {"kind": "TUMBLING", "size"}}, {@code {"kind": "HOPPING", "size", "advance"}} or
     * {@code {"kind": "SESSION", "gap"}}, each with {@code "retention"?} and {@code "grace"?}:
     * durations as written ({@link #timeSpan}).
     */
    static ObjectNode window(WindowExpression window) {
        ObjectNode node = NODES.objectNode();
        if (window instanceof WindowExpression.Tumbling t) {
            node.put("kind", "TUMBLING");
            node.put("size", timeSpan(t.size()));
        } else if (window instanceof WindowExpression.Hopping h) {
            node.put("kind", "HOPPING");
            node.put("size", timeSpan(h.size()));
            node.put("advance", timeSpan(h.advance()));
        } else if (window instanceof WindowExpression.Session s) {
            node.put("kind", "SESSION");
            node.put("gap", timeSpan(s.gap()));
        } else {
            throw new IllegalStateException("window kind not handled: " + window.getClass().getSimpleName());
        }
        window.retention().ifPresent(r -> node.put("retention", timeSpan(r)));
        window.grace().ifPresent(g -> node.put("grace", timeSpan(g)));
        return node;
    }

    static WindowExpression readWindow(JsonNode node) {
        Optional<TimeSpan> retention = optionalSpan(node, "retention");
        Optional<TimeSpan> grace = optionalSpan(node, "grace");
        String kind = text(node, "kind");
        return switch (kind) {
            case "TUMBLING" -> new WindowExpression.Tumbling(span(node, "size"), retention, grace, Position.UNKNOWN);
            case "HOPPING" -> new WindowExpression.Hopping(span(node, "size"), span(node, "advance"), retention, grace,
                    Position.UNKNOWN);
            case "SESSION" -> new WindowExpression.Session(span(node, "gap"), retention, grace, Position.UNKNOWN);
            default -> throw new UnreadablePlanException("unknown window kind '" + kind + "'");
        };
    }

    /** {@code {"before", "after", "grace"?}}: a stream-stream join's WITHIN. */
    static ObjectNode joinWindow(Relation.JoinWindow window) {
        ObjectNode node = NODES.objectNode();
        node.put("before", timeSpan(window.before()));
        node.put("after", timeSpan(window.after()));
        window.grace().ifPresent(g -> node.put("grace", timeSpan(g)));
        return node;
    }

    static Relation.JoinWindow readJoinWindow(JsonNode node) {
        return new Relation.JoinWindow(span(node, "before"), span(node, "after"), optionalSpan(node, "grace"),
                Position.UNKNOWN);
    }

    /** A duration as written: amount and unit, e.g. {@code "30 SECONDS"}. */
    static String timeSpan(TimeSpan span) {
        return span.amount() + " " + span.unit().name();
    }

    private static TimeSpan span(JsonNode node, String name) {
        String text = text(node, name);
        String[] parts = text.split(" ");
        try {
            return new TimeSpan(Long.parseLong(parts[0]), TimeUnit.valueOf(parts[1]), Position.UNKNOWN);
        } catch (RuntimeException e) {
            throw new UnreadablePlanException("'" + name + "' is not a duration such as \"30 SECONDS\": " + text, e);
        }
    }

    private static Optional<TimeSpan> optionalSpan(JsonNode node, String name) {
        return node.has(name) ? Optional.of(span(node, name)) : Optional.empty();
    }

    // ------------------------------------------------------------------ primitives

    static JsonNode field(JsonNode node, String name) {
        JsonNode value = node == null ? null : node.get(name);
        if (value == null || value.isNull()) {
            throw new UnreadablePlanException("missing field '" + name + "' in " + node);
        }
        return value;
    }

    static String text(JsonNode node, String name) {
        JsonNode value = field(node, name);
        if (!value.isTextual()) {
            throw new UnreadablePlanException("field '" + name + "' is not a string: " + value);
        }
        return value.asText();
    }

    static Optional<String> optionalText(JsonNode node, String name) {
        return node.has(name) ? Optional.of(text(node, name)) : Optional.empty();
    }

    static boolean bool(JsonNode node, String name) {
        JsonNode value = field(node, name);
        if (!value.isBoolean()) {
            throw new UnreadablePlanException("field '" + name + "' is not a boolean: " + value);
        }
        return value.asBoolean();
    }

    static int integer(JsonNode node, String name) {
        JsonNode value = field(node, name);
        if (!value.canConvertToInt()) {
            throw new UnreadablePlanException("field '" + name + "' is not an integer: " + value);
        }
        return value.asInt();
    }

    static <E extends Enum<E>> E enumValue(Class<E> type, JsonNode node, String name) {
        String text = text(node, name);
        try {
            return Enum.valueOf(type, text);
        } catch (IllegalArgumentException e) {
            throw new UnreadablePlanException("field '" + name + "' has an unknown value '" + text + "'", e);
        }
    }

    static Iterable<JsonNode> elements(JsonNode node, String what) {
        if (node == null || !node.isArray()) {
            throw new UnreadablePlanException(what + " is not an array: " + node);
        }
        return node;
    }

    static List<String> texts(JsonNode node, String name) {
        List<String> out = new ArrayList<>();
        for (JsonNode item : elements(field(node, name), name)) {
            if (!item.isTextual()) {
                throw new UnreadablePlanException("an element of '" + name + "' is not a string: " + item);
            }
            out.add(item.asText());
        }
        return out;
    }

    static Map<String, String> stringMap(JsonNode node) {
        Map<String, String> out = new TreeMap<>();
        Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> f = fields.next();
            out.put(f.getKey(), f.getValue().asText());
        }
        return out;
    }
}
