package io.runnel.streams.internal.graph;

import io.runnel.common.Serde;
import io.runnel.common.Serdes;
import io.runnel.state.TimestampedWindowStore;
import io.runnel.state.ValueAndTimestamp;
import io.runnel.state.WindowStore;
import io.runnel.state.Windowed;
import io.runnel.streams.dsl.Aggregator;
import io.runnel.streams.dsl.Initializer;
import io.runnel.streams.dsl.KTable;
import io.runnel.streams.dsl.Materialized;
import io.runnel.streams.dsl.Reducer;
import io.runnel.streams.dsl.TimeWindowedKStream;
import io.runnel.streams.dsl.TimeWindows;
import io.runnel.streams.internal.ops.TimeWindowAggregate;
import io.runnel.streams.internal.ops.ValueGetter;
import io.runnel.streams.internal.ops.ValueGetterSupplier;
import io.runnel.streams.processor.ProcessorContext;
import io.runnel.streams.serde.WindowedSerdes;
import java.util.List;
import java.util.Objects;

/** Tumbling or hopping window aggregations; results are tables keyed by {@link Windowed} keys. */
final class TimeWindowedKStreamImpl<K, V> implements TimeWindowedKStream<K, V> {
    private final KGroupedStreamImpl<K, V> grouped;
    private final TimeWindows windows;

    TimeWindowedKStreamImpl(KGroupedStreamImpl<K, V> grouped, TimeWindows windows) {
        this.grouped = grouped;
        this.windows = windows;
    }

    @Override
    public KTable<Windowed<K>, Long> count() {
        return count(null);
    }

    @Override
    public KTable<Windowed<K>, Long> count(Materialized<K, Long, WindowStore<K, Long>> m) {
        return aggregate("window-count", () -> 0L, (k, v, agg) -> agg + 1, m, Serdes.longSerde());
    }

    @Override
    public KTable<Windowed<K>, V> reduce(Reducer<V> reducer) {
        return reduce(reducer, null);
    }

    @Override
    public KTable<Windowed<K>, V> reduce(Reducer<V> reducer, Materialized<K, V, WindowStore<K, V>> m) {
        Objects.requireNonNull(reducer, "reducer");
        return aggregate("window-reduce", () -> null, (k, v, agg) -> agg == null ? v : reducer.apply(agg, v), m,
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
        return aggregate("window-aggregate", initializer, aggregator, m, null);
    }

    private <VA> KTable<Windowed<K>, VA> aggregate(String kind, Initializer<VA> initializer,
                                                   Aggregator<? super K, ? super V, VA> aggregator,
                                                   Materialized<K, VA, ?> m, Serde<VA> defaultValueSerde) {
        DslBuilder b = grouped.b;
        String name = b.names.operator(kind, m == null ? null : m.storeName());
        String parent = grouped.input(name);
        String store = m != null && m.storeName() != null ? m.storeName() : Names.store(name);
        Serde<K> ks = KGroupedStreamImpl.keySerde(m, grouped.keySerde);
        Serde<VA> vs = KGroupedStreamImpl.valueSerde(m, defaultValueSerde);
        b.processor(name, new TimeWindowAggregate<>(store, windows, initializer, aggregator), parent);
        b.store(StoreFactory.timestampedWindow(store, windows.sizeMs() + windows.graceMs(), windows.sizeMs(), ks, vs, m, name),
                name);
        Serde<Windowed<K>> wks = ks == null ? null : WindowedSerdes.timeWindowedSerde(ks, windows.sizeMs());
        return new KTableImpl<>(b, name, wks, vs, getter(store), store, windows.graceMs());
    }

    private static <K, VA> ValueGetterSupplier<Windowed<K>, VA> getter(String store) {
        return new ValueGetterSupplier<>() {
            @Override
            public ValueGetter<Windowed<K>, VA> get() {
                return new ValueGetter<>() {
                    private TimestampedWindowStore<K, VA> s;

                    @Override
                    public void init(ProcessorContext<?, ?> context) {
                        s = context.getStateStore(store);
                    }

                    @Override
                    public ValueAndTimestamp<VA> get(Windowed<K> key) {
                        return s.fetch(key.key(), key.window().start());
                    }
                };
            }

            @Override
            public List<String> storeNames() {
                return List.of(store);
            }
        };
    }
}
