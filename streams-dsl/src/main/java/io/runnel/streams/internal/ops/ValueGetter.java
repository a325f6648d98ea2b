package io.runnel.streams.internal.ops;

import io.runnel.state.ValueAndTimestamp;
import io.runnel.streams.processor.ProcessorContext;

/** Reads the current value of a table row from inside a processor of the same task. */
public interface ValueGetter<K, V> {

    void init(ProcessorContext<?, ?> context);

    ValueAndTimestamp<V> get(K key);
}
