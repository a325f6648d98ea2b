package io.runnel.streams.internal.ops;

import io.runnel.streams.dsl.Predicate;
import io.runnel.streams.processor.Processor;
import io.runnel.streams.processor.ProcessorContext;
import io.runnel.streams.processor.ProcessorSupplier;
import io.runnel.streams.processor.Record;

/**
 * Filters a table: a row that stops matching becomes a tombstone downstream. Updates where
 * neither the new nor the old value matches are not forwarded (old values are always known here,
 * as with Kafka Streams' "send old values" mode).
 */
public record TableFilter<K, V>(Predicate<? super K, ? super V> predicate, boolean negate,
                                ValueGetterSupplier<K, V> parentGetter)
        implements ProcessorSupplier<K, Change<V>, K, Change<V>> {

    V apply(K key, V value) {
        return value != null && predicate.test(key, value) != negate ? value : null;
    }

    @Override
    public Processor<K, Change<V>, K, Change<V>> get() {
        return new Processor<>() {
            private ProcessorContext<K, Change<V>> context;

            @Override
            public void init(ProcessorContext<K, Change<V>> context) {
                this.context = context;
            }

            @Override
            public void process(Record<K, Change<V>> record) {
                V newValue = apply(record.key(), record.value().newValue());
                V oldValue = apply(record.key(), record.value().oldValue());
                if (newValue == null && oldValue == null) {
                    return;
                }
                context.forward(record.withValue(new Change<>(newValue, oldValue)));
            }
        };
    }

    /** Getter of the filtered table computed from the parent's. */
    public ValueGetterSupplier<K, V> getter() {
        return ValueGetterSupplier.derived(parentGetter, (key, v) -> apply(key, v.value()) == null ? null : v);
    }
}
