package io.runnel.streams.serde;

import io.runnel.common.Serializer;

/**
 * A serializer of windowed keys laid out as the key's bytes followed by a window of fixed size
 * ({@link #windowBytes()}): a sink partitions such keys by the bytes before the window (as Kafka
 * Streams' windowed partitioner does), so every window of a key lands in the key's partition.
 */
public interface WindowedSerializer<T> extends Serializer<T> {

    /** The bytes of the window at the end of every serialized key: 8 for time windows, 16 for sessions. */
    int windowBytes();

    /** A windowed serializer writing with {@code serializer}, whose keys end with {@code windowBytes} of window. */
    static <T> WindowedSerializer<T> of(Serializer<T> serializer, int windowBytes) {
        return new WindowedSerializer<>() {
            @Override
            public byte[] serialize(String topic, T data) {
                return serializer.serialize(topic, data);
            }

            @Override
            public int windowBytes() {
                return windowBytes;
            }
        };
    }
}
