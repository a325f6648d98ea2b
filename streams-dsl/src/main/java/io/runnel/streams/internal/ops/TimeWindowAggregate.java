package io.runnel.streams.internal.ops;

import io.runnel.state.KeyValue;
import io.runnel.state.KeyValueIterator;
import io.runnel.state.TimestampedWindowStore;
import io.runnel.state.ValueAndTimestamp;
import io.runnel.state.Window;
import io.runnel.state.Windowed;
import io.runnel.streams.dsl.Aggregator;
import io.runnel.streams.dsl.EmitStrategy;
import io.runnel.streams.dsl.Initializer;
import io.runnel.streams.dsl.TimeWindows;
import io.runnel.streams.processor.Processor;
import io.runnel.streams.processor.ProcessorContext;
import io.runnel.streams.processor.ProcessorSupplier;
import io.runnel.streams.processor.Record;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Aggregates into tumbling or hopping windows. Stream time is the largest timestamp this
 * processor has seen; a window accepts records while its end is after stream time - grace. A
 * record is added to each open window that contains it; for each closed one it is dropped
 * (counted), as Kafka Streams does.
 *
 * <p>{@link EmitStrategy#onWindowUpdate()}: updates are forwarded by the store when it is cached
 * ({@link CacheForwarder}), else at once. {@link EmitStrategy#onWindowClose()}: updates are not
 * forwarded; after each record, once the window close time (stream time - grace) has moved on,
 * the windows that closed since the last emission are read from the store and forwarded with
 * their final values and timestamps, ordered by window start, as Kafka Streams' time-ordered
 * store does: windows starting in {@code [lower, closeTime - size]}, where {@code lower} is 0 the
 * first time and {@code max(0, lastCloseTime - size) + 1} after, and never before the store's
 * retention ({@code size + grace}) behind the newest window start written. Runs on the task
 * thread; the last close time lives in memory (after a restart the first emission starts from 0
 * again, bounded by the retention).
 */
public record TimeWindowAggregate<K, V, VA>(String storeName, TimeWindows windows, EmitStrategy emitStrategy,
                                            Initializer<VA> initializer,
                                            Aggregator<? super K, ? super V, VA> aggregator)
        implements ProcessorSupplier<K, V, Windowed<K>, Change<VA>> {

    private static final long NO_TIMESTAMP = -1L;

    public TimeWindowAggregate {
        Objects.requireNonNull(storeName, "storeName");
        Objects.requireNonNull(windows, "windows");
        Objects.requireNonNull(emitStrategy, "emitStrategy");
        Objects.requireNonNull(initializer, "initializer");
        Objects.requireNonNull(aggregator, "aggregator");
    }

    @Override
    public Processor<K, V, Windowed<K>, Change<VA>> get() {
        boolean onClose = emitStrategy.type() == EmitStrategy.StrategyType.ON_WINDOW_CLOSE;
        return new Processor<>() {
            private ProcessorContext<Windowed<K>, Change<VA>> context;
            private TimestampedWindowStore<K, VA> store;
            private long observedStreamTime = NO_TIMESTAMP;
            private long newestWindowStart = NO_TIMESTAMP;
            private long lastEmitCloseTime = NO_TIMESTAMP;
            private final CacheForwarder<Windowed<K>, VA> forwarder = new CacheForwarder<>(Windowed::key);
            private boolean storeForwards;

            @Override
            public void init(ProcessorContext<Windowed<K>, Change<VA>> context) {
                this.context = context;
                this.store = context.getStateStore(storeName);
                this.storeForwards = !onClose && forwarder.install(store, context);
            }

            @Override
            public void process(Record<K, V> record) {
                if (record.key() == null || record.value() == null) {
                    Drops.record(context);
                    return;
                }
                long ts = record.timestamp();
                observedStreamTime = Math.max(observedStreamTime, ts);
                long closeTime = observedStreamTime - windows.graceMs();
                for (Map.Entry<Long, Window> e : windows.windowsFor(ts).entrySet()) {
                    long start = e.getKey();
                    Window window = e.getValue();
                    if (window.end() > closeTime) {
                        ValueAndTimestamp<VA> old = store.fetch(record.key(), start);
                        VA oldAgg = old == null ? null : old.value();
                        VA newAgg = aggregator.apply(record.key(), record.value(), oldAgg == null ? initializer.apply() : oldAgg);
                        long newTs = old == null ? ts : Math.max(ts, old.timestamp());
                        newestWindowStart = Math.max(newestWindowStart, start);
                        if (storeForwards) {
                            forwarder.inFlight(record);
                            try {
                                store.put(record.key(), ValueAndTimestamp.make(newAgg, newTs), start);
                            } finally {
                                forwarder.inFlight(null);
                            }
                        } else {
                            store.put(record.key(), ValueAndTimestamp.make(newAgg, newTs), start);
                            if (!onClose) {
                                context.forward(new Record<>(new Windowed<>(record.key(), window),
                                        new Change<>(newAgg, oldAgg), newTs, record.headers()));
                            }
                        }
                    } else {
                        Drops.record(context);
                    }
                }
                if (onClose) {
                    emitClosed(record, closeTime);
                }
            }

            private void emitClosed(Record<K, V> record, long closeTime) {
                if (lastEmitCloseTime != NO_TIMESTAMP && lastEmitCloseTime >= closeTime) return;
                long upper = closeTime - windows.sizeMs();
                if (upper < 0) return;
                long lower = lastEmitCloseTime == NO_TIMESTAMP ? 0L
                        : Math.max(0L, lastEmitCloseTime - windows.sizeMs()) + 1;
                if (lastEmitCloseTime != NO_TIMESTAMP
                        && windows.windowsFor(upper).equals(windows.windowsFor(lower - 1))) {
                    return;  // no window closed since the last emission
                }
                long from = Math.max(lower, newestWindowStart - (windows.sizeMs() + windows.graceMs()));
                List<KeyValue<Windowed<K>, ValueAndTimestamp<VA>>> closed = new ArrayList<>();
                if (from <= upper) {
                    try (KeyValueIterator<Windowed<K>, ValueAndTimestamp<VA>> it = store.fetchAll(from, upper)) {
                        while (it.hasNext()) {
                            closed.add(it.next());
                        }
                    }
                }
                // The store orders by key within a segment; final results go out by window start (stable: key order kept).
                closed.sort(Comparator.comparingLong(kv -> kv.key().window().start()));
                for (KeyValue<Windowed<K>, ValueAndTimestamp<VA>> kv : closed) {
                    context.forward(new Record<>(kv.key(), new Change<>(kv.value().value(), null),
                            kv.value().timestamp(), record.headers()));
                }
                lastEmitCloseTime = closeTime;
            }
        };
    }
}
