package io.runnel.sql.internal.serde;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.runnel.sql.function.Struct;
import io.runnel.sql.internal.catalog.SqlBaseType;
import io.runnel.sql.internal.catalog.SqlType;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Readers of JSON values by SQL type, built once per schema and applied to a streaming
 * {@link JsonParser} (no tree per record). The coercions are ksqlDB's:
 *
 * <table>
 *   <caption>JSON → SQL</caption>
 *   <tr><th>type</th><th>accepted</th><th>rejected</th></tr>
 *   <tr><td>BOOLEAN</td><td>{@code true}, {@code false}</td><td>strings, numbers</td></tr>
 *   <tr><td>INT, BIGINT</td><td>integers; decimals (fraction truncated); numeric strings
 *       ({@code "12"})</td><td>out-of-range numbers (ksqlDB wraps them silently), other strings</td></tr>
 *   <tr><td>DOUBLE</td><td>numbers; strings Java parses as double</td><td>other strings</td></tr>
 *   <tr><td>DECIMAL(p,s)</td><td>numbers and numeric strings, exact, rescaled to {@code s} without
 *       rounding</td><td>values needing rounding or more than p-s integer digits</td></tr>
 *   <tr><td>STRING</td><td>any scalar as its text; objects as JSON text; arrays as
 *       {@code [a, b]}</td><td></td></tr>
 *   <tr><td>BYTES</td><td>base64 strings</td><td>anything else</td></tr>
 *   <tr><td>DATE / TIME / TIMESTAMP</td><td>integers or integer strings: days since epoch / ms of
 *       day (0 to 86399999) / epoch ms</td><td>other strings</td></tr>
 *   <tr><td>ARRAY / MAP / STRUCT</td><td>arrays / objects / objects (fields matched as written,
 *       then upper-cased; missing fields null; unknown fields ignored)</td><td>anything else</td></tr>
 * </table>
 */
final class JsonReaders {

    /** Reads one non-null value; the parser is at its first token and is left at its last. */
    interface Reader {
        Object read(JsonParser p) throws IOException;
    }

    /** For STRING columns holding objects: the object's JSON text, decimals exact. */
    private static final JsonMapper TREE_MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .nodeFactory(JsonNodeFactory.withExactBigDecimals(true))
            .build();

    private JsonReaders() {
    }

    static Reader forType(SqlType type) {
        return switch (type.baseType()) {
            case BOOLEAN -> p -> {
                JsonToken t = p.currentToken();
                if (t == JsonToken.VALUE_TRUE) return Boolean.TRUE;
                if (t == JsonToken.VALUE_FALSE) return Boolean.FALSE;
                throw cannotConvert(t, type);
            };
            case INTEGER -> p -> {
                long v = integral(p, type);
                if (v < Integer.MIN_VALUE || v > Integer.MAX_VALUE) {
                    throw new FieldError(type.sql(), "Value " + v + " is out of range for INTEGER");
                }
                return (int) v;
            };
            case BIGINT -> p -> integral(p, type);
            case DOUBLE -> p -> {
                JsonToken t = p.currentToken();
                if (t == JsonToken.VALUE_NUMBER_INT || t == JsonToken.VALUE_NUMBER_FLOAT) return p.getDoubleValue();
                if (t == JsonToken.VALUE_STRING) {
                    try {
                        return Double.parseDouble(p.getText());
                    } catch (NumberFormatException e) {
                        throw cannotCoerceString(p, type);
                    }
                }
                throw cannotConvert(t, type);
            };
            case DECIMAL -> decimal((SqlType.Decimal) type);
            case STRING -> JsonReaders::string;
            case BYTES -> p -> {
                if (p.currentToken() != JsonToken.VALUE_STRING) throw cannotConvert(p.currentToken(), type);
                return Values.base64(p.getText(), type);
            };
            case DATE -> p -> Values.date(integral(p, type), type);
            case TIME -> p -> Values.time(integral(p, type), type);
            case TIMESTAMP -> p -> Values.timestamp(integral(p, type));
            case ARRAY -> array((SqlType.Array) type);
            case MAP -> map((SqlType.Map) type);
            case STRUCT -> struct((SqlType.Struct) type);
        };
    }

