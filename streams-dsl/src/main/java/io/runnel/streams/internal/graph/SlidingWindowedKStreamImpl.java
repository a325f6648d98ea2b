package io.runnel.streams.internal.graph;

import io.runnel.common.Serde;
import io.runnel.state.Windowed;
import io.runnel.streams.dsl.Aggregator;
import io.runnel.streams.dsl.Initializer;
import io.runnel.streams.dsl.KTable;
import io.runnel.streams.dsl.Materialized;
import io.runnel.streams.dsl.SlidingWindows;
import io.runnel.streams.internal.ops.SlidingWindowAggregate;
import io.runnel.streams.serde.WindowedSerdes;

/** Sliding window aggregations (see {@link SlidingWindowAggregate}); results keyed by windows of size d. */
final class SlidingWindowedKStreamImpl<K, V> extends AbstractWindowedKStream<K, V> {
    private final SlidingWindows windows;

    SlidingWindowedKStreamImpl(KGroupedStreamImpl<K, V> grouped, SlidingWindows windows) {
        super(grouped, "sliding");
        this.windows = windows;
    }

    @Override
    <VA> KTable<Windowed<K>, VA> window(DslBuilder b, String name, String parent, String store,
                                        Initializer<VA> initializer, Aggregator<? super K, ? super V, VA> aggregator,
                                        Materialized<K, VA, ?> m, Serde<K> ks, Serde<VA> vs) {
        if (emitStrategy.type() == io.runnel.streams.dsl.EmitStrategy.StrategyType.ON_WINDOW_CLOSE) {
            throw new io.runnel.streams.TopologyException("emitStrategy(onWindowClose()) is not supported for sliding windows");
        }
        String rawStore = Names.suffixed(name, "records-store");
        long d = windows.timeDifferenceMs();
        b.processor(name, new SlidingWindowAggregate<>(store, rawStore, windows, initializer, aggregator), parent);
        b.store(StoreFactory.timestampedWindow(store, 2 * d + windows.graceMs() + 1, d, ks, vs, m, name), name);
        b.store(StoreFactory.joinWindow(rawStore, 2 * d + windows.graceMs() + 1, d, ks, grouped.valueSerde, name), name);
        Serde<Windowed<K>> wks = ks == null ? null : WindowedSerdes.timeWindowedSerde(ks, d);
        return new KTableImpl<>(b, name, wks, vs, TimeWindowedKStreamImpl.getter(store), store, windows.graceMs());
    }
}
