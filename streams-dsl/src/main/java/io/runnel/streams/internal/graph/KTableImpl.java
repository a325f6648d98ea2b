package io.runnel.streams.internal.graph;

import io.runnel.common.Serde;
import io.runnel.state.KeyValue;
import io.runnel.state.KeyValueStore;
import io.runnel.streams.TopologyException;
import io.runnel.streams.dsl.Grouped;
import io.runnel.streams.dsl.KGroupedTable;
import io.runnel.streams.dsl.KStream;
import io.runnel.streams.dsl.KTable;
import io.runnel.streams.dsl.KeyValueMapper;
import io.runnel.streams.dsl.Materialized;
import io.runnel.streams.dsl.Named;
import io.runnel.streams.dsl.Predicate;
import io.runnel.streams.dsl.Suppressed;
import io.runnel.streams.dsl.ValueJoiner;
import io.runnel.streams.dsl.ValueMapper;
import io.runnel.streams.internal.ops.ForeignKeyJoin;
import io.runnel.streams.internal.ops.PassThrough;
import io.runnel.streams.internal.ops.Suppress;
import io.runnel.streams.internal.ops.TableFilter;
import io.runnel.streams.internal.ops.TableJoinSide;
import io.runnel.streams.internal.ops.TableMapValues;
import io.runnel.streams.internal.ops.TableMaterialize;
import io.runnel.streams.internal.ops.TableRepartitionMap;
import io.runnel.streams.internal.ops.TableToStream;
import io.runnel.streams.internal.ops.ValueGetterSupplier;
import java.util.Objects;
import java.util.function.Function;

/**
 * A table node: records flowing out of {@link #node} carry {@code Change} values; {@link #getter}
 * reads current rows (from the table's store or computed from its materialized ancestors).
 * {@code windowGraceMs} is the grace of the windowed aggregation that made the table, or -1.
 */
@SuppressWarnings({"unchecked", "rawtypes"})
final class KTableImpl<K, V> implements KTable<K, V> {
    final DslBuilder b;
    final String node;
    final Serde<K> keySerde;
    final Serde<V> valueSerde;
    final ValueGetterSupplier<K, V> getter;
    final String storeName;
    final long windowGraceMs;

    KTableImpl(DslBuilder b, String node, Serde<K> keySerde, Serde<V> valueSerde, ValueGetterSupplier<K, V> getter,
               String storeName, long windowGraceMs) {
        this.b = b;
        this.node = node;
        this.keySerde = keySerde;
        this.valueSerde = valueSerde;
        this.getter = getter;
        this.storeName = storeName;
        this.windowGraceMs = windowGraceMs;
    }

    /**
     * Adds the operator's processor; if materialized, a materializing node named
     * {@code <operator>-materialize} after it and a store, and the result reads from the store.
     */
    private <VR> KTableImpl<K, VR> derive(String name, Object supplier, Serde<VR> vs, ValueGetterSupplier<K, VR> computed,
                                          Materialized<K, VR, ?> m, String... parents) {
        b.processor(name, (io.runnel.streams.processor.ProcessorSupplier) supplier, parents);
        Serde<K> ks = m != null && m.keySerde() != null ? m.keySerde() : keySerde;
        Serde<VR> mvs = m != null && m.valueSerde() != null ? m.valueSerde() : vs;
        if (m == null) {
            return new KTableImpl<>(b, name, ks, mvs, computed, null, windowGraceMs);
        }
        String store = m.storeName() != null ? m.storeName() : Names.store(name);
        String mat = Names.suffixed(name, "materialize");
        b.processor(mat, new TableMaterialize<>(store), name);
        b.store(StoreFactory.timestampedKeyValue(store, ks, mvs, m, name), mat);
        return new KTableImpl<>(b, mat, ks, mvs, ValueGetterSupplier.ofStore(store), store, windowGraceMs);
    }

