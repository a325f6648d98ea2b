package io.runnel.streams.internal.ops;

import io.runnel.streams.dsl.ValueMapperWithKey;
import io.runnel.streams.processor.Processor;
import io.runnel.streams.processor.ProcessorContext;
import io.runnel.streams.processor.ProcessorSupplier;
import io.runnel.streams.processor.Record;

/** Maps each value, keeping the key. */
public record StreamMapValues<K, V, VR>(ValueMapperWithKey<? super K, ? super V, ? extends VR> mapper)
        implements ProcessorSupplier<K, V, K, VR> {

    @Override
    public Processor<K, V, K, VR> get() {
        return new Processor<>() {
            private ProcessorContext<K, VR> context;

            @Override
            public void init(ProcessorContext<K, VR> context) {
                this.context = context;
            }

            @Override
            public void process(Record<K, V> record) {
                context.forward(record.withValue(mapper.apply(record.key(), record.value())));
            }
        };
    }
}
