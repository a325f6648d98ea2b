package io.runnel.streams.internal.ops;

import io.runnel.state.TimestampedKeyValueStore;
import io.runnel.state.ValueAndTimestamp;
import io.runnel.streams.processor.Processor;
import io.runnel.streams.processor.ProcessorContext;
import io.runnel.streams.processor.ProcessorSupplier;
import io.runnel.streams.processor.Record;

/**
 * Materializes a changelog stream into a table store: each record replaces its key's row (a null
 * value deletes it) and is forwarded as a {@link Change} with the previous value. Null keys are
 * dropped (counted). Tombstones are forwarded even for absent keys, as Kafka Streams does, except
 * through a cached store ({@link CacheForwarder}), which forwards each key's latest update at
 * commit and, as Kafka Streams' caching store, drops a delete of a key it does not hold.
 */
public record TableSource<K, V>(String storeName) implements ProcessorSupplier<K, V, K, Change<V>> {

    @Override
    public Processor<K, V, K, Change<V>> get() {
        return new Processor<>() {
            private ProcessorContext<K, Change<V>> context;
            private TimestampedKeyValueStore<K, V> store;
            private final CacheForwarder<K, V> forwarder = new CacheForwarder<>(k -> k);
            private boolean storeForwards;

            @Override
            public void init(ProcessorContext<K, Change<V>> context) {
                this.context = context;
                this.store = context.getStateStore(storeName);
                this.storeForwards = forwarder.install(store, context);
            }

            @Override
            public void process(Record<K, V> record) {
                if (record.key() == null) {
                    Drops.record(context);
                    return;
                }
                if (storeForwards) {
                    forwarder.inFlight(record);
                    try {
                        store.put(record.key(), ValueAndTimestamp.make(record.value(), record.timestamp()));
                    } finally {
                        forwarder.inFlight(null);
                    }
                    return;
                }
                V old = ValueAndTimestamp.getValueOrNull(store.get(record.key()));
                store.put(record.key(), ValueAndTimestamp.make(record.value(), record.timestamp()));
                context.forward(record.withValue(new Change<>(record.value(), old)));
            }
        };
    }
}
