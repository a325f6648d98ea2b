package io.runnel.streams.internal.graph;

import io.runnel.common.Serde;
import io.runnel.state.KeyValue;
import io.runnel.streams.dsl.BranchedKStream;
import io.runnel.streams.dsl.ForeachAction;
import io.runnel.streams.dsl.GlobalKTable;
import io.runnel.streams.dsl.Grouped;
import io.runnel.streams.dsl.JoinWindows;
import io.runnel.streams.dsl.Joined;
import io.runnel.streams.dsl.KGroupedStream;
import io.runnel.streams.dsl.KStream;
import io.runnel.streams.dsl.KTable;
import io.runnel.streams.dsl.KeyValueMapper;
import io.runnel.streams.dsl.Materialized;
import io.runnel.streams.dsl.Named;
import io.runnel.streams.dsl.Predicate;
import io.runnel.streams.dsl.Produced;
import io.runnel.streams.dsl.Repartitioned;
import io.runnel.streams.dsl.StreamJoined;
import io.runnel.streams.dsl.ValueJoiner;
import io.runnel.streams.dsl.ValueMapper;
import io.runnel.streams.internal.ops.FixedKeyAdapter;
import io.runnel.streams.internal.ops.PassThrough;
import io.runnel.streams.internal.ops.StreamFilter;
import io.runnel.streams.internal.ops.StreamFlatMap;
import io.runnel.streams.internal.ops.StreamFlatMapValues;
import io.runnel.streams.internal.ops.StreamMap;
import io.runnel.streams.internal.ops.StreamMapValues;
import io.runnel.streams.internal.ops.StreamPeek;
import io.runnel.streams.internal.ops.StreamStreamJoinSide;
import io.runnel.streams.internal.ops.StreamTableJoin;
import io.runnel.streams.internal.ops.TableSource;
import io.runnel.streams.internal.ops.ValueGetterSupplier;
import io.runnel.streams.internal.topology.NodeDef;
import io.runnel.streams.processor.FixedKeyProcessorSupplier;
import io.runnel.streams.processor.ProcessorSupplier;
import io.runnel.streams.processor.TopicNameExtractor;
import java.util.List;
import java.util.Objects;

/**
 * A stream node: the name of the node producing its records, its key and value serdes (null when
 * unknown after a type-changing operation) and whether its key changed since the last
 * partitioning (then key-based operations insert a repartition topic first).
 */
@SuppressWarnings({"unchecked", "rawtypes"})
public final class KStreamImpl<K, V> implements KStream<K, V> {
    final DslBuilder b;
    final String node;
    final Serde<K> keySerde;
    final Serde<V> valueSerde;
    final boolean repartitionRequired;

    public KStreamImpl(DslBuilder b, String node, Serde<K> keySerde, Serde<V> valueSerde, boolean repartitionRequired) {
        this.b = b;
        this.node = node;
        this.keySerde = keySerde;
        this.valueSerde = valueSerde;
        this.repartitionRequired = repartitionRequired;
    }

    private <K2, V2> KStreamImpl<K2, V2> next(String kind, Named named, ProcessorSupplier<?, ?, ?, ?> supplier,
                                              Serde<K2> ks, Serde<V2> vs, boolean rr) {
        String name = b.names.operator(kind, named);
        b.processor(name, supplier, node);
        return new KStreamImpl<>(b, name, ks, vs, rr);
    }

    @Override
    public KStream<K, V> filter(Predicate<? super K, ? super V> predicate) {
        return filter(predicate, null);
    }

    @Override
    public KStream<K, V> filter(Predicate<? super K, ? super V> predicate, Named named) {
        Objects.requireNonNull(predicate, "predicate");
        return next("filter", named, new StreamFilter<>(predicate, false), keySerde, valueSerde, repartitionRequired);
    }

    @Override
    public KStream<K, V> filterNot(Predicate<? super K, ? super V> predicate) {
        return filterNot(predicate, null);
    }

