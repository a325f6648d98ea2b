package io.runnel.streams.internal.graph;

import io.runnel.common.Serde;
import io.runnel.common.Serdes;
import io.runnel.state.WindowStore;
import io.runnel.state.Windowed;
import io.runnel.streams.dsl.Aggregator;
import io.runnel.streams.dsl.Initializer;
import io.runnel.streams.dsl.KTable;
import io.runnel.streams.dsl.Materialized;
import io.runnel.streams.dsl.Reducer;
import io.runnel.streams.dsl.SlidingWindows;
import io.runnel.streams.dsl.TimeWindowedKStream;
import io.runnel.streams.internal.ops.SlidingWindowAggregate;
import io.runnel.streams.serde.WindowedSerdes;
import java.util.Objects;

/** Sliding window aggregations (see {@link SlidingWindowAggregate}); results keyed by windows of size d. */
final class SlidingWindowedKStreamImpl<K, V> implements TimeWindowedKStream<K, V> {
    private final KGroupedStreamImpl<K, V> grouped;
    private final SlidingWindows windows;

    SlidingWindowedKStreamImpl(KGroupedStreamImpl<K, V> grouped, SlidingWindows windows) {
        this.grouped = grouped;
        this.windows = windows;
    }

    @Override
    public KTable<Windowed<K>, Long> count() {
        return count(null);
    }

    @Override
    public KTable<Windowed<K>, Long> count(Materialized<K, Long, WindowStore<K, Long>> m) {
        return aggregate("sliding-count", () -> 0L, (k, v, agg) -> agg + 1, m, Serdes.longSerde());
    }

    @Override
    public KTable<Windowed<K>, V> reduce(Reducer<V> reducer) {
        return reduce(reducer, null);
    }

    @Override
    public KTable<Windowed<K>, V> reduce(Reducer<V> reducer, Materialized<K, V, WindowStore<K, V>> m) {
        Objects.requireNonNull(reducer, "reducer");
        return aggregate("sliding-reduce", () -> null, (k, v, agg) -> agg == null ? v : reducer.apply(agg, v), m,
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
        return aggregate("sliding-aggregate", initializer, aggregator, m, null);
    }

    private <VA> KTable<Windowed<K>, VA> aggregate(String kind, Initializer<VA> initializer,
                                                   Aggregator<? super K, ? super V, VA> aggregator,
                                                   Materialized<K, VA, ?> m, Serde<VA> defaultValueSerde) {
        DslBuilder b = grouped.b;
        String name = b.names.operator(kind, m == null ? null : m.storeName());
        String parent = grouped.input(name);
        String store = m != null && m.storeName() != null ? m.storeName() : Names.store(name);
        String rawStore = Names.suffixed(name, "records-store");
        Serde<K> ks = KGroupedStreamImpl.keySerde(m, grouped.keySerde);
        Serde<VA> vs = KGroupedStreamImpl.valueSerde(m, defaultValueSerde);
        long d = windows.timeDifferenceMs();
        b.processor(name, new SlidingWindowAggregate<>(store, rawStore, windows, initializer, aggregator), parent);
        b.store(StoreFactory.timestampedWindow(store, 2 * d + windows.graceMs() + 1, d, ks, vs, m, name), name);
        b.store(StoreFactory.joinWindow(rawStore, 2 * d + windows.graceMs() + 1, d, ks, grouped.valueSerde, name), name);
        Serde<Windowed<K>> wks = ks == null ? null : WindowedSerdes.timeWindowedSerde(ks, d);
        return new KTableImpl<>(b, name, wks, vs, TimeWindowedKStreamImpl.getter(store), store, windows.graceMs());
    }
}
