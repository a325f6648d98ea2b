package io.runnel.streams.internal.ops;

import io.runnel.streams.dsl.ForeachAction;
import io.runnel.streams.processor.Processor;
import io.runnel.streams.processor.ProcessorContext;
import io.runnel.streams.processor.ProcessorSupplier;
import io.runnel.streams.processor.Record;

/** Calls the action on each record; forwards it too (peek) or not (foreach). */
public record StreamPeek<K, V>(ForeachAction<? super K, ? super V> action, boolean forward)
        implements ProcessorSupplier<K, V, K, V> {

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
                action.apply(record.key(), record.value());
                if (forward) {
                    context.forward(record);
                }
            }
        };
    }
}