    @Override
    public KStream<K, V> filterNot(Predicate<? super K, ? super V> predicate, Named named) {
        Objects.requireNonNull(predicate, "predicate");
        return next("filter-not", named, new StreamFilter<>(predicate, true), keySerde, valueSerde, repartitionRequired);
    }

    @Override
    public <KR, VR> KStream<KR, VR> map(KeyValueMapper<? super K, ? super V, KeyValue<KR, VR>> mapper) {
        return map(mapper, null);
    }

    @Override
    public <KR, VR> KStream<KR, VR> map(KeyValueMapper<? super K, ? super V, KeyValue<KR, VR>> mapper, Named named) {
        Objects.requireNonNull(mapper, "mapper");
        return next("map", named, new StreamMap<>(mapper), null, null, true);
    }

    @Override
    public <VR> KStream<K, VR> mapValues(ValueMapper<? super V, ? extends VR> mapper) {
        return mapValues(mapper, null);
    }

    @Override
    public <VR> KStream<K, VR> mapValues(ValueMapper<? super V, ? extends VR> mapper, Named named) {
        Objects.requireNonNull(mapper, "mapper");
        return next("map-values", named, new StreamMapValues<K, V, VR>((k, v) -> mapper.apply(v)), keySerde, null,
                repartitionRequired);
    }

    @Override
    public <KR, VR> KStream<KR, VR> flatMap(KeyValueMapper<? super K, ? super V, ? extends Iterable<KeyValue<KR, VR>>> mapper) {
        return flatMap(mapper, null);
    }

    @Override
    public <KR, VR> KStream<KR, VR> flatMap(KeyValueMapper<? super K, ? super V, ? extends Iterable<KeyValue<KR, VR>>> mapper,
                                            Named named) {
        Objects.requireNonNull(mapper, "mapper");
        return next("flat-map", named, new StreamFlatMap<>(mapper), null, null, true);
    }

    @Override
    public <VR> KStream<K, VR> flatMapValues(ValueMapper<? super V, ? extends Iterable<? extends VR>> mapper) {
        return flatMapValues(mapper, null);
    }

    @Override
    public <VR> KStream<K, VR> flatMapValues(ValueMapper<? super V, ? extends Iterable<? extends VR>> mapper, Named named) {
        Objects.requireNonNull(mapper, "mapper");
        return next("flat-map-values", named, new StreamFlatMapValues<K, V, VR>(mapper), keySerde, null, repartitionRequired);
    }

    @Override
    public <KR> KStream<KR, V> selectKey(KeyValueMapper<? super K, ? super V, ? extends KR> mapper) {
        return selectKey(mapper, null);
    }

    @Override
    public <KR> KStream<KR, V> selectKey(KeyValueMapper<? super K, ? super V, ? extends KR> mapper, Named named) {
        Objects.requireNonNull(mapper, "mapper");
        return next("select-key", named, new StreamMap<K, V, KR, V>((k, v) -> new KeyValue<>(mapper.apply(k, v), v)),
                null, valueSerde, true);
    }

    @Override
    public KStream<K, V> peek(ForeachAction<? super K, ? super V> action) {
        return peek(action, null);
    }

    @Override
    public KStream<K, V> peek(ForeachAction<? super K, ? super V> action, Named named) {
        Objects.requireNonNull(action, "action");
        return next("peek", named, new StreamPeek<>(action, true), keySerde, valueSerde, repartitionRequired);
    }

    @Override
    public void foreach(ForeachAction<? super K, ? super V> action) {
        foreach(action, null);
    }

    @Override
    public void foreach(ForeachAction<? super K, ? super V> action, Named named) {
        Objects.requireNonNull(action, "action");
        next("foreach", named, new StreamPeek<>(action, false), keySerde, valueSerde, repartitionRequired);
    }

    @Override
    public BranchedKStream<K, V> split() {
        return split(null);
    }

