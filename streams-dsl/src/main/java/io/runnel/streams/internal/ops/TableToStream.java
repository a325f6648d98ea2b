package io.runnel.streams.internal.ops;

import io.runnel.streams.processor.Processor;
import io.runnel.streams.processor.ProcessorContext;
import io.runnel.streams.processor.ProcessorSupplier;
import io.runnel.streams.processor.Record;

/** Turns table updates into a stream of new values (tombstones as null values). */
public record TableToStream<K, V>() implements ProcessorSupplier<K, Change<V>, K, V> {

    @Override
    public Processor<K, Change<V>, K, V> get() {
        return new Discarding<>();
    }

    /** Forwards the new value only ({@link OldValues.Discards}). */
    private static final class Discarding<K, V> implements Processor<K, Change<V>, K, V>, OldValues.Discards {
        private ProcessorContext<K, V> context;

        @Override
        public void init(ProcessorContext<K, V> context) {
            this.context = context;
        }

        @Override
        public void process(Record<K, Change<V>> record) {
            context.forward(record.withValue(record.value().newValue()));
        }
    }
}
