package io.runnel.streams.internal.ops;

import io.runnel.state.ValueAndTimestamp;
import io.runnel.streams.dsl.ValueJoiner;
import io.runnel.streams.processor.Processor;
import io.runnel.streams.processor.ProcessorContext;
import io.runnel.streams.processor.ProcessorSupplier;
import io.runnel.streams.processor.Record;

/**
 * One side of a table-table join: on an update of this side, looks up the other side and
 * forwards the new and old join results (null = no joined row) with timestamp max of both;
 * updates that change nothing (both null) are not forwarded. Inner: both sides must exist. Left: this
 * (left) side must exist; on the right side, the left must exist. Outer: either side.
 *
 * @param thisIsLeft whether this processor handles the left table's updates
 */
public record TableJoinSide<K, V1, V2, VR>(ValueGetterSupplier<K, ?> otherGetter,
                                           ValueJoiner<? super V1, ? super V2, ? extends VR> joiner,
                                           JoinType type, boolean thisIsLeft)
        implements ProcessorSupplier<K, Change<Object>, K, Change<VR>> {

    /** Kinds of joins. */
    public enum JoinType { INNER, LEFT, OUTER }

    /** The join result for this side's value and the other side's value, or null if there is none. */
    @SuppressWarnings("unchecked")
    VR result(Object mine, Object other) {
        boolean thisRequired = type == JoinType.INNER || (type == JoinType.LEFT && thisIsLeft);
        boolean otherRequired = type == JoinType.INNER || (type == JoinType.LEFT && !thisIsLeft);
        if ((mine == null && thisRequired) || (other == null && otherRequired) || (mine == null && other == null)) {
            return null;
        }
        return thisIsLeft ? joiner.apply((V1) mine, (V2) other) : joiner.apply((V1) other, (V2) mine);
    }

    /** A getter computing the join result from both tables' getters (for a join that is not materialized). */
    public static <K, V1, V2, VR> ValueGetterSupplier<K, VR> getter(ValueGetterSupplier<K, V1> left,
                                                                     ValueGetterSupplier<K, V2> right,
                                                                     ValueJoiner<? super V1, ? super V2, ? extends VR> joiner,
                                                                     JoinType type) {
        TableJoinSide<K, V1, V2, VR> side = new TableJoinSide<>(right, joiner, type, true);
        return new ValueGetterSupplier<>() {
            @Override
            public ValueGetter<K, VR> get() {
                ValueGetter<K, V1> l = left.get();
                ValueGetter<K, V2> r = right.get();
                return new ValueGetter<>() {
                    @Override
                    public void init(io.runnel.streams.processor.ProcessorContext<?, ?> context) {
                        l.init(context);
                        r.init(context);
                    }

                    @Override
                    public ValueAndTimestamp<VR> get(K key) {
                        ValueAndTimestamp<V1> lv = l.get(key);
                        ValueAndTimestamp<V2> rv = r.get(key);
                        VR result = side.result(lv == null ? null : lv.value(), rv == null ? null : rv.value());
                        long ts = Math.max(lv == null ? 0 : lv.timestamp(), rv == null ? 0 : rv.timestamp());
                        return ValueAndTimestamp.make(result, ts);
                    }
                };
            }

            @Override
            public java.util.List<String> storeNames() {
                java.util.List<String> names = new java.util.ArrayList<>(left.storeNames());
                names.addAll(right.storeNames());
                return names;
            }
        };
    }

    @Override
    @SuppressWarnings("unchecked")
    public Processor<K, Change<Object>, K, Change<VR>> get() {
        ValueGetter<K, Object> getter = (ValueGetter<K, Object>) otherGetter.get();
        return new Processor<>() {
            private ProcessorContext<K, Change<VR>> context;

            @Override
            public void init(ProcessorContext<K, Change<VR>> context) {
                this.context = context;
                getter.init(context);
            }

            @Override
            public void process(Record<K, Change<Object>> record) {
                if (record.key() == null) {
                    Drops.record(context);
                    return;
                }
                ValueAndTimestamp<Object> otherVt = getter.get(record.key());
                Object other = otherVt == null ? null : otherVt.value();
                VR newResult = result(record.value().newValue(), other);
                VR oldResult = result(record.value().oldValue(), other);
                if (newResult == null && oldResult == null) {
                    return;
                }
                long ts = otherVt == null ? record.timestamp() : Math.max(record.timestamp(), otherVt.timestamp());
                context.forward(new Record<>(record.key(), new Change<>(newResult, oldResult), ts, record.headers()));
            }
        };
    }
}
