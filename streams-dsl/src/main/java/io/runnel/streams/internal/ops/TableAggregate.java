package io.runnel.streams.internal.ops;

import io.runnel.state.TimestampedKeyValueStore;
import io.runnel.state.ValueAndTimestamp;
import io.runnel.streams.dsl.Aggregator;
import io.runnel.streams.dsl.Initializer;
import io.runnel.streams.processor.Processor;
import io.runnel.streams.processor.ProcessorContext;
import io.runnel.streams.processor.ProcessorSupplier;
import io.runnel.streams.processor.Record;

/**
 * Aggregates a re-grouped table: subtracts the old value (if any, and if the group has an
 * aggregate), then adds the new value (if any), stores and forwards the result. As in Kafka
 * Streams, a group whose values were all subtracted keeps its aggregate (a count goes to 0).
 * For reduce the initializer returns null and the adder starts from the first value.
 */
public record TableAggregate<K, V, VA>(String storeName, Initializer<VA> initializer,
                                       Aggregator<? super K, ? super V, VA> adder,
                                       Aggregator<? super K, ? super V, VA> subtractor)
        implements ProcessorSupplier<K, Change<V>, K, Change<VA>> {

    @Override
    public Processor<K, Change<V>, K, Change<VA>> get() {
        return new Processor<>() {
            private ProcessorContext<K, Change<VA>> context;
            private TimestampedKeyValueStore<K, VA> store;

            @Override
            public void init(ProcessorContext<K, Change<VA>> context) {
                this.context = context;
                this.store = context.getStateStore(storeName);
            }

            @Override
            public void process(Record<K, Change<V>> record) {
                if (record.key() == null) {
                    Drops.record(context);
                    return;
                }
                ValueAndTimestamp<VA> old = store.get(record.key());
                VA oldAgg = old == null ? null : old.value();
                long ts = record.timestamp();
                VA agg = oldAgg;
                if (record.value().oldValue() != null && oldAgg != null) {
                    agg = subtractor.apply(record.key(), record.value().oldValue(), oldAgg);
                    ts = Math.max(ts, old.timestamp());
                }
                if (record.value().newValue() != null) {
                    agg = adder.apply(record.key(), record.value().newValue(), agg == null ? initializer.apply() : agg);
                    if (old != null) {
                        ts = Math.max(ts, old.timestamp());
                    }
                }
                store.put(record.key(), ValueAndTimestamp.make(agg, ts));
                context.forward(new Record<>(record.key(), new Change<>(agg, oldAgg), ts, record.headers()));
            }
        };
    }
}