    @Override
    public BranchedKStream<K, V> split(Named named) {
        return new BranchedKStreamImpl<>(this, b.names.operator("split", named));
    }

    @Override
    public KStream<K, V> merge(KStream<K, V> other) {
        return merge(other, null);
    }

    @Override
    public KStream<K, V> merge(KStream<K, V> other, Named named) {
        KStreamImpl<K, V> o = (KStreamImpl<K, V>) Objects.requireNonNull(other, "other");
        String name = b.names.operator("merge", named);
        b.processor(name, new PassThrough<>(), node, o.node);
        return new KStreamImpl<>(b, name, keySerde != null ? keySerde : o.keySerde,
                valueSerde != null ? valueSerde : o.valueSerde, repartitionRequired || o.repartitionRequired);
    }

    @Override
    public KStream<K, V> repartition() {
        return repartition(Repartitioned.as(null));
    }

    @Override
    public KStream<K, V> repartition(Repartitioned<K, V> r) {
        String name = b.names.operator("repartition", r.name());
        Serde<K> ks = r.keySerde() != null ? r.keySerde() : keySerde;
        Serde<V> vs = r.valueSerde() != null ? r.valueSerde() : valueSerde;
        String source = b.repartition(name, node, ks, vs);
        return new KStreamImpl<>(b, source, ks, vs, false);
    }

    /** This stream's node, repartitioned first if its key changed. */
    String partitioned(String operator, Serde<?> ks, Serde<?> vs) {
        return repartitionRequired ? b.repartition(operator, node, ks, vs) : node;
    }

    @Override
    public void to(String topic) {
        to(topic, (Produced<K, V>) null);
    }

    @Override
    public void to(String topic, Produced<K, V> produced) {
        Objects.requireNonNull(topic, "topic");
        sink(topic, null, produced);
    }

    @Override
    public void to(TopicNameExtractor<K, V> topicExtractor) {
        to(topicExtractor, null);
    }

    @Override
    public void to(TopicNameExtractor<K, V> topicExtractor, Produced<K, V> produced) {
        Objects.requireNonNull(topicExtractor, "topicExtractor");
        sink(null, topicExtractor, produced);
    }

    private void sink(String topic, TopicNameExtractor<K, V> extractor, Produced<K, V> produced) {
        String name = b.names.operator("sink", produced == null ? null : produced.processorName());
        Serde<K> ks = produced != null && produced.keySerde() != null ? produced.keySerde() : keySerde;
        Serde<V> vs = produced != null && produced.valueSerde() != null ? produced.valueSerde() : valueSerde;
        b.topology.addSink(new NodeDef.Sink(name, topic, extractor, StoreFactory.require(ks, "key", name).serializer(),
                StoreFactory.require(vs, "value", name).serializer(), produced == null ? null : produced.partitioner(),
                List.of(node)));
    }

    @Override
    public KTable<K, V> toTable() {
        return toTable(null);
    }

    @Override
    public KTable<K, V> toTable(Materialized<K, V, ?> m) {
        String name = b.names.operator("to-table", m == null ? null : m.storeName());
        Serde<K> ks = m != null && m.keySerde() != null ? m.keySerde() : keySerde;
        Serde<V> vs = m != null && m.valueSerde() != null ? m.valueSerde() : valueSerde;
        String parent = partitioned(name, ks, vs);
        String store = m != null && m.storeName() != null ? m.storeName() : Names.store(name);
        b.processor(name, new TableSource<>(store), parent);
        b.store(StoreFactory.timestampedKeyValue(store, ks, vs, m, name), name);
        return new KTableImpl<>(b, name, ks, vs, ValueGetterSupplier.ofStore(store), store, -1);
    }

    @Override
    public KGroupedStream<K, V> groupByKey() {
        return groupByKey(null);
    }

