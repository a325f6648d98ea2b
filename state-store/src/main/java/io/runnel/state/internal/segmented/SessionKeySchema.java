package io.runnel.state.internal.segmented;

import io.runnel.state.Bytes;
import io.runnel.state.Window;
import io.runnel.state.Windowed;
import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * Keys of session stores (in segments and in the changelog), as Kafka Streams' {@code SessionKeySchema}:
 * <pre>
 * | offset | size | field                         |
 * |--------|------|-------------------------------|
 * | 0      | n    | the record key bytes          |
 * | n      | 8    | session end, big-endian       |
 * | n + 8  | 8    | session start, big-endian     |
 * </pre>
 * Sessions of one key are adjacent and sorted by end time.
 */
public final class SessionKeySchema {
    static final int SUFFIX = 16;

    private SessionKeySchema() {
    }

    public static Bytes toStoreKey(Windowed<Bytes> sessionKey) {
        byte[] k = sessionKey.key().get();
        return Bytes.wrap(ByteBuffer.allocate(k.length + SUFFIX).put(k)
                .putLong(sessionKey.window().end()).putLong(sessionKey.window().start()).array());
    }

    static Bytes toStoreKey(byte[] key, long end, long start) {
        return Bytes.wrap(ByteBuffer.allocate(key.length + SUFFIX).put(key).putLong(end).putLong(start).array());
    }

    public static long end(byte[] storeKey) {
        return ByteBuffer.wrap(storeKey, storeKey.length - SUFFIX, 8).getLong();
    }

    public static long start(byte[] storeKey) {
        return ByteBuffer.wrap(storeKey, storeKey.length - 8, 8).getLong();
    }

    public static Windowed<Bytes> windowed(byte[] storeKey) {
        return new Windowed<>(Bytes.wrap(Arrays.copyOf(storeKey, storeKey.length - SUFFIX)),
                new Window(start(storeKey), end(storeKey)));
    }

    static boolean keyEquals(byte[] storeKey, byte[] key) {
        return storeKey.length == key.length + SUFFIX && Arrays.equals(storeKey, 0, key.length, key, 0, key.length);
    }
}
