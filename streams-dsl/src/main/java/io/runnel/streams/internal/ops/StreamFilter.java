package io.runnel.streams.internal.ops;

import io.runnel.streams.dsl.Predicate;
import io.runnel.streams.processor.Processor;
import io.runnel.streams.processor.ProcessorContext;
import io.runnel.streams.processor.ProcessorSupplier;
import io.runnel.streams.processor.Record;

/** Forwards the records the predicate accepts (or, negated, rejects). */
public record StreamFilter<K, V>(Predicate<? super K, ? super V> predicate, boolean negate)
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
                if (predicate.test(record.key(), record.value()) != negate) {
                    context.forward(record);
                }
            }
        };
    }
}
