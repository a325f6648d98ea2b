package io.runnel.streams.internal.ops;

import io.runnel.state.TimestampedWindowStore;
import io.runnel.state.ValueAndTimestamp;
import io.runnel.state.Window;
import io.runnel.state.Windowed;
import io.runnel.streams.dsl.Aggregator;
import io.runnel.streams.dsl.Initializer;
import io.runnel.streams.dsl.TimeWindows;
import io.runnel.streams.processor.Processor;
import io.runnel.streams.processor.ProcessorContext;
import io.runnel.streams.processor.ProcessorSupplier;
import io.runnel.streams.processor.Record;
import java.util.Map;

/**
 * Aggregates into tumbling or hopping windows. Stream time is the largest timestamp this
 * processor has seen; a window accepts records while its end is after stream time - grace. A
 * record is added to each open window that contains it; for each closed one it is dropped
 * (counted), as Kafka Streams does. Updates are forwarded by the store when it is cached
 * ({@link CacheForwarder}), else at once.
 */
public record TimeWindowAggregate<K, V, VA>(String storeName, TimeWindows windows, Initializer<VA> initializer,
                                            Aggregator<? super K, ? super V, VA> aggregator)
        implements ProcessorSupplier<K, V, Windowed<K>, Change<VA>> {

    @Override
    public Processor<K, V, Windowed<K>, Change<VA>> get() {
        return new Processor<>() {
            private ProcessorContext<Windowed<K>, Change<VA>> context;
            private TimestampedWindowStore<K, VA> store;
            private long observedStreamTime = -1L;
            private final CacheForwarder<Windowed<K>, VA> forwarder = new CacheForwarder<>(Windowed::key);
            private boolean storeForwards;

            @Override
            public void init(ProcessorContext<Windowed<K>, Change<VA>> context) {
                this.context = context;
                this.store = context.getStateStore(storeName);
                this.storeForwards = forwarder.install(store, context);
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
                        if (storeForwards) {
                            forwarder.inFlight(record);
                            try {
                                store.put(record.key(), ValueAndTimestamp.make(newAgg, newTs), start);
                            } finally {
                                forwarder.inFlight(null);
                            }
                        } else {
                            store.put(record.key(), ValueAndTimestamp.make(newAgg, newTs), start);
                            context.forward(new Record<>(new Windowed<>(record.key(), window), new Change<>(newAgg, oldAgg),
                                    newTs, record.headers()));
                        }
                    } else {
                        Drops.record(context);
                    }
                }
            }
        };
    }
}
