package io.runnel.streams.dsl;

import io.runnel.state.WindowStore;
import io.runnel.state.Windowed;

/** A grouped stream windowed by time (tumbling, hopping or sliding windows). */
public interface TimeWindowedKStream<K, V> {

    /**
     * When the aggregation built next emits (default {@link EmitStrategy#onWindowUpdate()});
     * {@link EmitStrategy#onWindowClose()} is supported for tumbling and hopping windows only.
     */
    TimeWindowedKStream<K, V> emitStrategy(EmitStrategy emitStrategy);

    KTable<Windowed<K>, Long> count();

    KTable<Windowed<K>, Long> count(Materialized<K, Long, WindowStore<K, Long>> materialized);

    KTable<Windowed<K>, V> reduce(Reducer<V> reducer);

    KTable<Windowed<K>, V> reduce(Reducer<V> reducer, Materialized<K, V, WindowStore<K, V>> materialized);

    <VA> KTable<Windowed<K>, VA> aggregate(Initializer<VA> initializer, Aggregator<? super K, ? super V, VA> aggregator);

    <VA> KTable<Windowed<K>, VA> aggregate(Initializer<VA> initializer, Aggregator<? super K, ? super V, VA> aggregator,
                                           Materialized<K, VA, WindowStore<K, VA>> materialized);
}