    @Override
    public KTable<K, V> filter(Predicate<? super K, ? super V> predicate) {
        return filter(predicate, (Materialized<K, V, KeyValueStore<K, V>>) null);
    }

    @Override
    public KTable<K, V> filter(Predicate<? super K, ? super V> predicate, Materialized<K, V, KeyValueStore<K, V>> m) {
        Objects.requireNonNull(predicate, "predicate");
        TableFilter<K, V> f = new TableFilter<>(predicate, false, getter);
        return derive(b.names.operator("table-filter", m == null ? null : m.storeName()), f, valueSerde, f.getter(), m, node);
    }

    @Override
    public KTable<K, V> filter(Predicate<? super K, ? super V> predicate, Named named) {
        Objects.requireNonNull(predicate, "predicate");
        TableFilter<K, V> f = new TableFilter<>(predicate, false, getter);
        return derive(b.names.operator("table-filter", named), f, valueSerde, f.getter(), null, node);
    }

    @Override
    public KTable<K, V> filterNot(Predicate<? super K, ? super V> predicate) {
        return filterNot(predicate, null);
    }

    @Override
    public KTable<K, V> filterNot(Predicate<? super K, ? super V> predicate, Materialized<K, V, KeyValueStore<K, V>> m) {
        Objects.requireNonNull(predicate, "predicate");
        TableFilter<K, V> f = new TableFilter<>(predicate, true, getter);
        return derive(b.names.operator("table-filter-not", m == null ? null : m.storeName()), f, valueSerde, f.getter(), m, node);
    }

    @Override
    public <VR> KTable<K, VR> mapValues(ValueMapper<? super V, ? extends VR> mapper) {
        return mapValues(mapper, null);
    }

    @Override
    public <VR> KTable<K, VR> mapValues(ValueMapper<? super V, ? extends VR> mapper, Materialized<K, VR, KeyValueStore<K, VR>> m) {
        Objects.requireNonNull(mapper, "mapper");
        TableMapValues<K, V, VR> op = new TableMapValues<>(mapper, getter);
        return derive(b.names.operator("table-map-values", m == null ? null : m.storeName()), op, null, op.getter(), m, node);
    }

    @Override
    public KStream<K, V> toStream() {
        return toStream(null);
    }

    @Override
    public KStream<K, V> toStream(Named named) {
        String name = b.names.operator("to-stream", named);
        b.processor(name, new TableToStream<>(), node);
        return new KStreamImpl<>(b, name, keySerde, valueSerde, false);
    }

    @Override
    public <KR, VR> KGroupedTable<KR, VR> groupBy(KeyValueMapper<? super K, ? super V, KeyValue<KR, VR>> selector) {
        return groupBy(selector, null);
    }

    @Override
    public <KR, VR> KGroupedTable<KR, VR> groupBy(KeyValueMapper<? super K, ? super V, KeyValue<KR, VR>> selector,
                                                  Grouped<KR, VR> grouped) {
        Objects.requireNonNull(selector, "selector");
        String name = b.names.operator("table-group-by", grouped == null ? null : grouped.name());
        b.processor(name, new TableRepartitionMap<>(selector), node);
        return new KGroupedTableImpl<>(b, name, grouped == null ? null : grouped.keySerde(),
                grouped == null ? null : grouped.valueSerde(), grouped == null ? null : grouped.name());
    }

    // ---- primary-key joins

    @Override
    public <VO, VR> KTable<K, VR> join(KTable<K, VO> other, ValueJoiner<? super V, ? super VO, ? extends VR> joiner) {
        return join(other, joiner, (Materialized<K, VR, KeyValueStore<K, VR>>) null);
    }

    @Override
    public <VO, VR> KTable<K, VR> join(KTable<K, VO> other, ValueJoiner<? super V, ? super VO, ? extends VR> joiner,
                                       Materialized<K, VR, KeyValueStore<K, VR>> m) {
        return tableJoin("table-join", other, joiner, m, TableJoinSide.JoinType.INNER);
    }

