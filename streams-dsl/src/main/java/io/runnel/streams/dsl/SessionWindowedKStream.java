package io.runnel.streams.dsl;

import io.runnel.state.SessionStore;
import io.runnel.state.Windowed;

/**
 * A grouped stream windowed by sessions. When sessions merge, the replaced sessions are removed
 * downstream with a tombstone, then the merged session is emitted.
 */
public interface SessionWindowedKStream<K, V> {

    KTable<Windowed<K>, Long> count();

    KTable<Windowed<K>, Long> count(Materialized<K, Long, SessionStore<K, Long>> materialized);

    KTable<Windowed<K>, V> reduce(Reducer<V> reducer);

    KTable<Windowed<K>, V> reduce(Reducer<V> reducer, Materialized<K, V, SessionStore<K, V>> materialized);

    <VA> KTable<Windowed<K>, VA> aggregate(Initializer<VA> initializer, Aggregator<? super K, ? super V, VA> aggregator,
                                           Merger<? super K, VA> sessionMerger);

    <VA> KTable<Windowed<K>, VA> aggregate(Initializer<VA> initializer, Aggregator<? super K, ? super V, VA> aggregator,
                                           Merger<? super K, VA> sessionMerger,
                                           Materialized<K, VA, SessionStore<K, VA>> materialized);
}
