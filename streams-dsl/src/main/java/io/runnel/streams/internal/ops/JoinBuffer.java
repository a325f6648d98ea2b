package io.runnel.streams.internal.ops;

import io.runnel.common.Serde;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * Byte layouts of the outer-join buffer of a stream-stream join (a key-value store of records
 * still without a match):
 * <pre>
 * key:   | timestamp int64 big-endian | side int8 (0 left, 1 right) | key bytes          |
 * value: | count int32 | count x ( length int32 | value bytes )                           |
 * </pre>
 * Keys sort by timestamp first (timestamps are &gt;= 0), so a scan from the start visits the
 * oldest unmatched records first.
 */
final class JoinBuffer {

    private JoinBuffer() {
    }

    static byte[] key(long timestamp, boolean left, byte[] keyBytes) {
        return ByteBuffer.allocate(9 + keyBytes.length).putLong(timestamp).put((byte) (left ? 0 : 1)).put(keyBytes).array();
    }

    static long timestamp(byte[] key) {
        return ByteBuffer.wrap(key).getLong(0);
    }

    static boolean isLeft(byte[] key) {
        return key[8] == 0;
    }

    static byte[] keyBytes(byte[] key) {
        byte[] k = new byte[key.length - 9];
        System.arraycopy(key, 9, k, 0, k.length);
        return k;
    }

    static byte[] append(byte[] list, byte[] value) {
        int count = list == null ? 0 : ByteBuffer.wrap(list).getInt(0);
        int oldLen = list == null ? 4 : list.length;
        ByteBuffer b = ByteBuffer.allocate(oldLen + 4 + value.length);
        if (list != null) {
            b.put(list);
        } else {
            b.putInt(0);
        }
        b.putInt(value.length).put(value);
        b.putInt(0, count + 1);
        return b.array();
    }

    static List<byte[]> values(byte[] list) {
        ByteBuffer b = ByteBuffer.wrap(list);
        int count = b.getInt();
        List<byte[]> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            byte[] v = new byte[b.getInt()];
            b.get(v);
            out.add(v);
        }
        return out;
    }

    static <T> byte[] serialize(Serde<T> serde, String topic, T value) {
        return serde.serializer().serialize(topic, value);
    }
}
