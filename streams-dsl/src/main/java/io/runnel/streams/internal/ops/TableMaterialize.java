package io.runnel.streams.internal.ops;

import io.runnel.state.TimestampedKeyValueStore;
import io.runnel.state.ValueAndTimestamp;
import io.runnel.streams.processor.Processor;
import io.runnel.streams.processor.ProcessorContext;
import io.runnel.streams.processor.ProcessorSupplier;
import io.runnel.streams.processor.Record;

/**
 * Stores the new value of each table update and forwards it with the stored previous value as the
 * old value; an update that neither sets nor clears a row (both null) is not forwarded. Used after
 * table filters, mapValues and joins that are materialized.
 */
public record TableMaterialize<K, V>(String storeName) implements ProcessorSupplier<K, Change<V>, K, Change<V>> {

    @Override
    public Processor<K, Change<V>, K, Change<V>> get() {
        return new Processor<>() {
            private ProcessorContext<K, Change<V>> context;
            private TimestampedKeyValueStore<K, V> store;

            @Override
            public void init(ProcessorContext<K, Change<V>> context) {
                this.context = context;
                this.store = context.getStateStore(storeName);
            }

            @Override
            public void process(Record<K, Change<V>> record) {
                V newValue = record.value().newValue();
                V old = ValueAndTimestamp.getValueOrNull(store.get(record.key()));
                if (newValue == null && old == null) {
                    return;
                }
                store.put(record.key(), ValueAndTimestamp.make(newValue, record.timestamp()));
                context.forward(record.withValue(new Change<>(newValue, old)));
            }
        };
    }
}
