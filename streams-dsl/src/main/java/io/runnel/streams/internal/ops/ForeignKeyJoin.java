package io.runnel.streams.internal.ops;

import io.runnel.common.Serde;
import io.runnel.common.Serdes;
import io.runnel.state.KeyValue;
import io.runnel.state.KeyValueIterator;
import io.runnel.state.KeyValueStore;
import io.runnel.state.ValueAndTimestamp;
import io.runnel.streams.dsl.ValueJoiner;
import io.runnel.streams.processor.Processor;
import io.runnel.streams.processor.ProcessorContext;
import io.runnel.streams.processor.ProcessorSupplier;
import io.runnel.streams.processor.Record;
import java.nio.ByteBuffer;
import java.util.Objects;
import java.util.function.Function;

/**
 * A foreign-key table-table join inside one task. A subscription store records which rows of
 * this (left) table point at each key of the other (right) table:
 * <pre>
 * key:   | foreign key length int32 | foreign key bytes | left key bytes |     value: one byte 1
 * </pre>
 * A left update moves its subscription and emits the joined result (or a tombstone); a right
 * update re-joins every left row subscribed to it (prefix scan). Results carry no old value
 * (a materializing node after them supplies it when the join is materialized). Both tables must be in the same task: this is exact in the test
 * driver and for co-partitioned tables; the runtime does not yet route subscriptions through
 * topics as Kafka Streams does for tables partitioned differently.
 */
public final class ForeignKeyJoin<K, V, KO, VO, VR> {
    private final String subscriptionStore;
    private final Function<? super V, ? extends KO> fkExtractor;
    private final ValueJoiner<? super V, ? super VO, ? extends VR> joiner;
    private final boolean leftJoin;
    private final Serde<K> keySerde;
    private final Serde<KO> foreignKeySerde;
    private final ValueGetterSupplier<K, V> leftGetter;
    private final ValueGetterSupplier<KO, VO> rightGetter;

    public ForeignKeyJoin(String subscriptionStore, Function<? super V, ? extends KO> fkExtractor,
                          ValueJoiner<? super V, ? super VO, ? extends VR> joiner, boolean leftJoin,
                          Serde<K> keySerde, Serde<KO> foreignKeySerde,
                          ValueGetterSupplier<K, V> leftGetter, ValueGetterSupplier<KO, VO> rightGetter) {
        this.subscriptionStore = subscriptionStore;
        this.fkExtractor = fkExtractor;
        this.joiner = joiner;
        this.leftJoin = leftJoin;
        this.keySerde = Objects.requireNonNull(keySerde, "keySerde");
        this.foreignKeySerde = Objects.requireNonNull(foreignKeySerde, "foreignKeySerde");
        this.leftGetter = leftGetter;
        this.rightGetter = rightGetter;
    }

    private static final byte[] PRESENT = {1};

    private byte[] prefix(KO fk) {
        byte[] f = foreignKeySerde.serializer().serialize(subscriptionStore, fk);
        return ByteBuffer.allocate(4 + f.length).putInt(f.length).put(f).array();
    }

    private byte[] subscription(KO fk, K key) {
        byte[] p = prefix(fk);
        byte[] k = keySerde.serializer().serialize(subscriptionStore, key);
        return ByteBuffer.allocate(p.length + k.length).put(p).put(k).array();
    }

    private K leftKey(byte[] subscription) {
        int fkLen = ByteBuffer.wrap(subscription).getInt(0);
        byte[] k = new byte[subscription.length - 4 - fkLen];
        System.arraycopy(subscription, 4 + fkLen, k, 0, k.length);
        return keySerde.deserializer().deserialize(subscriptionStore, k);
    }

    /** Processes updates of the left table. */
    public ProcessorSupplier<K, Change<V>, K, Change<VR>> leftSide() {
        return () -> new Processor<>() {
            private ProcessorContext<K, Change<VR>> context;
            private KeyValueStore<byte[], byte[]> subscriptions;
            private final ValueGetter<KO, VO> right = rightGetter.get();

            @Override
            public void init(ProcessorContext<K, Change<VR>> context) {
                this.context = context;
                subscriptions = context.getStateStore(subscriptionStore);
                right.init(context);
            }

            @Override
            public void process(Record<K, Change<V>> record) {
                if (record.key() == null) {
                    Drops.record(context);
                    return;
                }
                V newValue = record.value().newValue();
                V oldValue = record.value().oldValue();
                KO oldFk = oldValue == null ? null : fkExtractor.apply(oldValue);
                KO newFk = newValue == null ? null : fkExtractor.apply(newValue);
                if (oldFk != null && !oldFk.equals(newFk)) {
                    subscriptions.delete(subscription(oldFk, record.key()));
                }
                if (newFk != null && !newFk.equals(oldFk)) {
                    subscriptions.put(subscription(newFk, record.key()), PRESENT);
                }
                VR result = null;
                long ts = record.timestamp();
                if (newValue != null) {
                    ValueAndTimestamp<VO> r = newFk == null ? null : right.get(newFk);
                    if (r != null) {
                        result = joiner.apply(newValue, r.value());
                        ts = Math.max(ts, r.timestamp());
                    } else if (leftJoin) {
                        result = joiner.apply(newValue, null);
                    }
                }
                if (result == null && oldValue == null) {
                    return;
                }
                context.forward(new Record<>(record.key(), new Change<>(result, null), ts, record.headers()));
            }
        };
    }

    /** Processes updates of the right table. */
    public ProcessorSupplier<KO, Change<VO>, K, Change<VR>> rightSide() {
        return () -> new Processor<>() {
            private ProcessorContext<K, Change<VR>> context;
            private KeyValueStore<byte[], byte[]> subscriptions;
            private final ValueGetter<K, V> left = leftGetter.get();

            @Override
            public void init(ProcessorContext<K, Change<VR>> context) {
                this.context = context;
                subscriptions = context.getStateStore(subscriptionStore);
                left.init(context);
            }

            @Override
            public void process(Record<KO, Change<VO>> record) {
                if (record.key() == null) {
                    Drops.record(context);
                    return;
                }
                VO rightValue = record.value().newValue();
                try (KeyValueIterator<byte[], byte[]> it = subscriptions.prefixScan(prefix(record.key()), Serdes.byteArray().serializer())) {
                    while (it.hasNext()) {
                        KeyValue<byte[], byte[]> sub = it.next();
                        K key = leftKey(sub.key());
                        ValueAndTimestamp<V> l = left.get(key);
                        if (l == null || !record.key().equals(fkExtractor.apply(l.value()))) {
                            continue;
                        }
                        VR result = rightValue != null ? joiner.apply(l.value(), rightValue)
                                : leftJoin ? joiner.apply(l.value(), null) : null;
                        context.forward(new Record<>(key, new Change<>(result, null),
                                Math.max(record.timestamp(), l.timestamp()), record.headers()));
                    }
                }
            }
        };
    }
}
