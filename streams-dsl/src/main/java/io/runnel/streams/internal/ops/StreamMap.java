package io.runnel.streams.internal.ops;

import io.runnel.state.KeyValue;
import io.runnel.streams.dsl.KeyValueMapper;
import io.runnel.streams.processor.Processor;
import io.runnel.streams.processor.ProcessorContext;
import io.runnel.streams.processor.ProcessorSupplier;
import io.runnel.streams.processor.Record;
import java.util.Objects;

/** Maps each record to a new key and value. A null result is an error. */
public record StreamMap<K, V, KR, VR>(KeyValueMapper<? super K, ? super V, ? extends KeyValue<? extends KR, ? extends VR>> mapper)
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
                KeyValue<? extends KR, ? extends VR> kv = Objects.requireNonNull(mapper.apply(record.key(), record.value()),
                        "map returned null");
                context.forward(new Record<KR, VR>(kv.key(), kv.value(), record.timestamp(), record.headers()));
            }
        };
    }
}
