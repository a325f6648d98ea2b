package io.runnel.state.internal.segmented;

import io.runnel.state.Bytes;
import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * Keys of window stores (in segments and in the changelog), as Kafka Streams' {@code WindowKeySchema}:
 * <pre>
 * | offset | size | field                                              |
 * |--------|------|----------------------------------------------------|
 * | 0      | n    | the record key bytes                               |
 * | n      | 8    | window start, big-endian (all window starts >= 0)  |
 * | n + 8  | 4    | sequence number (0 unless retaining duplicates)    |
 * </pre>
 * Entries of one key are therefore adjacent and sorted by window start.
 */
public final class WindowKeySchema {
    static final int SUFFIX = 12;

    private WindowKeySchema() {
    }

    public static Bytes toStoreKey(Bytes key, long windowStart, int seq) {
        byte[] k = key.get();
        return Bytes.wrap(ByteBuffer.allocate(k.length + SUFFIX).put(k).putLong(windowStart).putInt(seq).array());
    }

    public static long timestamp(byte[] storeKey) {
        return ByteBuffer.wrap(storeKey, storeKey.length - SUFFIX, 8).getLong();
    }

    public static Bytes key(byte[] storeKey) {
        return Bytes.wrap(Arrays.copyOf(storeKey, storeKey.length - SUFFIX));
    }

    static boolean keyEquals(byte[] storeKey, byte[] key) {
        return storeKey.length == key.length + SUFFIX && Arrays.equals(storeKey, 0, key.length, key, 0, key.length);
    }

    static Bytes lower(Bytes key, long timeFrom) {
        return toStoreKey(key, Math.max(0, timeFrom), 0);
    }

    static Bytes upper(Bytes key, long timeTo) {
        return toStoreKey(key, timeTo, -1);
    }
}
