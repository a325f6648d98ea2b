package io.runnel.streams.internal.graph;

import io.runnel.common.Serde;
import io.runnel.common.Serdes;
import io.runnel.state.SessionStore;
import io.runnel.state.ValueAndTimestamp;
import io.runnel.state.Windowed;
import io.runnel.streams.dsl.Aggregator;
import io.runnel.streams.dsl.Initializer;
import io.runnel.streams.dsl.KTable;
import io.runnel.streams.dsl.Materialized;
import io.runnel.streams.dsl.Merger;
import io.runnel.streams.dsl.Reducer;
import io.runnel.streams.dsl.SessionWindowedKStream;
import io.runnel.streams.dsl.SessionWindows;
import io.runnel.streams.internal.ops.SessionWindowAggregate;
import io.runnel.streams.internal.ops.ValueGetter;
import io.runnel.streams.internal.ops.ValueGetterSupplier;
import io.runnel.streams.processor.ProcessorContext;
import io.runnel.streams.serde.WindowedSerdes;
import java.util.List;
import java.util.Objects;

/** Session window aggregations; results are tables keyed by session-{@link Windowed} keys. */
final class SessionWindowedKStreamImpl<K, V> implements SessionWindowedKStream<K, V> {
    private final KGroupedStreamImpl<K, V> grouped;
    private final SessionWindows windows;

    SessionWindowedKStreamImpl(KGroupedStreamImpl<K, V> grouped, SessionWindows windows) {
        this.grouped = grouped;
        this.windows = windows;
    }

    @Override
    public KTable<Windowed<K>, Long> count() {
        return count(null);
    }

    @Override
    public KTable<Windowed<K>, Long> count(Materialized<K, Long, SessionStore<K, Long>> m) {
        return aggregate("session-count", () -> 0L, (k, v, agg) -> agg + 1, (k, a, b) -> a + b, m, Serdes.longSerde());
    }

    @Override
    public KTable<Windowed<K>, V> reduce(Reducer<V> reducer) {
        return reduce(reducer, null);
    }

    @Override
    public KTable<Windowed<K>, V> reduce(Reducer<V> reducer, Materialized<K, V, SessionStore<K, V>> m) {
        Objects.requireNonNull(reducer, "reducer");
        return aggregate("session-reduce", () -> null, (k, v, agg) -> agg == null ? v : reducer.apply(agg, v),
                (k, a, b) -> a == null ? b : b == null ? a : reducer.apply(a, b), m, grouped.valueSerde);
    }

    @Override
    public <VA> KTable<Windowed<K>, VA> aggregate(Initializer<VA> initializer, Aggregator<? super K, ? super V, VA> aggregator,
                                                  Merger<? super K, VA> merger) {
        return aggregate(initializer, aggregator, merger, null);
    }

    @Override
    public <VA> KTable<Windowed<K>, VA> aggregate(Initializer<VA> initializer, Aggregator<? super K, ? super V, VA> aggregator,
                                                  Merger<? super K, VA> merger, Materialized<K, VA, SessionStore<K, VA>> m) {
        Objects.requireNonNull(initializer, "initializer");
        Objects.requireNonNull(aggregator, "aggregator");
        Objects.requireNonNull(merger, "merger");
        return aggregate("session-aggregate", initializer, aggregator, merger, m, null);
    }

    private <VA> KTable<Windowed<K>, VA> aggregate(String kind, Initializer<VA> initializer,
                                                   Aggregator<? super K, ? super V, VA> aggregator, Merger<? super K, VA> merger,
                                                   Materialized<K, VA, ?> m, Serde<VA> defaultValueSerde) {
        DslBuilder b = grouped.b;
        String name = b.names.operator(kind, m == null ? null : m.storeName());
        String parent = grouped.input(name);
        String store = m != null && m.storeName() != null ? m.storeName() : Names.store(name);
        Serde<K> ks = KGroupedStreamImpl.keySerde(m, grouped.keySerde);
        Serde<VA> vs = KGroupedStreamImpl.valueSerde(m, defaultValueSerde);
        b.processor(name, new SessionWindowAggregate<>(store, windows, initializer, aggregator, merger), parent);
        b.store(StoreFactory.session(store, windows.inactivityGapMs() + windows.graceMs(), ks, vs, m, name), name);
        Serde<Windowed<K>> wks = ks == null ? null : WindowedSerdes.sessionWindowedSerde(ks);
        return new KTableImpl<>(b, name, wks, vs, getter(store), store, windows.graceMs());
    }

    private static <K, VA> ValueGetterSupplier<Windowed<K>, VA> getter(String store) {
        return new ValueGetterSupplier<>() {
            @Override
            public ValueGetter<Windowed<K>, VA> get() {
                return new ValueGetter<>() {
                    private SessionStore<K, VA> s;

                    @Override
                    public void init(ProcessorContext<?, ?> context) {
                        s = context.getStateStore(store);
                    }

                    @Override
                    public ValueAndTimestamp<VA> get(Windowed<K> key) {
                        return ValueAndTimestamp.make(s.fetchSession(key.key(), key.window().start(), key.window().end()),
                                key.window().end());
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
