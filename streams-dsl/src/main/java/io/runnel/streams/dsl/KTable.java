package io.runnel.streams.dsl;

import io.runnel.state.KeyValue;
import io.runnel.state.KeyValueStore;
import java.util.function.Function;

/**
 * A changelog stream read as a table: each record is an update of its key; a null value (a
 * tombstone) deletes the key and is propagated downstream as a tombstone. With caching off (the
 * default) every update is emitted.
 */
public interface KTable<K, V> {

    KTable<K, V> filter(Predicate<? super K, ? super V> predicate);

    KTable<K, V> filter(Predicate<? super K, ? super V> predicate, Materialized<K, V, KeyValueStore<K, V>> materialized);

    /** A filter whose processor is called {@code named} (instead of a generated name). */
    KTable<K, V> filter(Predicate<? super K, ? super V> predicate, Named named);

    KTable<K, V> filterNot(Predicate<? super K, ? super V> predicate);

    KTable<K, V> filterNot(Predicate<? super K, ? super V> predicate, Materialized<K, V, KeyValueStore<K, V>> materialized);

    <VR> KTable<K, VR> mapValues(ValueMapper<? super V, ? extends VR> mapper);

    <VR> KTable<K, VR> mapValues(ValueMapper<? super V, ? extends VR> mapper, Materialized<K, VR, KeyValueStore<K, VR>> materialized);

    KStream<K, V> toStream();

    KStream<K, V> toStream(Named named);

    <KR, VR> KGroupedTable<KR, VR> groupBy(KeyValueMapper<? super K, ? super V, KeyValue<KR, VR>> selector);

    <KR, VR> KGroupedTable<KR, VR> groupBy(KeyValueMapper<? super K, ? super V, KeyValue<KR, VR>> selector,
                                           Grouped<KR, VR> grouped);

    <VO, VR> KTable<K, VR> join(KTable<K, VO> other, ValueJoiner<? super V, ? super VO, ? extends VR> joiner);

    <VO, VR> KTable<K, VR> join(KTable<K, VO> other, ValueJoiner<? super V, ? super VO, ? extends VR> joiner,
                                Materialized<K, VR, KeyValueStore<K, VR>> materialized);

    <VO, VR> KTable<K, VR> leftJoin(KTable<K, VO> other, ValueJoiner<? super V, ? super VO, ? extends VR> joiner);

    <VO, VR> KTable<K, VR> leftJoin(KTable<K, VO> other, ValueJoiner<? super V, ? super VO, ? extends VR> joiner,
                                    Materialized<K, VR, KeyValueStore<K, VR>> materialized);

    <VO, VR> KTable<K, VR> outerJoin(KTable<K, VO> other, ValueJoiner<? super V, ? super VO, ? extends VR> joiner);

    <VO, VR> KTable<K, VR> outerJoin(KTable<K, VO> other, ValueJoiner<? super V, ? super VO, ? extends VR> joiner,
                                     Materialized<K, VR, KeyValueStore<K, VR>> materialized);

    /**
     * Foreign-key join: each row of this table joins the row of {@code other} whose key the
     * extractor picks from this row's value. The result is keyed by this table's key.
     */
    <KO, VO, VR> KTable<K, VR> join(KTable<KO, VO> other, Function<? super V, ? extends KO> foreignKeyExtractor,
                                    ValueJoiner<? super V, ? super VO, ? extends VR> joiner);

    <KO, VO, VR> KTable<K, VR> join(KTable<KO, VO> other, Function<? super V, ? extends KO> foreignKeyExtractor,
                                    ValueJoiner<? super V, ? super VO, ? extends VR> joiner,
                                    Materialized<K, VR, KeyValueStore<K, VR>> materialized);

    <KO, VO, VR> KTable<K, VR> leftJoin(KTable<KO, VO> other, Function<? super V, ? extends KO> foreignKeyExtractor,
                                        ValueJoiner<? super V, ? super VO, ? extends VR> joiner);

    <KO, VO, VR> KTable<K, VR> leftJoin(KTable<KO, VO> other, Function<? super V, ? extends KO> foreignKeyExtractor,
                                        ValueJoiner<? super V, ? super VO, ? extends VR> joiner,
                                        Materialized<K, VR, KeyValueStore<K, VR>> materialized);

    /** Holds back updates; see {@link Suppressed}. */
    KTable<K, V> suppress(Suppressed suppressed);

    /** The name of the store holding this table, or null if it is not materialized. */
    String queryableStoreName();
}
