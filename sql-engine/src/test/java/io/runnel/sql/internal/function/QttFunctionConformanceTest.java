package io.runnel.sql.internal.function;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.runnel.sql.conformance.QttCase;
import io.runnel.sql.conformance.QttLoader;
import io.runnel.sql.conformance.QttRecord;
import io.runnel.sql.function.Struct;
import io.runnel.sql.internal.ast.Expression;
import io.runnel.sql.internal.ast.Query;
import io.runnel.sql.internal.ast.SelectItem;
import io.runnel.sql.internal.ast.Statement;
import io.runnel.sql.internal.ast.TableElement;
import io.runnel.sql.internal.catalog.Catalog;
import io.runnel.sql.internal.catalog.SqlType;
import io.runnel.sql.internal.catalog.TypeResolver;
import io.runnel.sql.internal.parser.SqlParser;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Runs the function-level part of ksqlDB's conformance cases: every case of the function files
 * made of one {@code CREATE STREAM} (JSON or KAFKA value format) and one {@code CREATE STREAM ... AS
 * SELECT} whose projection only calls scalar functions on columns and literals (no WHERE, GROUP
 * BY, window, lambda, operator or cast). Each projected expression is resolved through the
 * registry and evaluated per input record (a function that throws gives NULL, as ksqlDB), and
 * compared with the expected output (doubles within 1e-6, decimals by value). Cases that need
 * more of the engine are not taken; the count of those checked is asserted so the coverage
 * cannot silently drop.
 */
class QttFunctionConformanceTest {
    private static final List<String> FILES = List.of(
            "substring.json", "split.json", "string-lpad-rpad.json", "initcap.json", "encode.json", "elt-field.json",
            "regex.json", "len.json", "extract-json-field.json", "json_array_contains.json", "is_json_string.json",
            "json_array_length.json", "json_keys.json", "json_records.json", "json_concat.json", "json_items.json",
            "url.json", "greatest.json", "least.json", "geodistance.json", "stringtimestamp.json",
            "timestamp-to-string.json", "datestring.json", "format-date.json", "format-time.json", "parse-date.json",
            "dateadd.json", "timeadd.json", "timestampadd.json", "from-days.json", "unix-date.json", "slice.json",
            "arrayjoin.json", "array-remove.json", "array.json", "map.json", "null.json", "bytes.json", "udf.json");

    private static final TypeResolver TYPES = new TypeResolver(Catalog.empty());

    @Test
    void shouldProduceExpectedOutputsOfFunctionOnlyConformanceCases() throws IOException {
        Path dir = Path.of(System.getProperty("runnel.conformance.dir"), "qtt");
        int checked = 0;
        List<String> failures = new ArrayList<>();
        for (String file : FILES) {
            for (QttCase c : QttLoader.load(dir.resolve(file), file)) {
                Prepared prepared = prepare(c);
                if (prepared == null) continue;
                String problem;
                try {
                    problem = run(prepared, c);
                } catch (NotFunctionLevel e) {
                    continue;
                }
                checked++;
                if (problem != null) failures.add(file + " / " + c.name() + " " + c.variant() + ": " + problem);
            }
        }
        System.out.println("QTT function-level cases checked: " + checked + ", failed: " + failures.size());
        assertThat(failures).isEmpty();
        assertThat(checked).as("cases checked").isGreaterThanOrEqualTo(90);
    }

    private record Column(String name, SqlType type, boolean key) {
    }

    private record Output(String name, Expression expression) {
    }

    private record Prepared(List<Column> columns, List<Output> outputs) {
    }

    /** The case's schema and projection, or null when the case needs more than functions. */
    private static Prepared prepare(QttCase c) {
        if (c.expectedError() != null || c.statements().size() != 2 || c.outputs().isEmpty()) return null;
        String ddl = c.statements().get(0).toUpperCase(Locale.ROOT);
        if (ddl.contains("DELIMITED") || ddl.contains("AVRO") || ddl.contains("PROTOBUF")
                || ddl.contains("WRAP_SINGLE_VALUE")) {
            return null;
        }
        Statement create;
        Statement select;
        try {
            create = SqlParser.parseStatement(c.statements().get(0));
            select = SqlParser.parseStatement(c.statements().get(1));
        } catch (RuntimeException e) {
            return null;
        }
        if (!(create instanceof Statement.CreateSource source) || !(select instanceof Statement.CreateAsSelect csas)) return null;
        Query q = csas.query();
        if (q.where().isPresent() || !q.groupBy().isEmpty() || q.window().isPresent() || !q.partitionBy().isEmpty()
                || q.having().isPresent() || c.outputs().size() != c.inputs().size()) {
            return null;
        }
        List<Column> columns = new ArrayList<>();
        for (TableElement e : source.elements()) {
            columns.add(new Column(e.name(), TYPES.resolve(e.type()), e.constraint() != TableElement.Constraint.VALUE));
        }
        List<Output> outputs = new ArrayList<>();
        int generated = 0;
        boolean anyCall = false;
        for (SelectItem item : q.select()) {
            if (!(item instanceof SelectItem.SingleColumn single) || !supported(single.expression())) return null;
            anyCall |= single.expression() instanceof Expression.FunctionCall;
            String name = single.alias().map(a -> a.toUpperCase(Locale.ROOT)).orElse(null);
            if (name == null) {
                name = single.expression() instanceof Expression.ColumnRef ref ? ref.name().toUpperCase(Locale.ROOT)
                        : "KSQL_COL_" + generated++;
            }
            outputs.add(new Output(name, single.expression()));
        }
        return anyCall ? new Prepared(columns, outputs) : null;
    }