    /** Reads a value that may be JSON null. */
    static Object readNullable(Reader reader, JsonParser p) throws IOException {
        return p.currentToken() == JsonToken.VALUE_NULL ? null : reader.read(p);
    }

    private static long integral(JsonParser p, SqlType type) throws IOException {
        JsonToken t = p.currentToken();
        if (t == JsonToken.VALUE_NUMBER_INT) {
            if (p.getNumberType() == JsonParser.NumberType.BIG_INTEGER) {
                throw new FieldError(type.sql(), "Value " + Values.shorten(p.getText()) + " is out of range for "
                        + type.sql());
            }
            return p.getLongValue();
        }
        if (t == JsonToken.VALUE_NUMBER_FLOAT) {
            BigDecimal d = p.getDecimalValue();
            try {
                return d.setScale(0, java.math.RoundingMode.DOWN).longValueExact();
            } catch (ArithmeticException e) {
                throw new FieldError(type.sql(), "Value " + Values.shorten(p.getText()) + " is out of range for "
                        + type.sql());
            }
        }
        if (t == JsonToken.VALUE_STRING) {
            try {
                return Long.parseLong(p.getText());
            } catch (NumberFormatException e) {
                throw cannotCoerceString(p, type);
            }
        }
        throw cannotConvert(t, type);
    }

    private static Reader decimal(SqlType.Decimal type) {
        return p -> {
            JsonToken t = p.currentToken();
            BigDecimal value;
            if (t == JsonToken.VALUE_NUMBER_INT || t == JsonToken.VALUE_NUMBER_FLOAT) {
                value = p.getDecimalValue();
            } else if (t == JsonToken.VALUE_STRING) {
                try {
                    value = new BigDecimal(p.getText());
                } catch (NumberFormatException e) {
                    throw cannotCoerceString(p, type);
                }
            } else {
                throw cannotConvert(t, type);
            }
            return Values.fit(value, type);
        };
    }

