package io.runnel.sql.internal.exec;

import io.runnel.common.Deserializer;
import io.runnel.common.Serde;
import io.runnel.common.Serializer;
import io.runnel.sql.internal.analyzer.RowSchema;
import io.runnel.sql.internal.catalog.SqlBaseType;
import io.runnel.sql.internal.row.Row;
import io.runnel.sql.internal.serde.SerdeSchema;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The serde of an aggregation's states in its store and changelog. States are read and written
 * for every input record, so when every state is a BOOLEAN, INTEGER, BIGINT, DOUBLE or STRING
 * (COUNT, SUM, MIN, MAX, EARLIEST/LATEST_BY_OFFSET of such values, ...) they are written in a
 * fixed binary layout; other states (structs, lists, maps, decimals, ...) are written as JSON.
 *
 * <table>
 *   <caption>binary states, version 1 (big-endian)</caption>
 *   <tr><th>bytes</th><th>content</th></tr>
 *   <tr><td>1</td><td>{@code 0x01}: the layout's version (JSON never starts with this byte)</td></tr>
 *   <tr><td>ceil(n / 8)</td><td>null flags: bit {@code i % 8} of byte {@code i / 8} set when state i is NULL</td></tr>
 *   <tr><td>per state not NULL, in order</td><td>BOOLEAN 1 (0 or 1); INTEGER 4; BIGINT 8; DOUBLE 8
 *       (IEEE 754 bits); STRING its UTF-8 length as 4 bytes, then the bytes</td></tr>
 * </table>
 *
 * <p>Compatibility: the deserializer reads JSON states too (anything not starting with
 * {@code 0x01}), so stores and changelogs written before this layout, when every state was JSON,
 * still restore. Thread-safe (stateless).
 */
final class AggregationStateSerde {
    private static final byte BINARY_V1 = 0x01;
    private static final Set<SqlBaseType> FIXED = EnumSet.of(SqlBaseType.BOOLEAN, SqlBaseType.INTEGER,
            SqlBaseType.BIGINT, SqlBaseType.DOUBLE, SqlBaseType.STRING);

    private AggregationStateSerde() {
    }

    /** The serde of states of types {@code fields}: binary when every type allows it, else JSON. */
    static Serde<Row> of(List<RowSchema.Field> fields) {
        Serde<Row> json = TopologyBuilder.jsonSerde(SerdeSchema.Part.VALUE, fields);
        SqlBaseType[] types = new SqlBaseType[fields.size()];
        for (int i = 0; i < types.length; i++) {
            types[i] = fields.get(i).type().baseType();
            if (!FIXED.contains(types[i])) {
                return json;
            }
        }
        Deserializer<Row> jsonReader = json.deserializer();
        Serializer<Row> writer = (topic, row) -> row == null ? null : write(types, row);
        Deserializer<Row> reader = (topic, data) -> {
            if (data == null) {
                return null;
            }
            return data.length > 0 && data[0] == BINARY_V1 ? read(types, data) : jsonReader.deserialize(topic, data);
        };
        return Serde.of(writer, reader);
    }

    private static byte[] write(SqlBaseType[] types, Row row) {
        int flags = (types.length + 7) / 8;
        int size = 1 + flags;
        byte[][] strings = null;
        for (int i = 0; i < types.length; i++) {
            Object v = row.get(i);
            if (v == null) {
                continue;
            }
            switch (types[i]) {
                case BOOLEAN -> size += 1;
                case INTEGER -> size += 4;
                case BIGINT, DOUBLE -> size += 8;
                default -> {
                    if (strings == null) {
                        strings = new byte[types.length][];
                    }
                    strings[i] = ((String) v).getBytes(StandardCharsets.UTF_8);
                    size += 4 + strings[i].length;
                }
            }
        }
        byte[] out = new byte[size];
        out[0] = BINARY_V1;
        int at = 1 + flags;
        for (int i = 0; i < types.length; i++) {
            Object v = row.get(i);
            if (v == null) {
                out[1 + i / 8] |= (byte) (1 << (i % 8));
                continue;
            }
            switch (types[i]) {
                case BOOLEAN -> out[at++] = (byte) (((Boolean) v) ? 1 : 0);
                case INTEGER -> at = putInt(out, at, ((Number) v).intValue());
                case BIGINT -> at = putLong(out, at, ((Number) v).longValue());
                case DOUBLE -> at = putLong(out, at, Double.doubleToRawLongBits(((Number) v).doubleValue()));
                default -> {
                    at = putInt(out, at, strings[i].length);
                    System.arraycopy(strings[i], 0, out, at, strings[i].length);
                    at += strings[i].length;
                }
            }
        }
        return out;
    }

    private static Row read(SqlBaseType[] types, byte[] data) {
        Object[] values = new Object[types.length];
        int flags = (types.length + 7) / 8;
        int at = 1 + flags;
        for (int i = 0; i < types.length; i++) {
            if ((data[1 + i / 8] & (1 << (i % 8))) != 0) {
                continue;
            }
            switch (types[i]) {
                case BOOLEAN -> values[i] = data[at++] != 0;
                case INTEGER -> {
                    values[i] = getInt(data, at);
                    at += 4;
                }
                case BIGINT -> {
                    values[i] = getLong(data, at);
                    at += 8;
                }
                case DOUBLE -> {
                    values[i] = Double.longBitsToDouble(getLong(data, at));
                    at += 8;
                }
                default -> {
                    int length = getInt(data, at);
                    values[i] = new String(data, at + 4, length, StandardCharsets.UTF_8);
                    at += 4 + length;
                }
            }
        }
        return Row.wrap(values);
    }

    private static int putInt(byte[] out, int at, int v) {
        out[at] = (byte) (v >>> 24);
        out[at + 1] = (byte) (v >>> 16);
        out[at + 2] = (byte) (v >>> 8);
        out[at + 3] = (byte) v;
        return at + 4;
    }

    private static int putLong(byte[] out, int at, long v) {
        putInt(out, at, (int) (v >>> 32));
        return putInt(out, at + 4, (int) v);
    }

    private static int getInt(byte[] data, int at) {
        return ((data[at] & 0xff) << 24) | ((data[at + 1] & 0xff) << 16) | ((data[at + 2] & 0xff) << 8)
                | (data[at + 3] & 0xff);
    }

    private static long getLong(byte[] data, int at) {
        return ((long) getInt(data, at) << 32) | (getInt(data, at + 4) & 0xffffffffL);
    }
}
