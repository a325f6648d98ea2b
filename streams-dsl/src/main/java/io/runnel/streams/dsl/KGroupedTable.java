package io.runnel.streams.dsl;

import io.runnel.state.KeyValueStore;

/**
 * A table re-grouped by a new key. Each update of the source table subtracts the old value from
 * the old group and adds the new value to the new group.
 */
public interface KGroupedTable<K, V> {

    KTable<K, Long> count();

    KTable<K, Long> count(Materialized<K, Long, KeyValueStore<K, Long>> materialized);

    KTable<K, V> reduce(Reducer<V> adder, Reducer<V> subtractor);

    KTable<K, V> reduce(Reducer<V> adder, Reducer<V> subtractor, Materialized<K, V, KeyValueStore<K, V>> materialized);

    <VA> KTable<K, VA> aggregate(Initializer<VA> initializer, Aggregator<? super K, ? super V, VA> adder,
                                 Aggregator<? super K, ? super V, VA> subtractor);

    <VA> KTable<K, VA> aggregate(Initializer<VA> initializer, Aggregator<? super K, ? super V, VA> adder,
                                 Aggregator<? super K, ? super V, VA> subtractor,
                                 Materialized<K, VA, KeyValueStore<K, VA>> materialized);
}
