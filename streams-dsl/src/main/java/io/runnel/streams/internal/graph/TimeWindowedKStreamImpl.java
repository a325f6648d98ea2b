package io.runnel.streams.internal.graph;

import io.runnel.common.Serde;
import io.runnel.state.TimestampedWindowStore;
import io.runnel.state.ValueAndTimestamp;
import io.runnel.state.Windowed;
import io.runnel.streams.dsl.Aggregator;
import io.runnel.streams.dsl.Initializer;
import io.runnel.streams.dsl.KTable;
import io.runnel.streams.dsl.Materialized;
import io.runnel.streams.dsl.TimeWindows;
import io.runnel.streams.internal.ops.TimeWindowAggregate;
import io.runnel.streams.internal.ops.ValueGetter;
import io.runnel.streams.internal.ops.ValueGetterSupplier;
import io.runnel.streams.processor.ProcessorContext;
import io.runnel.streams.serde.WindowedSerdes;
import java.util.List;

/** Tumbling or hopping window aggregations; results are tables keyed by {@link Windowed} keys. */
final class TimeWindowedKStreamImpl<K, V> extends AbstractWindowedKStream<K, V> {
    private final TimeWindows windows;

    TimeWindowedKStreamImpl(KGroupedStreamImpl<K, V> grouped, TimeWindows windows) {
        super(grouped, "window");
        this.windows = windows;
    }

    @Override
    <VA> KTable<Windowed<K>, VA> window(DslBuilder b, String name, String parent, String store,
                                        Initializer<VA> initializer, Aggregator<? super K, ? super V, VA> aggregator,
                                        Materialized<K, VA, ?> m, Serde<K> ks, Serde<VA> vs) {
        b.processor(name, new TimeWindowAggregate<>(store, windows, emitStrategy, initializer, aggregator), parent);
        // Emitting on window close reads the windows starting size + grace behind the newest one (Kafka Streams'
        // time-ordered store); this store drops them one millisecond earlier, so it keeps one more.
        long retention = windows.sizeMs() + windows.graceMs()
                + (emitStrategy.type() == io.runnel.streams.dsl.EmitStrategy.StrategyType.ON_WINDOW_CLOSE ? 1 : 0);
        b.store(StoreFactory.timestampedWindow(store, retention, windows.sizeMs(), ks, vs, m, name), name);
        Serde<Windowed<K>> wks = ks == null ? null : WindowedSerdes.timeWindowedSerde(ks, windows.sizeMs());
        return new KTableImpl<>(b, name, wks, vs, getter(store), store, windows.graceMs());
    }

    static <K, VA> ValueGetterSupplier<Windowed<K>, VA> getter(String store) {
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
