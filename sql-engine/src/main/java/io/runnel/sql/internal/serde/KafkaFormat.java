package io.runnel.sql.internal.serde;

import io.runnel.common.Deserializer;
import io.runnel.common.Serializer;
import io.runnel.sql.internal.catalog.SqlBaseType;
import io.runnel.sql.internal.catalog.SqlType;
import io.runnel.sql.internal.row.Row;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * The KAFKA format: at most one column, byte-compatible with Apache Kafka's primitive serdes (as
 * ksqlDB's KAFKA format is):
 *
 * <table>
 *   <caption>column type → bytes</caption>
 *   <tr><td>INT</td><td>4 bytes, big-endian two's complement</td></tr>
 *   <tr><td>BIGINT</td><td>8 bytes, big-endian two's complement</td></tr>
 *   <tr><td>DOUBLE</td><td>8 bytes, IEEE 754 big-endian</td></tr>
 *   <tr><td>STRING</td><td>UTF-8 (zero bytes = the empty string)</td></tr>
 *   <tr><td>BYTES</td><td>the bytes themselves</td></tr>
 * </table>
 *
 * A null column is written as null bytes, and null bytes are read as a null row. Other types
 * (BOOLEAN, DECIMAL, DATE, TIME, TIMESTAMP, ARRAY, MAP, STRUCT) are rejected, as in ksqlDB.
 * BYTES values read are read-only views over the given array, which must not be reused.
 */
final class KafkaFormat implements Format {

    private static final byte[] EMPTY = new byte[0];

    @Override
    public String name() {
        return "KAFKA";
    }

    @Override
    public void validate(SerdeSchema schema, FormatOptions options) {
        Formats.validateWrapping(schema, options);
        if (schema.part() == SerdeSchema.Part.VALUE && options.wrapSingleValue().orElse(false)) {
            throw Formats.invalid("Format 'KAFKA' does not support 'WRAP_SINGLE_VALUE' set to 'true'.");
        }
        if (schema.size() > 1) {
            throw Formats.invalid("The 'KAFKA' format only supports a single field. Got: " + schema.describe());
        }
        if (schema.size() == 1) {
            SqlBaseType t = schema.column(0).type().baseType();
            if (t != SqlBaseType.INTEGER && t != SqlBaseType.BIGINT && t != SqlBaseType.DOUBLE
                    && t != SqlBaseType.STRING && t != SqlBaseType.BYTES) {
                throw Formats.invalid("The 'KAFKA' format does not support type '" + t.name() + "'");
            }
        }
    }

    @Override
    public Serializer<Row> serializer(SerdeSchema schema, FormatOptions options) {
        validate(schema, options);
        if (schema.size() == 0) {
            return (topic, row) -> row == null || schema.part() == SerdeSchema.Part.KEY ? null : EMPTY.clone();
        }
        SqlType type = schema.column(0).type();
        String name = schema.column(0).name();
        return (topic, row) -> {
            if (row == null) return null;
            RowErrors.checkSize(schema, row);
            Object v = row.get(0);
            if (v == null) return null;
            try {
                return switch (type.baseType()) {
                    case INTEGER -> ByteBuffer.allocate(4).putInt((Integer) v).array();
                    case BIGINT -> ByteBuffer.allocate(8).putLong((Long) v).array();
                    case DOUBLE -> ByteBuffer.allocate(8).putDouble((Double) v).array();
                    case STRING -> ((String) v).getBytes(StandardCharsets.UTF_8);
                    case BYTES -> Values.bytes(v);
                    default -> throw new IllegalStateException("validated: " + type);
                };
            } catch (ClassCastException e) {
                throw RowErrors.writing(schema, Values.wrongClass(type, v).inField(name));
            }
        };
    }

    @Override
    public Deserializer<Row> deserializer(SerdeSchema schema, FormatOptions options) {
        validate(schema, options);
        if (schema.size() == 0) {
            return (topic, data) -> data == null ? null : Row.EMPTY;
        }
        SqlType type = schema.column(0).type();
        String name = schema.column(0).name();
        return (topic, data) -> {
            if (data == null) return null;
            Object value = switch (type.baseType()) {
                case INTEGER -> ByteBuffer.wrap(checkSize(schema, name, type, data, 4)).getInt();
                case BIGINT -> ByteBuffer.wrap(checkSize(schema, name, type, data, 8)).getLong();
                case DOUBLE -> ByteBuffer.wrap(checkSize(schema, name, type, data, 8)).getDouble();
                case STRING -> new String(data, StandardCharsets.UTF_8);
                case BYTES -> Values.bytesValue(data);
                default -> throw new IllegalStateException("validated: " + type);
            };
            return Row.wrap(new Object[] {value});
        };
    }

    private static byte[] checkSize(SerdeSchema schema, String name, SqlType type, byte[] data, int size) {
        if (data.length != size) {
            throw RowErrors.reading(schema, new FieldError(type.sql(), "Size of data received is not " + size
                    + " bytes but " + data.length).inField(name), data);
        }
        return data;
    }
}
