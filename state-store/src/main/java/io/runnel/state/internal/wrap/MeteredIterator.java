package io.runnel.state.internal.wrap;

import io.runnel.common.Time;
import io.runnel.common.metrics.Histogram;
import io.runnel.state.KeyValue;
import io.runnel.state.KeyValueIterator;
import java.util.function.Function;

/** Deserializes an inner iterator's entries and records its lifetime (open to close) as range latency. */
final class MeteredIterator<KI, VI, K, V> implements KeyValueIterator<K, V> {
    private final KeyValueIterator<KI, VI> inner;
    private final Time time;
    private final Histogram latency;
    private final Function<KI, K> key;
    private final Function<VI, V> value;
    private final long start;
    private boolean closed;

    MeteredIterator(KeyValueIterator<KI, VI> inner, Time time, Histogram latency, Function<KI, K> key,
                    Function<VI, V> value) {
        this.inner = inner;
        this.time = time;
        this.latency = latency;
        this.key = key;
        this.value = value;
        this.start = time.nanoseconds();
    }

    @Override
    public boolean hasNext() {
        return inner.hasNext();
    }

    @Override
    public KeyValue<K, V> next() {
        KeyValue<KI, VI> kv = inner.next();
        return new KeyValue<>(key.apply(kv.key()), value.apply(kv.value()));
    }

    @Override
    public K peekNextKey() {
        return key.apply(inner.peekNextKey());
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            inner.close();
            latency.record(time.nanoseconds() - start);
        }
    }
}
