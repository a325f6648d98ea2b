package io.runnel.streams.internal.ops;

import io.runnel.state.ValueAndTimestamp;
import io.runnel.streams.dsl.ValueMapper;
import io.runnel.streams.processor.Processor;
import io.runnel.streams.processor.ProcessorContext;
import io.runnel.streams.processor.ProcessorSupplier;
import io.runnel.streams.processor.Record;

/** Maps the values of a table; tombstones stay tombstones (the mapper never sees null). */
public record TableMapValues<K, V, VR>(ValueMapper<? super V, ? extends VR> mapper, ValueGetterSupplier<K, V> parentGetter)
        implements ProcessorSupplier<K, Change<V>, K, Change<VR>> {

    VR apply(V value) {
        return value == null ? null : mapper.apply(value);
    }

    @Override
    public Processor<K, Change<V>, K, Change<VR>> get() {
        return new Processor<>() {
            private ProcessorContext<K, Change<VR>> context;

            @Override
            public void init(ProcessorContext<K, Change<VR>> context) {
                this.context = context;
            }

            @Override
            public void process(Record<K, Change<V>> record) {
                context.forward(record.withValue(new Change<>(apply(record.value().newValue()),
                        apply(record.value().oldValue()))));
            }
        };
    }

    public ValueGetterSupplier<K, VR> getter() {
        return ValueGetterSupplier.derived(parentGetter, (key, v) -> ValueAndTimestamp.make(apply(v.value()), v.timestamp()));
    }
}
