package io.runnel.state.internal.wrap;

import io.runnel.common.Serde;
import io.runnel.state.Bytes;
import io.runnel.state.KeyValueStore;
import io.runnel.state.TimestampedKeyValueStore;
import io.runnel.state.ValueAndTimestamp;
import io.runnel.state.internal.ValueAndTimestampSerde;

/** A metered key-value store whose values are {@link ValueAndTimestamp} pairs. */
public final class MeteredTimestampedKeyValueStore<K, V> extends MeteredKeyValueStore<K, ValueAndTimestamp<V>>
        implements TimestampedKeyValueStore<K, V> {

    public MeteredTimestampedKeyValueStore(KeyValueStore<Bytes, byte[]> inner, String metricsScope, Serde<K> keySerde,
                                           Serde<V> valueSerde) {
        super(inner, metricsScope, keySerde, ValueAndTimestampSerde.of(valueSerde));
    }
}
