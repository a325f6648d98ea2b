package io.runnel.sql.internal.serde;

import com.fasterxml.jackson.core.JsonGenerator;
import io.runnel.sql.function.Struct;
import io.runnel.sql.internal.catalog.SqlBaseType;
import io.runnel.sql.internal.catalog.SqlType;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * Writers of JSON values by SQL type, built once per schema, as ksqlDB writes JSON (Kafka
 * Connect's JsonConverter, decimals numeric): BOOLEAN, INT, BIGINT, DOUBLE as JSON numbers and
 * booleans; DECIMAL as an exact number at the column's scale ({@code 12.30}); BYTES base64; DATE
 * days since epoch; TIME ms of day; TIMESTAMP epoch ms; ARRAY arrays; MAP objects (keys as text);
 * STRUCT objects with the field names as declared.
 */
final class JsonWriters {

    /** Writes one non-null value. */
    interface Writer {
        void write(JsonGenerator g, Object value) throws IOException;
    }

    private JsonWriters() {
    }

    static Writer forType(SqlType type) {
        Writer writer = switch (type.baseType()) {
            case BOOLEAN -> (g, v) -> g.writeBoolean((Boolean) v);
            case INTEGER -> (g, v) -> g.writeNumber((Integer) v);
            case BIGINT -> (g, v) -> g.writeNumber((Long) v);
            case DOUBLE -> (g, v) -> g.writeNumber((Double) v);
            case DECIMAL -> (g, v) -> g.writeNumber(Values.fit((BigDecimal) v, (SqlType.Decimal) type));
            case STRING -> (g, v) -> g.writeString((String) v);
            case BYTES -> (g, v) -> g.writeBinary(Values.bytes(v));
            case DATE -> (g, v) -> g.writeNumber(Values.epochDays(v));
            case TIME -> (g, v) -> g.writeNumber(Values.millisOfDay(v));
            case TIMESTAMP -> (g, v) -> g.writeNumber(Values.epochMillis(v));
            case ARRAY -> array((SqlType.Array) type);
            case MAP -> map((SqlType.Map) type);
            case STRUCT -> struct((SqlType.Struct) type);
        };
        return (g, v) -> {
            try {
                writer.write(g, v);
            } catch (ClassCastException e) {
                throw Values.wrongClass(type, v);
            }
        };
    }

    static void writeNullable(Writer writer, JsonGenerator g, Object value) throws IOException {
        if (value == null) {
            g.writeNull();
        } else {
            writer.write(g, value);
        }
    }

    private static Writer array(SqlType.Array type) {
        Writer element = forType(type.element());
        return (g, v) -> {
            List<?> list = (List<?>) v;
            g.writeStartArray(list, list.size());
            for (int i = 0; i < list.size(); i++) {
                try {
                    writeNullable(element, g, list.get(i));
                } catch (FieldError e) {
                    throw e.inElement(Integer.toString(i));
                }
            }
            g.writeEndArray();
        };
    }

    private static Writer map(SqlType.Map type) {
        Writer value = forType(type.value());
        SqlType keyType = type.key();
        boolean stringKeys = keyType.baseType() == SqlBaseType.STRING;
        return (g, v) -> {
            g.writeStartObject();
            for (Map.Entry<?, ?> e : ((Map<?, ?>) v).entrySet()) {
                // A null key is written as the name "null", as ksqlDB's JSON serializer does.
                String key = e.getKey() == null ? "null"
                        : stringKeys ? (String) e.getKey() : Values.format(keyType, e.getKey());
                g.writeFieldName(key);
                try {
                    writeNullable(value, g, e.getValue());
                } catch (FieldError error) {
                    throw error.inElement("'" + Values.shorten(key) + "'");
                }
            }
            g.writeEndObject();
        };
    }

    private static Writer struct(SqlType.Struct type) {
        List<SqlType.Field> fields = type.fields();
        String[] names = new String[fields.size()];
        Writer[] writers = new Writer[fields.size()];
        for (int i = 0; i < names.length; i++) {
            names[i] = fields.get(i).name();
            writers[i] = forType(fields.get(i).type());
        }
        return (g, v) -> {
            Map<String, Object> values = ((Struct) v).fields();
            g.writeStartObject();
            for (int i = 0; i < names.length; i++) {
                g.writeFieldName(names[i]);
                try {
                    writeNullable(writers[i], g, values.get(names[i]));
                } catch (FieldError e) {
                    throw e.inField(names[i]);
                }
            }
            g.writeEndObject();
        };
    }
}
