package io.runnel.streams.internal.ops;

import io.runnel.state.KeyValue;
import io.runnel.state.TimestampedWindowStore;
import io.runnel.state.ValueAndTimestamp;
import io.runnel.state.Window;
import io.runnel.state.WindowStore;
import io.runnel.state.WindowStoreIterator;
import io.runnel.state.Windowed;
import io.runnel.streams.dsl.Aggregator;
import io.runnel.streams.dsl.Initializer;
import io.runnel.streams.dsl.SlidingWindows;
import io.runnel.streams.processor.Processor;
import io.runnel.streams.processor.ProcessorContext;
import io.runnel.streams.processor.ProcessorSupplier;
import io.runnel.streams.processor.Record;
import java.util.TreeSet;

/**
 * Aggregates into sliding windows as Kafka Streams defines them (KIP-450): windows
 * {@code [s, s + d]} (both ends inclusive) that are the left window {@code [t - d, t]} of some
 * record t, or the right window {@code [t + 1, t + 1 + d]} of some record t when a later record
 * falls in it. A record updates every such window containing it (and creates its own left window
 * and, if needed, its right window); closed windows (end &lt; stream time - grace) are not
 * updated; a record older than stream time - grace is dropped (counted).
 *
 * <p>Unlike Kafka Streams, which derives new windows from neighbouring aggregates, this
 * implementation keeps the raw records of the last {@code 2d + grace} ms per key (a duplicate-
 * retaining window store) and recomputes each affected window from them: simple and exact, with a
 * cost proportional to the records per window. Windows that would start before 0 start at 0.
 */
public record SlidingWindowAggregate<K, V, VA>(String storeName, String rawStoreName, SlidingWindows windows,
                                               Initializer<VA> initializer, Aggregator<? super K, ? super V, VA> aggregator)
        implements ProcessorSupplier<K, V, Windowed<K>, Change<VA>> {

    @Override
    public Processor<K, V, Windowed<K>, Change<VA>> get() {
        long d = windows.timeDifferenceMs();
        return new Processor<>() {
            private ProcessorContext<Windowed<K>, Change<VA>> context;
            private TimestampedWindowStore<K, VA> store;
            private WindowStore<K, V> raw;
            private long streamTime = -1L;

            @Override
            public void init(ProcessorContext<Windowed<K>, Change<VA>> context) {
                this.context = context;
                this.store = context.getStateStore(storeName);
                this.raw = context.getStateStore(rawStoreName);
            }

            @Override
            public void process(Record<K, V> record) {
                if (record.key() == null || record.value() == null) {
                    Drops.record(context);
                    return;
                }
                K key = record.key();
                long t = record.timestamp();
                streamTime = Math.max(streamTime, t);
                long closeTime = streamTime - windows.graceMs();
                if (t < closeTime) {
                    Drops.record(context);
                    return;
                }
                raw.put(key, record.value(), t);
                TreeSet<Long> starts = new TreeSet<>();
                starts.add(Math.max(0, t - d));
                boolean laterRecord = false;
                try (WindowStoreIterator<V> it = raw.fetch(key, Math.max(0, t - d - 1), t + d + 1)) {
                    while (it.hasNext()) {
                        long x = it.next().key();
                        if (x < t) {
                            starts.add(x + 1);             // right window of an earlier record now holds t
                        } else if (x <= t + d) {
                            starts.add(Math.max(0, x - d)); // left window of a record at or after t holds t
                        }
                        if (x > t) {
                            laterRecord = true;
                        }
                    }
                }
                if (laterRecord && store.fetch(key, t + 1) == null) {
                    starts.add(t + 1);                      // t's own right window
                }
                for (long s : starts) {
                    if (s + d < closeTime) {
                        continue;
                    }
                    ValueAndTimestamp<VA> updated = fold(key, s, s + d);
                    if (updated == null) {
                        continue;
                    }
                    ValueAndTimestamp<VA> old = store.fetch(key, s);
                    store.put(key, updated, s);
                    context.forward(new Record<>(new Windowed<>(key, new Window(s, s + d)),
                            new Change<>(updated.value(), old == null ? null : old.value()), updated.timestamp(),
                            record.headers()));
                }
            }

            private ValueAndTimestamp<VA> fold(K key, long from, long to) {
                VA agg = null;
                long ts = -1;
                try (WindowStoreIterator<V> it = raw.fetch(key, from, to)) {
                    while (it.hasNext()) {
                        KeyValue<Long, V> r = it.next();
                        agg = aggregator.apply(key, r.value(), agg == null ? initializer.apply() : agg);
                        ts = Math.max(ts, r.key());
                    }
                }
                return ts < 0 ? null : ValueAndTimestamp.make(agg, ts);
            }
        };
    }
}
