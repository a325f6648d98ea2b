package io.runnel.state.internal.wrap;

import io.runnel.common.Serde;
import io.runnel.state.Bytes;
import io.runnel.state.TimestampedWindowStore;
import io.runnel.state.ValueAndTimestamp;
import io.runnel.state.WindowStore;
import io.runnel.state.internal.ValueAndTimestampSerde;

/** A metered window store whose values are {@link ValueAndTimestamp} pairs. */
public final class MeteredTimestampedWindowStore<K, V> extends MeteredWindowStore<K, ValueAndTimestamp<V>>
        implements TimestampedWindowStore<K, V> {

    public MeteredTimestampedWindowStore(WindowStore<Bytes, byte[]> inner, String metricsScope, Serde<K> keySerde,
                                         Serde<V> valueSerde) {
        super(inner, metricsScope, keySerde, ValueAndTimestampSerde.of(valueSerde));
    }
}
