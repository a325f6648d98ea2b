package io.runnel.streams.internal.ops;

import io.runnel.state.TimestampedKeyValueStore;
import io.runnel.state.ValueAndTimestamp;
import io.runnel.streams.processor.Processor;
import io.runnel.streams.processor.ProcessorContext;
import io.runnel.streams.processor.ProcessorSupplier;
import io.runnel.streams.processor.Record;

/** Loads a global table: puts each record into the store; a null value deletes the key. */
public record GlobalTableUpdate<K, V>(String storeName) implements ProcessorSupplier<K, V, Void, Void> {

    @Override
    public Processor<K, V, Void, Void> get() {
        return new Processor<>() {
            private TimestampedKeyValueStore<K, V> store;

            @Override
            public void init(ProcessorContext<Void, Void> context) {
                store = context.getStateStore(storeName);
            }

            @Override
            public void process(Record<K, V> record) {
                if (record.key() != null) {
                    store.put(record.key(), ValueAndTimestamp.make(record.value(), record.timestamp()));
                }
            }
        };
    }
}
