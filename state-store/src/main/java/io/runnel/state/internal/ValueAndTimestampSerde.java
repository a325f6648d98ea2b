package io.runnel.state.internal;

import io.runnel.common.Serde;
import io.runnel.common.SerializationException;
import io.runnel.state.ValueAndTimestamp;
import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * Bytes of a {@link ValueAndTimestamp}, as Kafka Streams' timestamped stores:
 * <pre>
 * | offset | size | field                                   |
 * |--------|------|-----------------------------------------|
 * | 0      | 8    | timestamp, big-endian signed            |
 * | 8      | n    | the value serialized by the value serde |
 * </pre>
 * A null pair (or a pair whose value serializes to null) is null.
 */
public final class ValueAndTimestampSerde {

    private ValueAndTimestampSerde() {
    }

    public static <V> Serde<ValueAndTimestamp<V>> of(Serde<V> valueSerde) {
        return Serde.of(
                (topic, vt) -> {
                    if (vt == null) {
                        return null;
                    }
                    byte[] v = valueSerde.serializer().serialize(topic, vt.value());
                    if (v == null) {
                        return null;
                    }
                    return ByteBuffer.allocate(8 + v.length).putLong(vt.timestamp()).put(v).array();
                },
                (topic, bytes) -> {
                    if (bytes == null) {
                        return null;
                    }
                    if (bytes.length < 8) {
                        throw new SerializationException("timestamped value needs at least 8 bytes, got " + bytes.length);
                    }
                    long ts = ByteBuffer.wrap(bytes).getLong();
                    V value = valueSerde.deserializer().deserialize(topic, Arrays.copyOfRange(bytes, 8, bytes.length));
                    return ValueAndTimestamp.make(value, ts);
                });
    }
}
