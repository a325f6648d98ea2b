package io.runnel.streams.internal.ops;

import io.runnel.common.Header;
import io.runnel.state.CachedStateStore;
import io.runnel.state.ValueAndTimestamp;
import io.runnel.streams.processor.ProcessorContext;
import io.runnel.streams.processor.Record;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * Forwarding through a store's record cache, as Kafka Streams' aggregations and table sources
 * do: the operator writes the store and does not forward; the store forwards each key's latest
 * update (with the value the store held before as the old value, when a child reads old values:
 * {@link OldValues}) when the cache flushes it — at
 * commit or on eviction — or at once when the thread has no cache (the test driver). The forwarded
 * record's timestamp is the one stored with the value. It carries the headers of the input record
 * in flight when it is that record's update (always so without a cache), none otherwise (the
 * cache keeps no headers). Runs on the task's thread.
 *
 * @param <KS> the store's key (the forwarded key)
 * @param <V>  the aggregate or row value
 */
final class CacheForwarder<KS, V> {
    private final Function<KS, Object> recordKey;
    private Record<?, ?> inFlight;

    /** @param recordKey the input record's key that a store key stands for (itself, or a window's key) */
    CacheForwarder(Function<KS, Object> recordKey) {
        this.recordKey = recordKey;
    }

    /**
     * Sets the store's flush listener to forward to {@code context}; returns whether the store
     * forwards (it is cached), otherwise the operator forwards each update itself.
     */
    @SuppressWarnings("unchecked")
    boolean install(Object store, ProcessorContext<KS, Change<V>> context) {
        if (!(store instanceof CachedStateStore<?, ?> cached)) {
            return false;
        }
        return ((CachedStateStore<KS, ValueAndTimestamp<V>>) cached).setFlushListener((key, newValue, oldValue, ts) -> {
            Record<?, ?> r = inFlight;
            List<Header> headers = r != null && Objects.equals(r.key(), recordKey.apply(key)) ? r.headers() : List.of();
            context.forward(new Record<>(key, new Change<>(ValueAndTimestamp.getValueOrNull(newValue),
                    ValueAndTimestamp.getValueOrNull(oldValue)), newValue != null ? newValue.timestamp() : ts, headers));
        }, OldValues.needed(context));
    }

    /** Marks the input record being processed (null when done), for the headers of its updates. */
    void inFlight(Record<?, ?> record) {
        this.inFlight = record;
    }
}
