package io.runnel.streams.internal.ops;

import io.runnel.state.KeyValue;
import io.runnel.streams.dsl.KeyValueMapper;
import io.runnel.streams.processor.Processor;
import io.runnel.streams.processor.ProcessorContext;
import io.runnel.streams.processor.ProcessorSupplier;
import io.runnel.streams.processor.Record;

/**
 * Re-keys table updates for {@code KTable.groupBy}: the old value is mapped and sent as a
 * subtraction to its group, the new value as an addition to its group; when both land in the same
 * group they travel as one {@link Change}, as in Kafka Streams 3.5+. Pairs with a null key or
 * value are skipped.
 */
public record TableRepartitionMap<K, V, KR, VR>(KeyValueMapper<? super K, ? super V, KeyValue<KR, VR>> selector)
        implements ProcessorSupplier<K, Change<V>, KR, Change<VR>> {

    @Override
    public Processor<K, Change<V>, KR, Change<VR>> get() {
        return new Processor<>() {
            private ProcessorContext<KR, Change<VR>> context;

            @Override
            public void init(ProcessorContext<KR, Change<VR>> context) {
                this.context = context;
            }

            @Override
            public void process(Record<K, Change<V>> record) {
                KeyValue<KR, VR> oldPair = record.value().oldValue() == null ? null
                        : selector.apply(record.key(), record.value().oldValue());
                KeyValue<KR, VR> newPair = record.value().newValue() == null ? null
                        : selector.apply(record.key(), record.value().newValue());
                boolean oldOk = oldPair != null && oldPair.key() != null && oldPair.value() != null;
                boolean newOk = newPair != null && newPair.key() != null && newPair.value() != null;
                if (oldOk && newOk && oldPair.key().equals(newPair.key())) {
                    context.forward(new Record<>(oldPair.key(), new Change<>(newPair.value(), oldPair.value()),
                            record.timestamp(), record.headers()));
                    return;
                }
                if (oldOk) {
                    context.forward(new Record<>(oldPair.key(), new Change<>(null, oldPair.value()),
                            record.timestamp(), record.headers()));
                }
                if (newOk) {
                    context.forward(new Record<>(newPair.key(), new Change<>(newPair.value(), null),
                            record.timestamp(), record.headers()));
                }
            }
        };
    }
}
