package io.runnel.streams.internal.ops;

import io.runnel.state.KeyValue;
import io.runnel.streams.dsl.KeyValueMapper;
import io.runnel.streams.processor.Processor;
import io.runnel.streams.processor.ProcessorContext;
import io.runnel.streams.processor.ProcessorSupplier;
import io.runnel.streams.processor.Record;

/** Maps each record to zero or more records. */
public record StreamFlatMap<K, V, KR, VR>(KeyValueMapper<? super K, ? super V, ? extends Iterable<KeyValue<KR, VR>>> mapper)
        implements ProcessorSupplier<K, V, KR, VR> {

    @Override
    public Processor<K, V, KR, VR> get() {
        return new Processor<>() {
            private ProcessorContext<KR, VR> context;

            @Override
            public void init(ProcessorContext<KR, VR> context) {
                this.context = context;
            }

            @Override
            public void process(Record<K, V> record) {
                for (KeyValue<KR, VR> kv : mapper.apply(record.key(), record.value())) {
                    context.forward(new Record<>(kv.key(), kv.value(), record.timestamp(), record.headers()));
                }
            }
        };
    }
}
