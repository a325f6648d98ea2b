package io.runnel.streams.internal.ops;

import io.runnel.state.TimestampedKeyValueStore;
import io.runnel.state.ValueAndTimestamp;
import io.runnel.streams.dsl.Aggregator;
import io.runnel.streams.dsl.Initializer;
import io.runnel.streams.processor.Processor;
import io.runnel.streams.processor.ProcessorContext;
import io.runnel.streams.processor.ProcessorSupplier;
import io.runnel.streams.processor.Record;

/**
 * Aggregates a grouped stream per key (count, reduce, aggregate): records with a null key or
 * value are dropped (counted); otherwise the aggregate is updated, stored with timestamp
 * max(record, previous) and forwarded as a {@link Change} — by the store when it is cached
 * ({@link CacheForwarder}: the latest update per key at commit), else at once. For reduce the initializer returns
 * null and the aggregator starts from the first value.
 */
public record StreamAggregate<K, V, VA>(String storeName, Initializer<VA> initializer,
                                        Aggregator<? super K, ? super V, VA> aggregator)
        implements ProcessorSupplier<K, V, K, Change<VA>> {

    @Override
    public Processor<K, V, K, Change<VA>> get() {
        return new Processor<>() {
            private ProcessorContext<K, Change<VA>> context;
            private TimestampedKeyValueStore<K, VA> store;
            private final CacheForwarder<K, VA> forwarder = new CacheForwarder<>(k -> k);
            private boolean storeForwards;

            @Override
            public void init(ProcessorContext<K, Change<VA>> context) {
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
                ValueAndTimestamp<VA> old = store.get(record.key());
                VA oldAgg = old == null ? null : old.value();
                VA base = oldAgg == null ? initializer.apply() : oldAgg;
                VA newAgg = aggregator.apply(record.key(), record.value(), base);
                long ts = old == null ? record.timestamp() : Math.max(record.timestamp(), old.timestamp());
                if (storeForwards) {
                    forwarder.inFlight(record);
                    try {
                        store.put(record.key(), ValueAndTimestamp.make(newAgg, ts));
                    } finally {
                        forwarder.inFlight(null);
                    }
                } else {
                    store.put(record.key(), ValueAndTimestamp.make(newAgg, ts));
                    context.forward(new Record<>(record.key(), new Change<>(newAgg, oldAgg), ts, record.headers()));
                }
            }
        };
    }
}