    private static boolean supported(Expression e) {
        if (e instanceof Expression.ColumnRef || e instanceof Expression.Literal) return true;
        if (e instanceof Expression.FunctionCall f) {
            return !f.star() && !f.distinct() && Calls.REGISTRY.kind(f.name()).filter(k -> k == FunctionKind.SCALAR).isPresent()
                    && f.arguments().stream().allMatch(QttFunctionConformanceTest::supported);
        }
        return false;
    }

    private static String run(Prepared p, QttCase c) {
        for (int i = 0; i < c.inputs().size(); i++) {
            QttRecord in = c.inputs().get(i);
            QttRecord out = c.outputs().get(i);
            if (in.value() == null || in.value().isNull() || out.value() == null || !out.value().isObject()) return null;
            Map<String, Typed> row = new LinkedHashMap<>();
            long valueColumns = p.columns().stream().filter(col -> !col.key()).count();
            for (Column col : p.columns()) {
                JsonNode node = col.key() ? in.key()
                        : !in.value().isObject() && valueColumns == 1 ? in.value() : field(in.value(), col.name());
                row.put(col.name().toUpperCase(Locale.ROOT), new Typed(fromJson(node, col.type()), col.type()));
            }
            for (Output o : p.outputs()) {
                JsonNode expected = field(out.value(), o.name());
                if (expected == null && !out.value().has(o.name())) continue; // e.g. a key column
                Typed actual = eval(o.expression(), row);
                JsonNode actualJson = toJson(actual.value(), actual.type());
                if (!same(expected == null ? JsonNodeFactory.instance.nullNode() : expected, actualJson)) {
                    return "record " + i + " column " + o.name() + ": expected " + expected + " but was " + actualJson;
                }
            }
        }
        return null;
    }

    private record Typed(Object value, SqlType type) {
    }

    /** The case reads something only the engine provides (a pseudo column): not checked here. */
    private static final class NotFunctionLevel extends RuntimeException {
        private static final long serialVersionUID = 1L;
    }

    private static Typed eval(Expression e, Map<String, Typed> row) {
        if (e instanceof Expression.ColumnRef ref) {
            Typed column = row.get(ref.name().toUpperCase(Locale.ROOT));
            if (column == null) throw new NotFunctionLevel(); // ROWTIME and other pseudo columns
            return column;
        }
        if (e instanceof Expression.NullLiteral) return new Typed(null, null);
        if (e instanceof Expression.IntegerLiteral l) return new Typed(l.number(), SqlType.INTEGER);
        if (e instanceof Expression.LongLiteral l) return new Typed(l.number(), SqlType.BIGINT);
        if (e instanceof Expression.DoubleLiteral l) return new Typed(l.number(), SqlType.DOUBLE);
        if (e instanceof Expression.BooleanLiteral l) return new Typed(l.bool(), SqlType.BOOLEAN);
        if (e instanceof Expression.StringLiteral l) return new Typed(l.text(), SqlType.STRING);
        if (e instanceof Expression.DecimalLiteral l) {
            BigDecimal d = l.number();
            return new Typed(d, new SqlType.Decimal(Math.max(d.precision(), d.scale() + 1), Math.max(d.scale(), 0)));
        }
        Expression.FunctionCall call = (Expression.FunctionCall) e;
        List<ArgType> types = new ArrayList<>();
        List<Object> values = new ArrayList<>();
        for (Expression arg : call.arguments()) {
            Typed t = eval(arg, row);
            values.add(t.value());
            if (arg instanceof Expression.StringLiteral s) types.add(ArgType.stringLiteral(s.text()));
            else types.add(t.type() == null ? ArgType.nullLiteral() : ArgType.of(t.type()));
        }
        ResolvedFunction f = Calls.REGISTRY.resolveScalar(call.name(), types);
        Object result;
        try {
            result = f.invoker().invoke(values.toArray());
        } catch (RuntimeException ex) {
            result = null;
        }
        return new Typed(result, f.returnType());
    }

    static JsonNode field(JsonNode object, String name) {
        if (object == null || !object.isObject()) return null;
        Iterator<String> names = object.fieldNames();
        while (names.hasNext()) {
            String n = names.next();
            if (n.equalsIgnoreCase(name)) return object.get(n);
        }
        return null;
    }

