package io.runnel.streams.internal.ops;

import io.runnel.streams.dsl.ValueMapper;
import io.runnel.streams.processor.Processor;
import io.runnel.streams.processor.ProcessorContext;
import io.runnel.streams.processor.ProcessorSupplier;
import io.runnel.streams.processor.Record;

/** Maps each value to zero or more values, keeping the key. */
public record StreamFlatMapValues<K, V, VR>(ValueMapper<? super V, ? extends Iterable<? extends VR>> mapper)
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
                for (VR v : mapper.apply(record.value())) {
                    context.forward(record.withValue(v));
                }
            }
        };
    }
}
