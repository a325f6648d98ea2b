package io.runnel.streams.internal.ops;

import io.runnel.state.ValueAndTimestamp;
import io.runnel.streams.dsl.KeyValueMapper;
import io.runnel.streams.dsl.ValueJoiner;
import io.runnel.streams.processor.Processor;
import io.runnel.streams.processor.ProcessorContext;
import io.runnel.streams.processor.ProcessorSupplier;
import io.runnel.streams.processor.Record;

/**
 * Joins each stream record with the table's current value for the key the mapper picks (the
 * record's own key for a KTable, any key for a GlobalKTable). Records with a null value are
 * dropped (counted); a null lookup key drops the record in an inner join and joins with null in a
 * left join (KIP-962). Inner joins emit only when the table has the key.
 */
public record StreamTableJoin<K, V, KT, VT, VR>(ValueGetterSupplier<KT, VT> table,
                                                KeyValueMapper<? super K, ? super V, ? extends KT> keyMapper,
                                                ValueJoiner<? super V, ? super VT, ? extends VR> joiner, boolean leftJoin)
        implements ProcessorSupplier<K, V, K, VR> {

    @Override
    public Processor<K, V, K, VR> get() {
        ValueGetter<KT, VT> getter = table.get();
        return new Processor<>() {
            private ProcessorContext<K, VR> context;

            @Override
            public void init(ProcessorContext<K, VR> context) {
                this.context = context;
                getter.init(context);
            }

            @Override
            public void process(Record<K, V> record) {
                if (record.value() == null) {
                    Drops.record(context);
                    return;
                }
                KT lookup = record.key() == null && keyMapper == null ? null : keyMapper.apply(record.key(), record.value());
                if (lookup == null) {
                    if (leftJoin) {
                        context.forward(record.withValue(joiner.apply(record.value(), null)));
                    } else {
                        Drops.record(context);
                    }
                    return;
                }
                VT other = ValueAndTimestamp.getValueOrNull(getter.get(lookup));
                if (other != null || leftJoin) {
                    context.forward(record.withValue(joiner.apply(record.value(), other)));
                }
            }
        };
    }
}