    @Override
    public KGroupedStream<K, V> groupByKey(Grouped<K, V> grouped) {
        Serde<K> ks = grouped != null && grouped.keySerde() != null ? grouped.keySerde() : keySerde;
        Serde<V> vs = grouped != null && grouped.valueSerde() != null ? grouped.valueSerde() : valueSerde;
        return new KGroupedStreamImpl<>(b, node, ks, vs, repartitionRequired, grouped == null ? null : grouped.name());
    }

    @Override
    public <KR> KGroupedStream<KR, V> groupBy(KeyValueMapper<? super K, ? super V, KR> keySelector) {
        return groupBy(keySelector, null);
    }

    @Override
    public <KR> KGroupedStream<KR, V> groupBy(KeyValueMapper<? super K, ? super V, KR> keySelector, Grouped<KR, V> grouped) {
        Objects.requireNonNull(keySelector, "keySelector");
        String selected = b.names.operator("group-by", grouped == null ? null : grouped.name());
        b.processor(selected, new StreamMap<K, V, KR, V>((k, v) -> new KeyValue<>(keySelector.apply(k, v), v)), node);
        Serde<KR> ks = grouped != null ? grouped.keySerde() : null;
        Serde<V> vs = grouped != null && grouped.valueSerde() != null ? grouped.valueSerde() : valueSerde;
        return new KGroupedStreamImpl<>(b, selected, ks, vs, true, grouped == null ? null : grouped.name());
    }

    // ---- stream-stream joins

    @Override
    public <VO, VR> KStream<K, VR> join(KStream<K, VO> other, ValueJoiner<? super V, ? super VO, ? extends VR> joiner,
                                        JoinWindows windows) {
        return join(other, joiner, windows, null);
    }

    @Override
    public <VO, VR> KStream<K, VR> join(KStream<K, VO> other, ValueJoiner<? super V, ? super VO, ? extends VR> joiner,
                                        JoinWindows windows, StreamJoined<K, V, VO> sj) {
        return streamJoin("join", other, joiner, windows, sj, false, false);
    }

    @Override
    public <VO, VR> KStream<K, VR> leftJoin(KStream<K, VO> other, ValueJoiner<? super V, ? super VO, ? extends VR> joiner,
                                            JoinWindows windows) {
        return leftJoin(other, joiner, windows, null);
    }

    @Override
    public <VO, VR> KStream<K, VR> leftJoin(KStream<K, VO> other, ValueJoiner<? super V, ? super VO, ? extends VR> joiner,
                                            JoinWindows windows, StreamJoined<K, V, VO> sj) {
        return streamJoin("left-join", other, joiner, windows, sj, true, false);
    }

    @Override
    public <VO, VR> KStream<K, VR> outerJoin(KStream<K, VO> other, ValueJoiner<? super V, ? super VO, ? extends VR> joiner,
                                             JoinWindows windows) {
        return outerJoin(other, joiner, windows, null);
    }

    @Override
    public <VO, VR> KStream<K, VR> outerJoin(KStream<K, VO> other, ValueJoiner<? super V, ? super VO, ? extends VR> joiner,
                                             JoinWindows windows, StreamJoined<K, V, VO> sj) {
        return streamJoin("outer-join", other, joiner, windows, sj, true, true);
    }

