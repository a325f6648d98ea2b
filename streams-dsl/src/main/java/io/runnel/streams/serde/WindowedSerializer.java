package io.runnel.streams.serde;

import io.runnel.common.Serializer;
import io.runnel.state.Windowed;

/**
 * A serializer of windowed keys that can also write the key without its window: a sink writing
 * windowed keys partitions them by those bytes (as Kafka Streams' windowed partitioner does), so
 * every window of a key lands in the key's partition.
 */
public interface WindowedSerializer<K> extends Serializer<Windowed<K>> {

    /** The bytes of {@code key}'s key without its window; null for a null key. */
    byte[] serializeBaseKey(String topic, Windowed<K> key);
}
