package io.runnel.streams.internal.graph;

import io.runnel.common.Serde;
import io.runnel.common.Serdes;
import io.runnel.state.WindowStore;
import io.runnel.state.Windowed;
import io.runnel.streams.dsl.Aggregator;
import io.runnel.streams.dsl.EmitStrategy;
import io.runnel.streams.dsl.Initializer;
import io.runnel.streams.dsl.KTable;
import io.runnel.streams.dsl.Materialized;
import io.runnel.streams.dsl.Reducer;
import io.runnel.streams.dsl.TimeWindowedKStream;
import java.util.Objects;

/**
 * What time-windowed and sliding-windowed aggregations share: count, reduce and aggregate as one
 * aggregation, operator and store naming, and serdes. Subclasses add the windowing operator and
 * its stores ({@link #window}).
 */
abstract class AbstractWindowedKStream<K, V> implements TimeWindowedKStream<K, V> {
    final KGroupedStreamImpl<K, V> grouped;
    private final String kindPrefix;
    EmitStrategy emitStrategy = EmitStrategy.onWindowUpdate();

    /** @param kindPrefix the operator kind's prefix in default names, e.g. {@code window} → {@code window-count-1} */
    AbstractWindowedKStream(KGroupedStreamImpl<K, V> grouped, String kindPrefix) {
        this.grouped = grouped;
        this.kindPrefix = kindPrefix;
    }

    @Override
    public TimeWindowedKStream<K, V> emitStrategy(EmitStrategy emitStrategy) {
        this.emitStrategy = Objects.requireNonNull(emitStrategy, "emitStrategy");
        return this;
    }

    @Override
    public KTable<Windowed<K>, Long> count() {
        return count(null);
    }

    @Override
    public KTable<Windowed<K>, Long> count(Materialized<K, Long, WindowStore<K, Long>> m) {
        return aggregate("count", () -> 0L, (k, v, agg) -> agg + 1, m, Serdes.longSerde());
    }

    @Override
    public KTable<Windowed<K>, V> reduce(Reducer<V> reducer) {
        return reduce(reducer, null);
    }

    @Override
    public KTable<Windowed<K>, V> reduce(Reducer<V> reducer, Materialized<K, V, WindowStore<K, V>> m) {
        Objects.requireNonNull(reducer, "reducer");
        return aggregate("reduce", () -> null, (k, v, agg) -> agg == null ? v : reducer.apply(agg, v), m,
                grouped.valueSerde);
    }

    @Override
    public <VA> KTable<Windowed<K>, VA> aggregate(Initializer<VA> initializer, Aggregator<? super K, ? super V, VA> aggregator) {
        return aggregate(initializer, aggregator, null);
    }

    @Override
    public <VA> KTable<Windowed<K>, VA> aggregate(Initializer<VA> initializer, Aggregator<? super K, ? super V, VA> aggregator,
                                                  Materialized<K, VA, WindowStore<K, VA>> m) {
        Objects.requireNonNull(initializer, "initializer");
        Objects.requireNonNull(aggregator, "aggregator");
        return aggregate("aggregate", initializer, aggregator, m, null);
    }

    private <VA> KTable<Windowed<K>, VA> aggregate(String kind, Initializer<VA> initializer,
                                                   Aggregator<? super K, ? super V, VA> aggregator,
                                                   Materialized<K, VA, ?> m, Serde<VA> defaultValueSerde) {
        DslBuilder b = grouped.b;
        String name = b.names.operator(kindPrefix + "-" + kind, m == null ? null : m.storeName());
        String parent = grouped.input(name);
        String store = m != null && m.storeName() != null ? m.storeName() : Names.store(name);
        Serde<K> ks = KGroupedStreamImpl.keySerde(m, grouped.keySerde);
        Serde<VA> vs = KGroupedStreamImpl.valueSerde(m, defaultValueSerde);
        return window(b, name, parent, store, initializer, aggregator, m, ks, vs);
    }

    /** Adds the windowing operator {@code name} under {@code parent} with its stores; returns its table. */
    abstract <VA> KTable<Windowed<K>, VA> window(DslBuilder b, String name, String parent, String store,
                                                 Initializer<VA> initializer,
                                                 Aggregator<? super K, ? super V, VA> aggregator,
                                                 Materialized<K, VA, ?> m, Serde<K> ks, Serde<VA> vs);
}
