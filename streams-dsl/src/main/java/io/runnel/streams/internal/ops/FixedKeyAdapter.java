package io.runnel.streams.internal.ops;

import io.runnel.streams.processor.FixedKeyProcessor;
import io.runnel.streams.processor.FixedKeyProcessorContext;
import io.runnel.streams.processor.FixedKeyProcessorSupplier;
import io.runnel.streams.processor.FixedKeyRecord;
import io.runnel.streams.processor.Processor;
import io.runnel.streams.processor.ProcessorContext;
import io.runnel.streams.processor.ProcessorSupplier;
import io.runnel.state.StoreBuilder;
import io.runnel.streams.processor.Record;
import java.util.Set;

/** Runs a {@link FixedKeyProcessor} as a node: the runtime's contexts implement both context types. */
public record FixedKeyAdapter<K, V, VR>(FixedKeyProcessorSupplier<K, V, VR> supplier)
        implements ProcessorSupplier<K, V, K, VR> {

    @Override
    public Set<StoreBuilder<?>> stores() {
        return supplier.stores();
    }

    @Override
    @SuppressWarnings("unchecked")
    public Processor<K, V, K, VR> get() {
        FixedKeyProcessor<K, V, VR> inner = supplier.get();
        return new Processor<>() {
            @Override
            public void init(ProcessorContext<K, VR> context) {
                inner.init((FixedKeyProcessorContext<K, VR>) (Object) context);
            }

            @Override
            public void process(Record<K, V> record) {
                inner.process(FixedKeyRecord.of(record));
            }

            @Override
            public void close() {
                inner.close();
            }
        };
    }
}