    private <VO, VR> KStream<K, VR> streamJoin(String kind, KStream<K, VO> other,
                                               ValueJoiner<? super V, ? super VO, ? extends VR> joiner,
                                               JoinWindows w, StreamJoined<K, V, VO> sj, boolean leftOuter,
                                               boolean rightOuter) {
        Objects.requireNonNull(joiner, "joiner");
        Objects.requireNonNull(w, "windows");
        KStreamImpl<K, VO> o = (KStreamImpl<K, VO>) Objects.requireNonNull(other, "other");
        String name = b.names.operator(kind, sj == null ? null : sj.name());
        Serde<K> ks = sj != null && sj.keySerde() != null ? sj.keySerde() : keySerde != null ? keySerde : o.keySerde;
        Serde<V> lvs = sj != null && sj.valueSerde() != null ? sj.valueSerde() : valueSerde;
        Serde<VO> rvs = sj != null && sj.otherValueSerde() != null ? sj.otherValueSerde() : o.valueSerde;
        String leftNode = partitioned(name + "-left", ks, lvs);
        String rightNode = o.partitioned(name + "-right", ks, rvs);
        String prefix = sj != null && sj.storeName() != null ? sj.storeName() : name;
        String thisStore = prefix + "-this-join-store";
        String otherStore = prefix + "-other-join-store";
        String outerStore = (leftOuter || rightOuter) && !w.eager() ? prefix + "-outer-join-store" : null;
        long retention = w.beforeMs() + w.afterMs() + w.graceMs();
        long size = w.beforeMs() + w.afterMs();
        String thisProc = name + "-this";
        String otherProc = name + "-other";
        b.processor(thisProc, new StreamStreamJoinSide<>(thisStore, otherStore, outerStore, w.beforeMs(), w.afterMs(),
                w.beforeMs(), w.graceMs(), joiner, true, leftOuter, ks, lvs, rvs), leftNode);
        b.processor(otherProc, new StreamStreamJoinSide<>(otherStore, thisStore, outerStore, w.afterMs(), w.beforeMs(),
                w.afterMs(), w.graceMs(), joiner, false, rightOuter, ks, lvs, rvs), rightNode);
        b.store(StoreFactory.joinWindow(thisStore, retention, size, ks, lvs, name), thisProc, otherProc);
        b.store(StoreFactory.joinWindow(otherStore, retention, size, ks, rvs, name), thisProc, otherProc);
        if (outerStore != null) {
            b.store(StoreFactory.keyValue(outerStore, io.runnel.common.Serdes.byteArray(), io.runnel.common.Serdes.byteArray()),
                    thisProc, otherProc);
        }
        b.processor(name, new PassThrough<>(), thisProc, otherProc);
        return new KStreamImpl<>(b, name, ks, null, false);
    }

    // ---- stream-table and stream-global-table joins

    @Override
    public <VT, VR> KStream<K, VR> join(KTable<K, VT> table, ValueJoiner<? super V, ? super VT, ? extends VR> joiner) {
        return join(table, joiner, (Joined<K, V, VT>) null);
    }

    @Override
    public <VT, VR> KStream<K, VR> join(KTable<K, VT> table, ValueJoiner<? super V, ? super VT, ? extends VR> joiner,
                                        Joined<K, V, VT> joined) {
        return tableJoin("join", table, joiner, joined, false);
    }

    @Override
    public <VT, VR> KStream<K, VR> leftJoin(KTable<K, VT> table, ValueJoiner<? super V, ? super VT, ? extends VR> joiner) {
        return leftJoin(table, joiner, (Joined<K, V, VT>) null);
    }

    @Override
    public <VT, VR> KStream<K, VR> leftJoin(KTable<K, VT> table, ValueJoiner<? super V, ? super VT, ? extends VR> joiner,
                                            Joined<K, V, VT> joined) {
        return tableJoin("left-join", table, joiner, joined, true);
    }

    private <VT, VR> KStream<K, VR> tableJoin(String kind, KTable<K, VT> table,
                                              ValueJoiner<? super V, ? super VT, ? extends VR> joiner,
                                              Joined<K, V, VT> joined, boolean left) {
        Objects.requireNonNull(joiner, "joiner");
        KTableImpl<K, VT> t = (KTableImpl<K, VT>) Objects.requireNonNull(table, "table");
        String name = b.names.operator(kind, joined == null ? null : joined.name());
        Serde<K> ks = joined != null && joined.keySerde() != null ? joined.keySerde() : keySerde != null ? keySerde : t.keySerde;
        Serde<V> vs = joined != null && joined.valueSerde() != null ? joined.valueSerde() : valueSerde;
        String parent = partitioned(name, ks, vs);
        b.processor(name, new StreamTableJoin<K, V, K, VT, VR>(t.getter, (k, v) -> k, joiner, left), parent);
        b.connect(name, t.getter.storeNames());
        return new KStreamImpl<>(b, name, keySerde, null, false);
    }

