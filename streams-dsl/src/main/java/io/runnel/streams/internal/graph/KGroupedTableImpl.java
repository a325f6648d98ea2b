package io.runnel.streams.internal.graph;

import io.runnel.common.Serde;
import io.runnel.common.Serdes;
import io.runnel.state.KeyValueStore;
import io.runnel.streams.dsl.Aggregator;
import io.runnel.streams.dsl.Initializer;
import io.runnel.streams.dsl.KGroupedTable;
import io.runnel.streams.dsl.KTable;
import io.runnel.streams.dsl.Materialized;
import io.runnel.streams.dsl.Reducer;
import io.runnel.streams.internal.ops.TableAggregate;
import io.runnel.streams.internal.ops.ValueGetterSupplier;
import java.util.Objects;

/**
 * A re-grouped table. The aggregation always goes through a repartition topic
 * ({@code <grouped name or operator>-repartition}) carrying table updates ({@link ChangeSerde}).
 */
final class KGroupedTableImpl<K, V> implements KGroupedTable<K, V> {
    private final DslBuilder b;
    private final String node;
    private final Serde<K> keySerde;
    private final Serde<V> valueSerde;
    private final String groupedName;

    KGroupedTableImpl(DslBuilder b, String node, Serde<K> keySerde, Serde<V> valueSerde, String groupedName) {
        this.b = b;
        this.node = node;
        this.keySerde = keySerde;
        this.valueSerde = valueSerde;
        this.groupedName = groupedName;
    }

    @Override
    public KTable<K, Long> count() {
        return count(null);
    }

    @Override
    public KTable<K, Long> count(Materialized<K, Long, KeyValueStore<K, Long>> m) {
        return aggregate("table-count", () -> 0L, (k, v, agg) -> agg + 1, (k, v, agg) -> agg - 1, m, Serdes.longSerde());
    }

    @Override
    public KTable<K, V> reduce(Reducer<V> adder, Reducer<V> subtractor) {
        return reduce(adder, subtractor, null);
    }

    @Override
    public KTable<K, V> reduce(Reducer<V> adder, Reducer<V> subtractor, Materialized<K, V, KeyValueStore<K, V>> m) {
        Objects.requireNonNull(adder, "adder");
        Objects.requireNonNull(subtractor, "subtractor");
        return aggregate("table-reduce", () -> null, (k, v, agg) -> agg == null ? v : adder.apply(agg, v),
                (k, v, agg) -> subtractor.apply(agg, v), m, valueSerde);
    }

    @Override
    public <VA> KTable<K, VA> aggregate(Initializer<VA> initializer, Aggregator<? super K, ? super V, VA> adder,
                                        Aggregator<? super K, ? super V, VA> subtractor) {
        return aggregate(initializer, adder, subtractor, null);
    }

    @Override
    public <VA> KTable<K, VA> aggregate(Initializer<VA> initializer, Aggregator<? super K, ? super V, VA> adder,
                                        Aggregator<? super K, ? super V, VA> subtractor,
                                        Materialized<K, VA, KeyValueStore<K, VA>> m) {
        Objects.requireNonNull(initializer, "initializer");
        Objects.requireNonNull(adder, "adder");
        Objects.requireNonNull(subtractor, "subtractor");
        return aggregate("table-aggregate", initializer, adder, subtractor, m, null);
    }

    private <VA> KTable<K, VA> aggregate(String kind, Initializer<VA> initializer, Aggregator<? super K, ? super V, VA> adder,
                                         Aggregator<? super K, ? super V, VA> subtractor, Materialized<K, VA, ?> m,
                                         Serde<VA> defaultValueSerde) {
        String name = b.names.operator(kind, m == null ? null : m.storeName());
        Serde<K> ks = KGroupedStreamImpl.keySerde(m, keySerde);
        Serde<V> vs = StoreFactory.require(valueSerde, "value (Grouped.with)", name);
        String source = b.repartition(groupedName != null ? groupedName : name, node,
                StoreFactory.require(keySerde, "key (Grouped.with)", name), ChangeSerde.of(vs));
        String store = m != null && m.storeName() != null ? m.storeName() : Names.store(name);
        Serde<VA> as = KGroupedStreamImpl.valueSerde(m, defaultValueSerde);
        b.processor(name, new TableAggregate<>(store, initializer, adder, subtractor), source);
        b.store(StoreFactory.timestampedKeyValue(store, ks, as, m, name), name);
        return new KTableImpl<>(b, name, ks, as, ValueGetterSupplier.ofStore(store), store, -1);
    }
}