    @Override
    public <VO, VR> KTable<K, VR> leftJoin(KTable<K, VO> other, ValueJoiner<? super V, ? super VO, ? extends VR> joiner) {
        return leftJoin(other, joiner, (Materialized<K, VR, KeyValueStore<K, VR>>) null);
    }

    @Override
    public <VO, VR> KTable<K, VR> leftJoin(KTable<K, VO> other, ValueJoiner<? super V, ? super VO, ? extends VR> joiner,
                                           Materialized<K, VR, KeyValueStore<K, VR>> m) {
        return tableJoin("table-left-join", other, joiner, m, TableJoinSide.JoinType.LEFT);
    }

    @Override
    public <VO, VR> KTable<K, VR> outerJoin(KTable<K, VO> other, ValueJoiner<? super V, ? super VO, ? extends VR> joiner) {
        return outerJoin(other, joiner, null);
    }

    @Override
    public <VO, VR> KTable<K, VR> outerJoin(KTable<K, VO> other, ValueJoiner<? super V, ? super VO, ? extends VR> joiner,
                                            Materialized<K, VR, KeyValueStore<K, VR>> m) {
        return tableJoin("table-outer-join", other, joiner, m, TableJoinSide.JoinType.OUTER);
    }

    private <VO, VR> KTable<K, VR> tableJoin(String kind, KTable<K, VO> other, ValueJoiner<? super V, ? super VO, ? extends VR> joiner,
                                             Materialized<K, VR, ?> m, TableJoinSide.JoinType type) {
        Objects.requireNonNull(joiner, "joiner");
        KTableImpl<K, VO> o = (KTableImpl<K, VO>) Objects.requireNonNull(other, "other");
        String name = b.names.operator(kind, m == null ? null : m.storeName());
        String thisSide = Names.suffixed(name, "this");
        String otherSide = Names.suffixed(name, "other");
        b.processor(thisSide, new TableJoinSide<K, V, VO, VR>(o.getter, joiner, type, true), node);
        b.connect(thisSide, o.getter.storeNames());
        b.processor(otherSide, new TableJoinSide<K, V, VO, VR>(getter, joiner, type, false), o.node);
        b.connect(otherSide, getter.storeNames());
        ValueGetterSupplier<K, VR> computed = TableJoinSide.getter(getter, o.getter, joiner, type);
        return derive(name, new PassThrough<>(), null, computed, m, thisSide, otherSide);
    }

    // ---- foreign-key joins

    @Override
    public <KO, VO, VR> KTable<K, VR> join(KTable<KO, VO> other, Function<? super V, ? extends KO> fk,
                                           ValueJoiner<? super V, ? super VO, ? extends VR> joiner) {
        return join(other, fk, joiner, null);
    }

    @Override
    public <KO, VO, VR> KTable<K, VR> join(KTable<KO, VO> other, Function<? super V, ? extends KO> fk,
                                           ValueJoiner<? super V, ? super VO, ? extends VR> joiner,
                                           Materialized<K, VR, KeyValueStore<K, VR>> m) {
        return fkJoin("fk-join", other, fk, joiner, m, false);
    }

    @Override
    public <KO, VO, VR> KTable<K, VR> leftJoin(KTable<KO, VO> other, Function<? super V, ? extends KO> fk,
                                               ValueJoiner<? super V, ? super VO, ? extends VR> joiner) {
        return leftJoin(other, fk, joiner, null);
    }

    @Override
    public <KO, VO, VR> KTable<K, VR> leftJoin(KTable<KO, VO> other, Function<? super V, ? extends KO> fk,
                                               ValueJoiner<? super V, ? super VO, ? extends VR> joiner,
                                               Materialized<K, VR, KeyValueStore<K, VR>> m) {
        return fkJoin("fk-left-join", other, fk, joiner, m, true);
    }

