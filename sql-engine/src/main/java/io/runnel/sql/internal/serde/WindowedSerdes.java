package io.runnel.sql.internal.serde;

import io.runnel.common.Deserializer;
import io.runnel.common.Serde;
import io.runnel.common.Serializer;
import io.runnel.sql.internal.row.Row;
import io.runnel.streams.serde.WindowedSerializer;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Objects;

/**
 * Serdes of windowed keys, byte-compatible with Kafka Streams' (and so with ksqlDB's windowed
 * sinks), wrapping the serde of the key columns:
 *
 * <table>
 *   <caption>byte layouts (all longs big-endian)</caption>
 *   <tr><th>kind</th><th>bytes</th><th>as in Kafka Streams</th></tr>
 *   <tr><td>time window (tumbling, hopping)</td><td>{@code key bytes | start (8)}</td>
 *       <td>{@code TimeWindowedSerializer}; the end is not stored: the reader adds the window
 *       size (capped at {@code Long.MAX_VALUE})</td></tr>
 *   <tr><td>session window</td><td>{@code key bytes | end (8) | start (8)}</td>
 *       <td>{@code SessionWindowedSerializer}</td></tr>
 * </table>
 *
 * The serializers are {@link WindowedSerializer}s, so a sink partitions these keys by the key
 * bytes before the window, as Kafka Streams does.
 *
 * <p>A null key row is written with zero key bytes, and zero key bytes are read as a null key row
 * (so a KAFKA-format empty STRING key reads back as null). A null {@link WindowedKey} is written as null
 * bytes and null bytes are read as null. Too few bytes is a {@link SerdeException}.
 */
public final class WindowedSerdes {

    private WindowedSerdes() {
    }

    /** Keys of tumbling and hopping windows of {@code sizeMillis}. */
    public static Serde<WindowedKey> timeWindowed(Serde<Row> keySerde, long sizeMillis) {
        Objects.requireNonNull(keySerde, "keySerde");
        if (sizeMillis <= 0) throw new IllegalArgumentException("window size must be positive: " + sizeMillis);
        Serializer<Row> inner = keySerde.serializer();
        Deserializer<Row> innerReader = keySerde.deserializer();
        Serializer<WindowedKey> serializer = WindowedSerializer.of((topic, key) -> key == null ? null
                : timeWindowedBytes(inner.serialize(topic, key.key()), key.start()), 8);
        Deserializer<WindowedKey> deserializer = (topic, data) -> {
            if (data == null) return null;
            checkLength(data, 8, "time-windowed");
            int keyLength = data.length - 8;
            long start = ByteBuffer.wrap(data, keyLength, 8).getLong();
            long end = start > Long.MAX_VALUE - sizeMillis ? Long.MAX_VALUE : start + sizeMillis;
            return new WindowedKey(innerKey(innerReader, topic, data, keyLength), start, end);
        };
        return Serde.of(serializer, deserializer);
    }

    /** Keys of session windows. */
    public static Serde<WindowedKey> sessionWindowed(Serde<Row> keySerde) {
        Objects.requireNonNull(keySerde, "keySerde");
        Serializer<Row> inner = keySerde.serializer();
        Deserializer<Row> innerReader = keySerde.deserializer();
        Serializer<WindowedKey> serializer = WindowedSerializer.of((topic, key) -> key == null ? null
                : sessionWindowedBytes(inner.serialize(topic, key.key()), key.start(), key.end()), 16);
        Deserializer<WindowedKey> deserializer = (topic, data) -> {
            if (data == null) return null;
            checkLength(data, 16, "session-windowed");
            int keyLength = data.length - 16;
            ByteBuffer buffer = ByteBuffer.wrap(data, keyLength, 16);
            long end = buffer.getLong();
            long start = buffer.getLong();
            return new WindowedKey(innerKey(innerReader, topic, data, keyLength), start, end);
        };
        return Serde.of(serializer, deserializer);
    }

    /** {@code keyBytes | start}; null key bytes count as zero bytes. */
    public static byte[] timeWindowedBytes(byte[] keyBytes, long start) {
        int n = keyBytes == null ? 0 : keyBytes.length;
        ByteBuffer out = ByteBuffer.allocate(n + 8);
        if (n > 0) out.put(keyBytes);
        return out.putLong(start).array();
    }

    /** {@code keyBytes | end | start}; null key bytes count as zero bytes. */
    public static byte[] sessionWindowedBytes(byte[] keyBytes, long start, long end) {
        int n = keyBytes == null ? 0 : keyBytes.length;
        ByteBuffer out = ByteBuffer.allocate(n + 16);
        if (n > 0) out.put(keyBytes);
        return out.putLong(end).putLong(start).array();
    }

    private static Row innerKey(Deserializer<Row> reader, String topic, byte[] data, int keyLength) {
        return keyLength == 0 ? null : reader.deserialize(topic, Arrays.copyOf(data, keyLength));
    }

    private static void checkLength(byte[] data, int min, String kind) {
        if (data.length < min) {
            throw new SerdeException(true, "key", null, null, "a " + kind + " key needs at least " + min
                    + " bytes, got " + data.length, SerdeException.excerpt(data), null);
        }
    }
}
