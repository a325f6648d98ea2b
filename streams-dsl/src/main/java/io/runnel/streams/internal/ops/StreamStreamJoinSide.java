package io.runnel.streams.internal.ops;

import io.runnel.common.Serde;
import io.runnel.state.KeyValue;
import io.runnel.state.KeyValueIterator;
import io.runnel.state.KeyValueStore;
import io.runnel.state.WindowStore;
import io.runnel.state.WindowStoreIterator;
import io.runnel.streams.dsl.ValueJoiner;
import io.runnel.streams.processor.Processor;
import io.runnel.streams.processor.ProcessorContext;
import io.runnel.streams.processor.ProcessorSupplier;
import io.runnel.streams.processor.Record;
import java.util.ArrayList;
import java.util.List;

/**
 * One side of a windowed stream-stream join. A record at time t is stored in this side's window
 * store and joined with every record of the other side in {@code [t - before, t + after]}
 * (before/after seen from this side), each result timestamped max(t, other). A record later than
 * its window's grace (t + after + grace &lt; stream time) is counted as dropped; it is still joined
 * with what the other side holds, and stored unless older than its store's retention (t &lt;= the
 * highest timestamp this side stored - (before + after + grace)), as in Kafka Streams, whose
 * window stores drop expired writes. (The highest timestamp stored is kept in the
 * processor, so after a restart it starts again from the first record.) In left and
 * outer joins, a record without a match waits in the shared outer buffer ({@link JoinBuffer})
 * and is emitted with a null partner once stream time passes t + after + grace; a later match
 * removes it. A record whose window already closed, or any unmatched record when there is no
 * outer buffer (legacy eager windows), is emitted with a null partner at once. Stream time is
 * the task's.
 */
public record StreamStreamJoinSide<K, V1, V2, VR>(String thisStore, String otherStore, String outerStore,
                                                  long beforeMs, long afterMs, long otherAfterMs, long graceMs,
                                                  ValueJoiner<? super V1, ? super V2, ? extends VR> joiner,
                                                  boolean thisIsLeft, boolean thisOuter,
                                                  Serde<K> keySerde, Serde<V1> leftSerde, Serde<V2> rightSerde)
        implements ProcessorSupplier<K, Object, K, VR> {

    @Override
    @SuppressWarnings("unchecked")
    public Processor<K, Object, K, VR> get() {
        return new Processor<>() {
            private ProcessorContext<K, VR> context;
            private WindowStore<K, Object> mine;
            private WindowStore<K, Object> others;
            private KeyValueStore<byte[], byte[]> outer;
            private long observed = Long.MIN_VALUE;

            @Override
            public void init(ProcessorContext<K, VR> context) {
                this.context = context;
                mine = context.getStateStore(thisStore);
                others = context.getStateStore(otherStore);
                outer = outerStore == null ? null : context.getStateStore(outerStore);
            }

            private VR join(Object thisValue, Object otherValue) {
                return thisIsLeft ? joiner.apply((V1) thisValue, (V2) otherValue) : joiner.apply((V1) otherValue, (V2) thisValue);
            }

            @Override
            public void process(Record<K, Object> record) {
                if (record.value() == null) {
                    Drops.record(context);
                    return;
                }
                if (record.key() == null) {
                    if (thisOuter) {
                        context.forward(record.withValue(join(record.value(), null)));
                    } else {
                        Drops.record(context);
                    }
                    return;
                }
                long ts = record.timestamp();
                long streamTime = context.currentStreamTimeMs();
                if (outer != null) {
                    emitExpired(streamTime);
                }
                if (ts + afterMs + graceMs < streamTime) {
                    Drops.record(context);
                }
                observed = Math.max(observed, ts);
                if (ts > observed - (beforeMs + afterMs + graceMs)) {
                    mine.put(record.key(), record.value(), ts);
                }
                boolean matched = false;
                try (WindowStoreIterator<Object> it = others.fetch(record.key(), Math.max(0, ts - beforeMs),
                        Math.max(0, ts + afterMs))) {
                    while (it.hasNext()) {
                        KeyValue<Long, Object> other = it.next();
                        matched = true;
                        context.forward(new Record<>(record.key(), join(record.value(), other.value()),
                                Math.max(ts, other.key()), record.headers()));
                        if (outer != null) {
                            outer.delete(JoinBuffer.key(other.key(), !thisIsLeft, keyBytes(record.key())));
                        }
                    }
                }
                if (!matched && thisOuter && (outer == null || ts + afterMs < streamTime)) {
                    context.forward(record.withValue(join(record.value(), null)));
                } else if (!matched && thisOuter) {
                    byte[] bufKey = JoinBuffer.key(ts, thisIsLeft, keyBytes(record.key()));
                    byte[] valueBytes = thisIsLeft
                            ? leftSerde.serializer().serialize(outerStore, (V1) record.value())
                            : rightSerde.serializer().serialize(outerStore, (V2) record.value());
                    outer.put(bufKey, JoinBuffer.append(outer.get(bufKey), valueBytes));
                }
            }

            private byte[] keyBytes(K key) {
                return keySerde.serializer().serialize(outerStore, key);
            }

            private void emitExpired(long streamTime) {
                List<byte[]> done = new ArrayList<>();
                try (KeyValueIterator<byte[], byte[]> it = outer.all()) {
                    while (it.hasNext()) {
                        KeyValue<byte[], byte[]> e = it.next();
                        long entryTs = JoinBuffer.timestamp(e.key());
                        boolean left = JoinBuffer.isLeft(e.key());
                        long entryAfter = left == thisIsLeft ? afterMs : otherAfterMs;
                        if (entryTs + entryAfter + graceMs >= streamTime) {
                            if (entryTs + Math.max(afterMs, otherAfterMs) + graceMs >= streamTime) {
                                break;
                            }
                            continue;
                        }
                        K key = keySerde.deserializer().deserialize(outerStore, JoinBuffer.keyBytes(e.key()));
                        for (byte[] vb : JoinBuffer.values(e.value())) {
                            VR result = left
                                    ? joiner.apply(leftSerde.deserializer().deserialize(outerStore, vb), null)
                                    : joiner.apply(null, rightSerde.deserializer().deserialize(outerStore, vb));
                            context.forward(new Record<>(key, result, entryTs));
                        }
                        done.add(e.key());
                    }
                }
                for (byte[] k : done) {
                    outer.delete(k);
                }
            }
        };
    }
}