    private <KO, VO, VR> KTable<K, VR> fkJoin(String kind, KTable<KO, VO> other, Function<? super V, ? extends KO> fk,
                                              ValueJoiner<? super V, ? super VO, ? extends VR> joiner,
                                              Materialized<K, VR, ?> m, boolean left) {
        Objects.requireNonNull(fk, "foreignKeyExtractor");
        Objects.requireNonNull(joiner, "joiner");
        KTableImpl<KO, VO> o = (KTableImpl<KO, VO>) Objects.requireNonNull(other, "other");
        String name = b.names.operator(kind, m == null ? null : m.storeName());
        String subscriptions = Names.suffixed(name, "subscription-store");
        ForeignKeyJoin<K, V, KO, VO, VR> join = new ForeignKeyJoin<>(subscriptions, fk, joiner, left,
                StoreFactory.require(keySerde, "key", name), StoreFactory.require(o.keySerde, "foreign key", name),
                getter, o.getter);
        String thisSide = Names.suffixed(name, "this");
        String otherSide = Names.suffixed(name, "other");
        b.processor(thisSide, join.leftSide(), node);
        b.connect(thisSide, o.getter.storeNames());
        b.processor(otherSide, join.rightSide(), o.node);
        b.connect(otherSide, getter.storeNames());
        b.store(StoreFactory.keyValue(subscriptions, io.runnel.common.Serdes.byteArray(), io.runnel.common.Serdes.byteArray()),
                thisSide, otherSide);
        ValueGetterSupplier<K, VR> computed = fkGetter(fk, joiner, o.getter, left);
        return derive(name, new PassThrough<>(), null, computed, m, thisSide, otherSide);
    }

    private <KO, VO, VR> ValueGetterSupplier<K, VR> fkGetter(Function<? super V, ? extends KO> fk,
                                                           ValueJoiner<? super V, ? super VO, ? extends VR> joiner,
                                                           ValueGetterSupplier<KO, VO> right, boolean left) {
        ValueGetterSupplier<K, V> mine = getter;
        return new ValueGetterSupplier<>() {
            @Override
            public io.runnel.streams.internal.ops.ValueGetter<K, VR> get() {
                var l = mine.get();
                var r = right.get();
                return new io.runnel.streams.internal.ops.ValueGetter<>() {
                    @Override
                    public void init(io.runnel.streams.processor.ProcessorContext<?, ?> context) {
                        l.init(context);
                        r.init(context);
                    }

                    @Override
                    public io.runnel.state.ValueAndTimestamp<VR> get(K key) {
                        var lv = l.get(key);
                        if (lv == null) {
                            return null;
                        }
                        KO f = fk.apply(lv.value());
                        var rv = f == null ? null : r.get(f);
                        if (rv == null) {
                            return left ? io.runnel.state.ValueAndTimestamp.make(joiner.apply(lv.value(), null), lv.timestamp()) : null;
                        }
                        return io.runnel.state.ValueAndTimestamp.make(joiner.apply(lv.value(), rv.value()),
                                Math.max(lv.timestamp(), rv.timestamp()));
                    }
                };
            }

            @Override
            public java.util.List<String> storeNames() {
                java.util.List<String> names = new java.util.ArrayList<>(mine.storeNames());
                names.addAll(right.storeNames());
                return names;
            }
        };
    }

    @Override
    public KTable<K, V> suppress(Suppressed suppressed) {
        Objects.requireNonNull(suppressed, "suppressed");
        if (suppressed.untilWindowCloses() && windowGraceMs < 0) {
            throw new TopologyException("suppress(untilWindowCloses) needs a windowed table (from windowedBy(...))");
        }
        String name = b.names.operator("suppress", suppressed.name());
        b.processor(name, new Suppress<K, V>(suppressed, Math.max(0, windowGraceMs)), node);
        return new KTableImpl<>(b, name, keySerde, valueSerde, getter, null, windowGraceMs);
    }

    @Override
    public String queryableStoreName() {
        return storeName;
    }
}
