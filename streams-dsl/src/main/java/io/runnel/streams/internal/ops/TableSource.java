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
 * dropped (counted). Tombstones are forwarded even for absent keys, as Kafka Streams does.
 */
public record TableSource<K, V>(String storeName) implements ProcessorSupplier<K, V, K, Change<V>> {

    @Override
    public Processor<K, V, K, Change<V>> get() {
        return new Processor<>() {
            private ProcessorContext<K, Change<V>> context;
            private TimestampedKeyValueStore<K, V> store;

            @Override
            public void init(ProcessorContext<K, Change<V>> context) {
                this.context = context;
                this.store = context.getStateStore(storeName);
            }

            @Override
            public void process(Record<K, V> record) {
                if (record.key() == null) {
                    Drops.record(context);
                    return;
                }
                V old = ValueAndTimestamp.getValueOrNull(store.get(record.key()));
                store.put(record.key(), ValueAndTimestamp.make(record.value(), record.timestamp()));
                context.forward(record.withValue(new Change<>(record.value(), old)));
            }
        };
    }
}
