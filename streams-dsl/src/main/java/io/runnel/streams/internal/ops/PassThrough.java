package io.runnel.streams.internal.ops;

import io.runnel.streams.processor.Processor;
import io.runnel.streams.processor.ProcessorContext;
import io.runnel.streams.processor.ProcessorSupplier;
import io.runnel.streams.processor.Record;

/** Forwards every record unchanged (merge points, branch children). */
public record PassThrough<K, V>() implements ProcessorSupplier<K, V, K, V> {

    @Override
    public Processor<K, V, K, V> get() {
        return new Processor<>() {
            private ProcessorContext<K, V> context;

            @Override
            public void init(ProcessorContext<K, V> context) {
                this.context = context;
            }

            @Override
            public void process(Record<K, V> record) {
                context.forward(record);
            }
        };
    }
}
