package io.runnel.streams.dsl;

import io.runnel.state.KeyValueStore;

/** A stream grouped by key, ready for aggregation. Null keys and null values are dropped (counted). */
public interface KGroupedStream<K, V> {

    KTable<K, Long> count();

    KTable<K, Long> count(Materialized<K, Long, KeyValueStore<K, Long>> materialized);

    KTable<K, V> reduce(Reducer<V> reducer);

    KTable<K, V> reduce(Reducer<V> reducer, Materialized<K, V, KeyValueStore<K, V>> materialized);

    <VA> KTable<K, VA> aggregate(Initializer<VA> initializer, Aggregator<? super K, ? super V, VA> aggregator);

    <VA> KTable<K, VA> aggregate(Initializer<VA> initializer, Aggregator<? super K, ? super V, VA> aggregator,
                                 Materialized<K, VA, KeyValueStore<K, VA>> materialized);

    TimeWindowedKStream<K, V> windowedBy(TimeWindows windows);

    TimeWindowedKStream<K, V> windowedBy(SlidingWindows windows);

    SessionWindowedKStream<K, V> windowedBy(SessionWindows windows);
}
