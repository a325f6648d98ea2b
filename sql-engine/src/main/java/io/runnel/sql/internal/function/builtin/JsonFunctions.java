package io.runnel.sql.internal.function.builtin;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.runnel.sql.function.Struct;
import io.runnel.sql.function.Udf;
import io.runnel.sql.function.UdfDescription;
import io.runnel.sql.function.UdfParameter;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** ksqlDB's JSON functions over JSON text (invalid JSON gives NULL, or false for IS_JSON_STRING). */
public final class JsonFunctions {
    static final JsonMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .nodeFactory(JsonNodeFactory.withExactBigDecimals(true))
            .build();

    private JsonFunctions() {
    }

    /** The parsed text, or null when it is null or not JSON. */
    static JsonNode parse(String json) {
        if (json == null) return null;
        try {
            JsonNode node = MAPPER.readTree(json);
            return node == null || node.isMissingNode() ? null : node;
        } catch (JsonProcessingException e) {
            return null;
        }
    }

    static String write(JsonNode node) {
        try {
            return MAPPER.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A string node's text, any other node as compact JSON. */
    static String text(JsonNode node) {
        return node.isTextual() ? node.asText() : write(node);
    }

    @UdfDescription(name = "extractjsonfield", category = "JSON",
            description = "The value at a JSONPath ($.a.b[0], $['a']) of JSON text: strings unquoted, other values as JSON.")
    public static final class ExtractJsonField {
        @Udf
        public static String extractJsonField(@UdfParameter("jsonString") String jsonString,
                                              @UdfParameter("jsonPath") String jsonPath) {
            if (jsonString == null || jsonPath == null) return null;
            JsonNode node = parse(jsonString);
            if (node == null) return null;
            for (Object step : JsonPath.steps(jsonPath)) {
                if (step instanceof Integer index) {
                    node = node.isArray() && index >= 0 ? node.get(index) : null;
                } else {
                    node = node.isObject() ? node.get((String) step) : null;
                }
                if (node == null) return null;
            }
            return node.isNull() ? null : text(node);
        }
    }

    /** Parses the subset of JSONPath ksqlDB's EXTRACTJSONFIELD uses: {@code $}, {@code .name}, {@code [n]}, {@code ['name']}. */
    static final class JsonPath {
        private JsonPath() {
        }

        static List<Object> steps(String path) {
            List<Object> steps = new ArrayList<>();
            String p = path.trim();
            if (!p.startsWith("$")) throw new IllegalArgumentException("Invalid JSON path: " + path);
            int i = 1;
            while (i < p.length()) {
                char c = p.charAt(i);
                if (c == '.') {
                    int end = i + 1;
                    while (end < p.length() && p.charAt(end) != '.' && p.charAt(end) != '[') end++;
                    steps.add(p.substring(i + 1, end));
                    i = end;
                } else if (c == '[') {
                    int end = p.indexOf(']', i);
                    if (end < 0) throw new IllegalArgumentException("Invalid JSON path: " + path);
                    String inner = p.substring(i + 1, end).trim();
                    if (inner.startsWith("'") || inner.startsWith("\"")) {
                        steps.add(inner.substring(1, inner.length() - 1));
                    } else {
                        steps.add(Integer.parseInt(inner));
                    }
                    i = end + 1;
                } else {
                    throw new IllegalArgumentException("Invalid JSON path: " + path);
                }
            }
            return steps;
        }
    }

    @UdfDescription(name = "json_array_contains", category = "JSON",
            description = "Whether a JSON array contains a value (compared by type and value); false for invalid JSON.")
    public static final class JsonArrayContains {
        @Udf
        public static Boolean jsonArrayContains(@UdfParameter("jsonArray") String jsonArray, @UdfParameter("val") Object val) {
            JsonNode node = parse(jsonArray);
            if (node == null || !node.isArray()) return false;
            for (JsonNode e : node) {
                if (matches(e, val)) return true;
            }
            return false;
        }

        private static boolean matches(JsonNode e, Object val) {
            if (val == null) return e.isNull();
            if (val instanceof String s) return e.isTextual() && e.asText().equals(s);
            if (val instanceof Boolean b) return e.isBoolean() && e.booleanValue() == b;
            if (val instanceof Integer || val instanceof Long) return e.isIntegralNumber() && e.asLong() == ((Number) val).longValue();
            if (val instanceof Double d) return e.isFloatingPointNumber() && e.doubleValue() == d;
            if (val instanceof BigDecimal d) return e.isNumber() && e.decimalValue().compareTo(d) == 0;
            return false;
        }
    }

    @UdfDescription(name = "is_json_string", category = "JSON", description = "Whether a string is valid JSON.")
    public static final class IsJsonString {
        @Udf
        public static Boolean isJsonString(@UdfParameter("json") String json) {
            return json != null && parse(json) != null;
        }
    }

    @UdfDescription(name = "json_array_length", category = "JSON", description = "The length of a JSON array; NULL if not an array.")
    public static final class JsonArrayLength {
        @Udf
        public static Integer jsonArrayLength(@UdfParameter("json") String json) {
            JsonNode node = parse(json);
            return node != null && node.isArray() ? node.size() : null;
        }
    }

    @UdfDescription(name = "json_keys", category = "JSON", description = "The keys of a JSON object; NULL if not an object.")
    public static final class JsonKeys {
        @Udf
        public static List<String> jsonKeys(@UdfParameter("json") String json) {
            JsonNode node = parse(json);
            if (node == null || !node.isObject()) return null;
            List<String> keys = new ArrayList<>();
            node.fieldNames().forEachRemaining(keys::add);
            return keys;
        }
    }

    @UdfDescription(name = "json_records", category = "JSON",
            description = "The entries of a JSON object, values as text (strings unquoted); NULL if not an object.")
    public static final class JsonRecords {
        @Udf
        public static Map<String, String> jsonRecords(@UdfParameter("json") String json) {
            JsonNode node = parse(json);
            if (node == null || !node.isObject()) return null;
            Map<String, String> out = new LinkedHashMap<>();
            Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> f = fields.next();
                out.put(f.getKey(), f.getValue().isNull() ? null : text(f.getValue()));
            }
            return out;
        }
    }

    @UdfDescription(name = "json_items", category = "JSON", description = "The items of a JSON array, each as JSON text; NULL if not an array.")
    public static final class JsonItems {
        @Udf
        public static List<String> jsonItems(@UdfParameter("json") String json) {
            JsonNode node = parse(json);
            if (node == null || !node.isArray()) return null;
            List<String> out = new ArrayList<>();
            for (JsonNode e : node) out.add(write(e));
            return out;
        }
    }

    @UdfDescription(name = "json_concat", category = "JSON", description = "Merges JSON objects (later keys win), or "
            + "concatenates JSON values into one array (arrays are flattened one level); NULL if any is invalid.")
    public static final class JsonConcat {
        @Udf
        public static String jsonConcat(@UdfParameter("inputs") String... inputs) {
            if (inputs == null || inputs.length == 0) return null;
            List<JsonNode> nodes = new ArrayList<>();
            boolean allObjects = true;
            for (String s : inputs) {
                JsonNode n = parse(s);
                if (n == null) return null;
                allObjects &= n.isObject();
                nodes.add(n);
            }
            if (allObjects) {
                ObjectNode out = MAPPER.createObjectNode();
                for (JsonNode n : nodes) out.setAll((ObjectNode) n);
                return write(out);
            }
            ArrayNode out = MAPPER.createArrayNode();
            for (JsonNode n : nodes) {
                if (n.isArray()) out.addAll((ArrayNode) n);
                else out.add(n);
            }
            return write(out);
        }
    }

    @UdfDescription(name = "to_json_string", category = "JSON", description = "Any value as JSON text (STRUCT as object, "
            + "BYTES base64, DATE days since the epoch, TIME milliseconds of the day, TIMESTAMP epoch milliseconds).")
    public static final class ToJsonString {
        @Udf
        public static <T> String toJsonString(@UdfParameter("input") T input) {
            return write(toNode(input));
        }

        static JsonNode toNode(Object v) {
            JsonNodeFactory f = MAPPER.getNodeFactory();
            if (v == null) return f.nullNode();
            if (v instanceof String s) return f.textNode(s);
            if (v instanceof Boolean b) return f.booleanNode(b);
            if (v instanceof Integer i) return f.numberNode(i);
            if (v instanceof Long l) return f.numberNode(l);
            if (v instanceof Double d) return f.numberNode(d);
            if (v instanceof BigDecimal d) return f.numberNode(d);
            if (v instanceof ByteBuffer b) return f.textNode(Base64.getEncoder().encodeToString(Bytes.toArray(b)));
            if (v instanceof LocalDate d) return f.numberNode(d.toEpochDay());
            if (v instanceof LocalTime t) return f.numberNode(t.toNanoOfDay() / 1_000_000);
            if (v instanceof Instant t) return f.numberNode(t.toEpochMilli());
            if (v instanceof List<?> list) {
                ArrayNode a = f.arrayNode();
                for (Object e : list) a.add(toNode(e));
                return a;
            }
            if (v instanceof Map<?, ?> map) {
                ObjectNode o = f.objectNode();
                for (Map.Entry<?, ?> e : map.entrySet()) o.set(String.valueOf(e.getKey()), toNode(e.getValue()));
                return o;
            }
            if (v instanceof Struct s) {
                ObjectNode o = f.objectNode();
                for (Map.Entry<String, Object> e : s.fields().entrySet()) o.set(e.getKey(), toNode(e.getValue()));
                return o;
            }
            return f.textNode(v.toString());
        }
    }
}