    @Override
    public <GK, GV, VR> KStream<K, VR> join(GlobalKTable<GK, GV> table, KeyValueMapper<? super K, ? super V, ? extends GK> keySelector,
                                            ValueJoiner<? super V, ? super GV, ? extends VR> joiner) {
        return join(table, keySelector, joiner, null);
    }

    @Override
    public <GK, GV, VR> KStream<K, VR> join(GlobalKTable<GK, GV> table, KeyValueMapper<? super K, ? super V, ? extends GK> keySelector,
                                            ValueJoiner<? super V, ? super GV, ? extends VR> joiner, Named named) {
        return globalJoin("join", table, keySelector, joiner, named, false);
    }

    @Override
    public <GK, GV, VR> KStream<K, VR> leftJoin(GlobalKTable<GK, GV> table, KeyValueMapper<? super K, ? super V, ? extends GK> keySelector,
                                                ValueJoiner<? super V, ? super GV, ? extends VR> joiner) {
        return leftJoin(table, keySelector, joiner, null);
    }

    @Override
    public <GK, GV, VR> KStream<K, VR> leftJoin(GlobalKTable<GK, GV> table, KeyValueMapper<? super K, ? super V, ? extends GK> keySelector,
                                                ValueJoiner<? super V, ? super GV, ? extends VR> joiner, Named named) {
        return globalJoin("left-join", table, keySelector, joiner, named, true);
    }

    private <GK, GV, VR> KStream<K, VR> globalJoin(String kind, GlobalKTable<GK, GV> table,
                                                   KeyValueMapper<? super K, ? super V, ? extends GK> keySelector,
                                                   ValueJoiner<? super V, ? super GV, ? extends VR> joiner, Named named,
                                                   boolean left) {
        Objects.requireNonNull(keySelector, "keySelector");
        Objects.requireNonNull(joiner, "joiner");
        String store = Objects.requireNonNull(table, "table").queryableStoreName();
        String name = b.names.operator(kind, named);
        b.processor(name, new StreamTableJoin<K, V, GK, GV, VR>(ValueGetterSupplier.ofStore(store), keySelector, joiner, left), node);
        return new KStreamImpl<>(b, name, keySerde, null, repartitionRequired);
    }

    // ---- Processor API

    @Override
    public <KR, VR> KStream<KR, VR> process(ProcessorSupplier<? super K, ? super V, KR, VR> supplier, String... stores) {
        return process(supplier, null, stores);
    }

    @Override
    public <KR, VR> KStream<KR, VR> process(ProcessorSupplier<? super K, ? super V, KR, VR> supplier, Named named,
                                            String... stores) {
        Objects.requireNonNull(supplier, "supplier");
        io.runnel.streams.internal.topology.InternalTopologyBuilder.checkSupplier(supplier);
        KStreamImpl<KR, VR> s = next("process", named, supplier, null, null, true);
        b.connect(s.node, List.of(stores));
        return s;
    }

    @Override
    public <VR> KStream<K, VR> processValues(FixedKeyProcessorSupplier<? super K, ? super V, VR> supplier, String... stores) {
        return processValues(supplier, null, stores);
    }

    @Override
    public <VR> KStream<K, VR> processValues(FixedKeyProcessorSupplier<? super K, ? super V, VR> supplier, Named named,
                                             String... stores) {
        Objects.requireNonNull(supplier, "supplier");
        KStreamImpl<K, VR> s = next("process-values", named, new FixedKeyAdapter<>((FixedKeyProcessorSupplier) supplier),
                keySerde, null, repartitionRequired);
        b.connect(s.node, List.of(stores));
        return s;
    }
}
