package io.runnel.streams.internal.graph;

import io.runnel.common.Serde;
import io.runnel.common.Serdes;
import io.runnel.state.KeyValueStore;
import io.runnel.streams.dsl.Aggregator;
import io.runnel.streams.dsl.Initializer;
import io.runnel.streams.dsl.KGroupedStream;
import io.runnel.streams.dsl.KTable;
import io.runnel.streams.dsl.Materialized;
import io.runnel.streams.dsl.Reducer;
import io.runnel.streams.dsl.SessionWindowedKStream;
import io.runnel.streams.dsl.SessionWindows;
import io.runnel.streams.dsl.SlidingWindows;
import io.runnel.streams.dsl.TimeWindowedKStream;
import io.runnel.streams.dsl.TimeWindows;
import io.runnel.streams.internal.ops.StreamAggregate;
import io.runnel.streams.internal.ops.ValueGetterSupplier;
import java.util.Objects;

/**
 * A grouped stream. The repartition topic (if the key changed) is added when the aggregation is,
 * named after the Grouped name or else the aggregation operator.
 */
final class KGroupedStreamImpl<K, V> implements KGroupedStream<K, V> {
    final DslBuilder b;
    final String node;
    final Serde<K> keySerde;
    final Serde<V> valueSerde;
    final boolean repartitionRequired;
    final String groupedName;

    KGroupedStreamImpl(DslBuilder b, String node, Serde<K> keySerde, Serde<V> valueSerde, boolean repartitionRequired,
                       String groupedName) {
        this.b = b;
        this.node = node;
        this.keySerde = keySerde;
        this.valueSerde = valueSerde;
        this.repartitionRequired = repartitionRequired;
        this.groupedName = groupedName;
    }

    /** The node to aggregate from: repartitioned if needed. */
    String input(String operator) {
        return repartitionRequired ? b.repartition(groupedName != null ? groupedName : operator, node, keySerde, valueSerde) : node;
    }

    static <K, V> Serde<K> keySerde(Materialized<K, ?, ?> m, Serde<K> fallback) {
        return m != null && m.keySerde() != null ? m.keySerde() : fallback;
    }

    static <V> Serde<V> valueSerde(Materialized<?, V, ?> m, Serde<V> fallback) {
        return m != null && m.valueSerde() != null ? m.valueSerde() : fallback;
    }

    @Override
    public KTable<K, Long> count() {
        return count(null);
    }

    @Override
    public KTable<K, Long> count(Materialized<K, Long, KeyValueStore<K, Long>> m) {
        return aggregate("count", () -> 0L, (k, v, agg) -> agg + 1, m, Serdes.longSerde());
    }

    @Override
    public KTable<K, V> reduce(Reducer<V> reducer) {
        return reduce(reducer, null);
    }

    @Override
    public KTable<K, V> reduce(Reducer<V> reducer, Materialized<K, V, KeyValueStore<K, V>> m) {
        Objects.requireNonNull(reducer, "reducer");
        return aggregate("reduce", () -> null, (k, v, agg) -> agg == null ? v : reducer.apply(agg, v), m, valueSerde);
    }

    @Override
    public <VA> KTable<K, VA> aggregate(Initializer<VA> initializer, Aggregator<? super K, ? super V, VA> aggregator) {
        return aggregate(initializer, aggregator, null);
    }

    @Override
    public <VA> KTable<K, VA> aggregate(Initializer<VA> initializer, Aggregator<? super K, ? super V, VA> aggregator,
                                        Materialized<K, VA, KeyValueStore<K, VA>> m) {
        Objects.requireNonNull(initializer, "initializer");
        Objects.requireNonNull(aggregator, "aggregator");
        return aggregate("aggregate", initializer, aggregator, m, null);
    }

    private <VA> KTable<K, VA> aggregate(String kind, Initializer<VA> initializer, Aggregator<? super K, ? super V, VA> aggregator,
                                         Materialized<K, VA, ?> m, Serde<VA> defaultValueSerde) {
        String name = b.names.operator(kind, m == null ? null : m.storeName());
        String parent = input(name);
        String store = m != null && m.storeName() != null ? m.storeName() : Names.store(name);
        Serde<K> ks = keySerde(m, keySerde);
        Serde<VA> vs = valueSerde(m, defaultValueSerde);
        b.processor(name, new StreamAggregate<>(store, initializer, aggregator), parent);
        b.store(StoreFactory.timestampedKeyValue(store, ks, vs, m, name), name);
        return new KTableImpl<>(b, name, ks, vs, ValueGetterSupplier.ofStore(store), store, -1);
    }

    @Override
    public TimeWindowedKStream<K, V> windowedBy(TimeWindows windows) {
        return new TimeWindowedKStreamImpl<>(this, Objects.requireNonNull(windows, "windows"));
    }

    @Override
    public TimeWindowedKStream<K, V> windowedBy(SlidingWindows windows) {
        Objects.requireNonNull(windows, "windows");
        throw new UnsupportedOperationException("sliding windows are not implemented yet; use TimeWindows with advanceBy");
    }

    @Override
    public SessionWindowedKStream<K, V> windowedBy(SessionWindows windows) {
        return new SessionWindowedKStreamImpl<>(this, Objects.requireNonNull(windows, "windows"));
    }
}
