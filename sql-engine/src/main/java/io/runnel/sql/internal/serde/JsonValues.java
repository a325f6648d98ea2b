package io.runnel.sql.internal.serde;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.runnel.sql.function.Struct;
import io.runnel.sql.internal.catalog.SqlType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * Run-time values to and from Jackson trees, with the JSON format's type mapping: decimals as
 * exact {@code DecimalNode}s keeping the column's scale, doubles as {@code DoubleNode}s, BYTES
 * base64, DATE days, TIME ms of day, TIMESTAMP epoch ms. Not on the per-record path of queries
 * (the formats stream); used to show rows as JSON (tests, the conformance runner, tooling).
 */
public final class JsonValues {

    private static final JsonNodeFactory NODES = JsonNodeFactory.withExactBigDecimals(true);

    private JsonValues() {
    }

    /** The value as a JSON tree; null is {@link NullNode}. */
    public static JsonNode toNode(SqlType type, Object value) {
        if (value == null) return NullNode.getInstance();
        try {
            return switch (type.baseType()) {
                case BOOLEAN -> NODES.booleanNode((Boolean) value);
                case INTEGER -> NODES.numberNode((Integer) value);
                case BIGINT -> NODES.numberNode((Long) value);
                case DOUBLE -> NODES.numberNode((Double) value);
                case DECIMAL -> NODES.numberNode(Values.fit((BigDecimal) value, (SqlType.Decimal) type));
                case STRING -> NODES.textNode((String) value);
                case BYTES -> NODES.textNode(Base64.getEncoder().encodeToString(Values.bytes(value)));
                case DATE -> NODES.numberNode(Values.epochDays(value));
                case TIME -> NODES.numberNode(Values.millisOfDay(value));
                case TIMESTAMP -> NODES.numberNode(Values.epochMillis(value));
                case ARRAY -> {
                    ArrayNode array = NODES.arrayNode();
                    for (Object element : (List<?>) value) array.add(toNode(((SqlType.Array) type).element(), element));
                    yield array;
                }
                case MAP -> {
                    SqlType.Map map = (SqlType.Map) type;
                    ObjectNode object = NODES.objectNode();
                    for (Map.Entry<?, ?> e : ((Map<?, ?>) value).entrySet()) {
                        object.set(Values.format(map.key(), e.getKey()), toNode(map.value(), e.getValue()));
                    }
                    yield object;
                }
                case STRUCT -> {
                    ObjectNode object = NODES.objectNode();
                    Map<String, Object> fields = ((Struct) value).fields();
                    for (SqlType.Field field : ((SqlType.Struct) type).fields()) {
                        object.set(field.name(), toNode(field.type(), fields.get(field.name())));
                    }
                    yield object;
                }
            };
        } catch (ClassCastException e) {
            throw new IllegalArgumentException(Values.wrongClass(type, value).reason(), e);
        }
    }

    /**
     * The value of a JSON tree read with the JSON format's coercions ({@link JsonReaders}), e.g.
     * {@code "12"} for an INT column is 12. Throws {@link IllegalArgumentException} naming the
     * problem when the tree does not fit the type.
     */
    public static Object fromNode(SqlType type, JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) return null;
        try (var parser = node.traverse()) {
            parser.nextToken();
            return JsonReaders.forType(type).read(parser);
        } catch (FieldError e) {
            String where = e.path().isEmpty() ? "" : e.path() + ": ";
            throw new IllegalArgumentException(where + e.reason(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
