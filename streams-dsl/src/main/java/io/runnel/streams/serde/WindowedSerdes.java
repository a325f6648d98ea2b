package io.runnel.streams.serde;

import io.runnel.common.Serde;
import io.runnel.common.SerializationException;
import io.runnel.state.Window;
import io.runnel.state.Windowed;
import java.nio.ByteBuffer;
import java.util.Objects;

/**
 * Serdes of windowed keys, byte-compatible with Kafka Streams':
 * <pre>
 * time window:    | key bytes | window start int64 big-endian |                      (end = start + size)
 * session window: | key bytes | window end int64 big-endian   | window start int64 big-endian |
 * </pre>
 * The window size of a time window is not stored; the deserializer is given it.
 */
public final class WindowedSerdes {

    private WindowedSerdes() {
    }

    public static <K> Serde<Windowed<K>> timeWindowedSerde(Serde<K> inner, long windowSizeMs) {
        Objects.requireNonNull(inner, "inner");
        if (windowSizeMs <= 0) {
            throw new IllegalArgumentException("window size must be > 0: " + windowSizeMs);
        }
        return Serde.of(WindowedSerializer.<Windowed<K>>of((topic, w) -> {
            if (w == null) {
                return null;
            }
            byte[] k = inner.serializer().serialize(topic, w.key());
            return ByteBuffer.allocate(k.length + 8).put(k).putLong(w.window().start()).array();
        }, 8), (topic, bytes) -> {
            if (bytes == null) {
                return null;
            }
            if (bytes.length < 8) {
                throw new SerializationException("time-windowed key needs at least 8 bytes, got " + bytes.length);
            }
            byte[] k = new byte[bytes.length - 8];
            System.arraycopy(bytes, 0, k, 0, k.length);
            long start = ByteBuffer.wrap(bytes, k.length, 8).getLong();
            long end = start + windowSizeMs < start ? Long.MAX_VALUE : start + windowSizeMs;
            return new Windowed<>(inner.deserializer().deserialize(topic, k), new Window(start, end));
        });
    }

    public static <K> Serde<Windowed<K>> sessionWindowedSerde(Serde<K> inner) {
        Objects.requireNonNull(inner, "inner");
        return Serde.of(WindowedSerializer.<Windowed<K>>of((topic, w) -> {
            if (w == null) {
                return null;
            }
            byte[] k = inner.serializer().serialize(topic, w.key());
            return ByteBuffer.allocate(k.length + 16).put(k).putLong(w.window().end()).putLong(w.window().start()).array();
        }, 16), (topic, bytes) -> {
            if (bytes == null) {
                return null;
            }
            if (bytes.length < 16) {
                throw new SerializationException("session-windowed key needs at least 16 bytes, got " + bytes.length);
            }
            byte[] k = new byte[bytes.length - 16];
            System.arraycopy(bytes, 0, k, 0, k.length);
            ByteBuffer b = ByteBuffer.wrap(bytes, k.length, 16);
            long end = b.getLong();
            long start = b.getLong();
            return new Windowed<>(inner.deserializer().deserialize(topic, k), new Window(start, end));
        });
    }
}