    static Object fromJson(JsonNode n, SqlType type) {
        if (n == null || n.isNull()) return null;
        return switch (type.baseType()) {
            case BOOLEAN -> n.asBoolean();
            case INTEGER -> n.asInt();
            case BIGINT -> n.asLong();
            case DOUBLE -> n.asDouble();
            case DECIMAL -> (n.isTextual() ? new BigDecimal(n.asText()) : n.decimalValue())
                    .setScale(((SqlType.Decimal) type).scale(), RoundingMode.HALF_UP);
            case STRING -> n.isTextual() ? n.asText() : n.toString();
            case BYTES -> ByteBuffer.wrap(Base64.getDecoder().decode(n.asText())).asReadOnlyBuffer();
            case DATE -> LocalDate.ofEpochDay(n.asLong());
            case TIME -> LocalTime.ofNanoOfDay(n.asLong() * 1_000_000L);
            case TIMESTAMP -> Instant.ofEpochMilli(n.asLong());
            case ARRAY -> {
                List<Object> list = new ArrayList<>();
                for (JsonNode e : n) list.add(fromJson(e, ((SqlType.Array) type).element()));
                yield list;
            }
            case MAP -> {
                Map<Object, Object> map = new LinkedHashMap<>();
                SqlType.Map m = (SqlType.Map) type;
                n.fields().forEachRemaining(f -> map.put(fromJson(JsonNodeFactory.instance.textNode(f.getKey()), m.key()),
                        fromJson(f.getValue(), m.value())));
                yield map;
            }
            case STRUCT -> {
                Struct.Builder b = Struct.builder();
                for (SqlType.Field f : ((SqlType.Struct) type).fields()) b.put(f.name(), fromJson(field(n, f.name()), f.type()));
                yield b.build();
            }
        };
    }

    static JsonNode toJson(Object v, SqlType type) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        if (v == null) return f.nullNode();
        if (v instanceof LocalDate d) return f.numberNode(d.toEpochDay());
        if (v instanceof LocalTime t) return f.numberNode(t.toNanoOfDay() / 1_000_000L);
        if (v instanceof Instant t) return f.numberNode(t.toEpochMilli());
        if (v instanceof ByteBuffer b) {
            ByteBuffer d = b.duplicate();
            d.rewind();
            byte[] bytes = new byte[d.remaining()];
            d.get(bytes);
            return f.textNode(Base64.getEncoder().encodeToString(bytes));
        }
        if (v instanceof List<?> list) {
            SqlType element = type instanceof SqlType.Array a ? a.element() : null;
            var array = f.arrayNode();
            for (Object e : list) array.add(toJson(e, element));
            return array;
        }
        if (v instanceof Map<?, ?> map) {
            var object = f.objectNode();
            SqlType value = type instanceof SqlType.Map m ? m.value() : null;
            map.forEach((k, x) -> object.set(String.valueOf(k), toJson(x, value)));
            return object;
        }
        if (v instanceof Struct s) {
            var object = f.objectNode();
            s.fields().forEach((k, x) -> object.set(k, toJson(x, null)));
            return object;
        }
        return io.runnel.sql.internal.function.builtin.JsonFunctions.ToJsonString.toJsonString(v) == null ? f.nullNode()
                : f.pojoNode(v);
    }

    static boolean same(JsonNode expected, JsonNode actual) {
        if (actual.isPojo()) {
            Object v = ((com.fasterxml.jackson.databind.node.POJONode) actual).getPojo();
            if (expected.isNull()) return false;
            if (v instanceof Double d) return expected.isNumber() && Math.abs(expected.asDouble() - d) <= 1e-6;
            if (v instanceof BigDecimal d) {
                // the JSON format may write decimals as numbers or as strings
                BigDecimal want = expected.isNumber() ? expected.decimalValue() : expected.isTextual() ? new BigDecimal(expected.asText()) : null;
                return want != null && want.compareTo(d) == 0;
            }
            if (v instanceof Number n) return expected.isNumber() && expected.asLong() == n.longValue();
            if (v instanceof Boolean b) return expected.isBoolean() && expected.asBoolean() == b;
            return expected.isTextual() && expected.asText().equals(String.valueOf(v));
        }
        if (expected.isNull() || actual.isNull()) return expected.isNull() && actual.isNull();
        if (actual.isNumber()) return expected.isNumber() && expected.asLong() == actual.asLong();
        if (actual.isTextual()) return expected.isTextual() && expected.asText().equals(actual.asText());
        if (actual.isArray()) {
            if (!expected.isArray() || expected.size() != actual.size()) return false;
            for (int i = 0; i < actual.size(); i++) if (!same(expected.get(i), actual.get(i))) return false;
            return true;
        }
        if (actual.isObject()) {
            if (!expected.isObject() || expected.size() != actual.size()) return false;
            Iterator<String> names = actual.fieldNames();
            while (names.hasNext()) {
                String n = names.next();
                JsonNode e = field(expected, n);
                if (e == null || !same(e, actual.get(n))) return false;
            }
            return true;
        }
        return expected.equals(actual);
    }
}