    private static String string(JsonParser p) throws IOException {
        JsonToken t = p.currentToken();
        switch (t) {
            case VALUE_STRING:
            case VALUE_NUMBER_INT:
            case VALUE_TRUE:
            case VALUE_FALSE:
                return p.getText();
            case VALUE_NUMBER_FLOAT:
                return p.getDecimalValue().toString();
            case START_OBJECT: {
                JsonNode tree = TREE_MAPPER.readTree(p);
                return TREE_MAPPER.writeValueAsString(tree);
            }
            case START_ARRAY: {
                StringBuilder sb = new StringBuilder("[");
                boolean first = true;
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    if (!first) sb.append(", ");
                    first = false;
                    sb.append(p.currentToken() == JsonToken.VALUE_NULL ? "null" : string(p));
                }
                return sb.append(']').toString();
            }
            default:
                throw cannotConvert(t, SqlType.STRING);
        }
    }

    private static Reader array(SqlType.Array type) {
        Reader element = forType(type.element());
        return p -> {
            if (p.currentToken() != JsonToken.START_ARRAY) throw cannotConvert(p.currentToken(), type);
            List<Object> list = new ArrayList<>();
            int index = 0;
            while (p.nextToken() != JsonToken.END_ARRAY) {
                try {
                    list.add(readNullable(element, p));
                } catch (FieldError e) {
                    throw e.inElement(Integer.toString(index));
                }
                index++;
            }
            return list;
        };
    }

    private static Reader map(SqlType.Map type) {
        Reader value = forType(type.value());
        SqlType keyType = type.key();
        boolean stringKeys = keyType.baseType() == SqlBaseType.STRING;
        return p -> {
            if (p.currentToken() != JsonToken.START_OBJECT) throw cannotConvert(p.currentToken(), type);
            Map<Object, Object> map = new LinkedHashMap<>();
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                p.nextToken();
                try {
                    Object key = stringKeys ? name : Values.parse(keyType, name);
                    map.put(key, readNullable(value, p));
                } catch (FieldError e) {
                    throw e.inElement("'" + Values.shorten(name) + "'");
                }
            }
            return map;
        };
    }

    private static Reader struct(SqlType.Struct type) {
        List<SqlType.Field> fields = type.fields();
        String[] names = new String[fields.size()];
        Reader[] readers = new Reader[fields.size()];
        for (int i = 0; i < names.length; i++) {
            names[i] = fields.get(i).name();
            readers[i] = forType(fields.get(i).type());
        }
        FieldMatcher matcher = new FieldMatcher(names);
        List<String> nameList = List.of(names);
        return p -> {
            if (p.currentToken() != JsonToken.START_OBJECT) throw cannotConvert(p.currentToken(), type);
            Object[] values = readObject(p, matcher, readers, names);
            return Struct.of(nameList, java.util.Arrays.asList(values));
        };
    }

    /**
     * Reads the fields of an object (parser at START_OBJECT, left at END_OBJECT) into an array
     * in declaration order: a field matches a name exactly, or else by its upper-cased name
     * (ksqlDB's rule: unquoted names are upper-case, so {@code "foo"} fills {@code FOO} but a
     * quoted {@code `foo`} only matches {@code "foo"}); an exact match wins over a case-insensitive
     * one; unknown fields are skipped; missing fields are null.
     */
    static Object[] readObject(JsonParser p, FieldMatcher matcher, Reader[] readers, String[] names)
            throws IOException {
        Object[] values = new Object[readers.length];
        long exact = 0;
        boolean[] exactHigh = null;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            p.nextToken();
            int index = matcher.exact(name);
            boolean isExact = index >= 0;
            if (!isExact) {
                index = matcher.upperCase(name);
                if (index < 0 || (index < 64 ? (exact & (1L << index)) != 0 : exactHigh != null && exactHigh[index])) {
                    p.skipChildren();
                    continue;
                }
            } else if (index < 64) {
                exact |= 1L << index;
            } else {
                if (exactHigh == null) exactHigh = new boolean[readers.length];
                exactHigh[index] = true;
            }
            try {
                values[index] = readNullable(readers[index], p);
            } catch (FieldError e) {
                throw e.inField(names[index]);
            }
        }
        return values;
    }

    /** Finds a column or struct field by a JSON field name: exactly, or by the upper-cased name. */
    static final class FieldMatcher {
        /** Non-exact names seen so far, so that lower-case input is not upper-cased per record. */
        private static final int MAX_CACHED = 1024;

        private final Map<String, Integer> exact = new HashMap<>();
        private final Map<String, Integer> byUpperCase = new java.util.concurrent.ConcurrentHashMap<>();

        FieldMatcher(String[] names) {
            for (int i = 0; i < names.length; i++) exact.put(names[i], i);
        }

        int exact(String name) {
            Integer i = exact.get(name);
            return i == null ? -1 : i;
        }

        int upperCase(String name) {
            Integer cached = byUpperCase.get(name);
            if (cached != null) return cached;
            Integer i = exact.get(name.toUpperCase(Locale.ROOT));
            int index = i == null ? -1 : i;
            if (byUpperCase.size() < MAX_CACHED) byUpperCase.put(name, index);
            return index;
        }
    }

    static FieldError cannotConvert(JsonToken token, SqlType type) {
        return new FieldError(type.sql(), "Can't convert type. sourceType: " + describe(token) + ", requiredType: "
                + type.sql());
    }

    private static FieldError cannotCoerceString(JsonParser p, SqlType type) throws IOException {
        return new FieldError(type.sql(), "Can't coerce string to type. targetType: " + type.sql() + ", value: '"
                + Values.shorten(p.getText()) + "'");
    }

    static String describe(JsonToken token) {
        if (token == null) return "nothing";
        return switch (token) {
            case START_OBJECT -> "object";
            case START_ARRAY -> "array";
            case VALUE_STRING -> "string";
            case VALUE_NUMBER_INT -> "integer";
            case VALUE_NUMBER_FLOAT -> "decimal number";
            case VALUE_TRUE, VALUE_FALSE -> "boolean";
            case VALUE_NULL -> "null";
            default -> token.name();
        };
    }
}
