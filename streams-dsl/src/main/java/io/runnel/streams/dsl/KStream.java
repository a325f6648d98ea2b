package io.runnel.streams.dsl;

import io.runnel.state.KeyValue;
import io.runnel.streams.processor.FixedKeyProcessorSupplier;
import io.runnel.streams.processor.ProcessorSupplier;
import io.runnel.streams.processor.TopicNameExtractor;

/**
 * An unbounded stream of independent records (each record is an event, not an update). As in
 * Kafka Streams; operations that change the key mark the stream for repartitioning, and the next
 * key-based stateful operation (groupByKey, join) inserts a repartition topic. Every operation
 * takes its required arguments, optionally plus one options object.
 */
public interface KStream<K, V> {

    KStream<K, V> filter(Predicate<? super K, ? super V> predicate);

    KStream<K, V> filter(Predicate<? super K, ? super V> predicate, Named named);

    KStream<K, V> filterNot(Predicate<? super K, ? super V> predicate);

    KStream<K, V> filterNot(Predicate<? super K, ? super V> predicate, Named named);

    <KR, VR> KStream<KR, VR> map(KeyValueMapper<? super K, ? super V, KeyValue<KR, VR>> mapper);

    <KR, VR> KStream<KR, VR> map(KeyValueMapper<? super K, ? super V, KeyValue<KR, VR>> mapper, Named named);

    <VR> KStream<K, VR> mapValues(ValueMapper<? super V, ? extends VR> mapper);

    <VR> KStream<K, VR> mapValues(ValueMapper<? super V, ? extends VR> mapper, Named named);

    <KR, VR> KStream<KR, VR> flatMap(KeyValueMapper<? super K, ? super V, ? extends Iterable<KeyValue<KR, VR>>> mapper);

    <KR, VR> KStream<KR, VR> flatMap(KeyValueMapper<? super K, ? super V, ? extends Iterable<KeyValue<KR, VR>>> mapper,
                                     Named named);

    <VR> KStream<K, VR> flatMapValues(ValueMapper<? super V, ? extends Iterable<? extends VR>> mapper);

    <VR> KStream<K, VR> flatMapValues(ValueMapper<? super V, ? extends Iterable<? extends VR>> mapper, Named named);

    <KR> KStream<KR, V> selectKey(KeyValueMapper<? super K, ? super V, ? extends KR> mapper);

    <KR> KStream<KR, V> selectKey(KeyValueMapper<? super K, ? super V, ? extends KR> mapper, Named named);

    KStream<K, V> peek(ForeachAction<? super K, ? super V> action);

    KStream<K, V> peek(ForeachAction<? super K, ? super V> action, Named named);

    void foreach(ForeachAction<? super K, ? super V> action);

    void foreach(ForeachAction<? super K, ? super V> action, Named named);

    /** Splits the stream by predicates; see {@link BranchedKStream}. */
    BranchedKStream<K, V> split();

    BranchedKStream<K, V> split(Named named);

    KStream<K, V> merge(KStream<K, V> other);

    KStream<K, V> merge(KStream<K, V> other, Named named);

    /** Writes the stream through a repartition topic, {@code <application.id>-<name>-repartition}. */
    KStream<K, V> repartition();

    KStream<K, V> repartition(Repartitioned<K, V> repartitioned);

    void to(String topic);

    void to(String topic, Produced<K, V> produced);

    void to(TopicNameExtractor<K, V> topicExtractor);

    void to(TopicNameExtractor<K, V> topicExtractor, Produced<K, V> produced);

    /** Reads the stream as a changelog: each record updates its key; a null value deletes it. */
    KTable<K, V> toTable();

    KTable<K, V> toTable(Materialized<K, V, ?> materialized);

    KGroupedStream<K, V> groupByKey();

    KGroupedStream<K, V> groupByKey(Grouped<K, V> grouped);

    <KR> KGroupedStream<KR, V> groupBy(KeyValueMapper<? super K, ? super V, KR> keySelector);

    <KR> KGroupedStream<KR, V> groupBy(KeyValueMapper<? super K, ? super V, KR> keySelector, Grouped<KR, V> grouped);

    /** Inner stream-stream join within the windows. */
    <VO, VR> KStream<K, VR> join(KStream<K, VO> other, ValueJoiner<? super V, ? super VO, ? extends VR> joiner,
                                 JoinWindows windows);

    <VO, VR> KStream<K, VR> join(KStream<K, VO> other, ValueJoiner<? super V, ? super VO, ? extends VR> joiner,
                                 JoinWindows windows, StreamJoined<K, V, VO> streamJoined);

    <VO, VR> KStream<K, VR> leftJoin(KStream<K, VO> other, ValueJoiner<? super V, ? super VO, ? extends VR> joiner,
                                     JoinWindows windows);

    <VO, VR> KStream<K, VR> leftJoin(KStream<K, VO> other, ValueJoiner<? super V, ? super VO, ? extends VR> joiner,
                                     JoinWindows windows, StreamJoined<K, V, VO> streamJoined);

    <VO, VR> KStream<K, VR> outerJoin(KStream<K, VO> other, ValueJoiner<? super V, ? super VO, ? extends VR> joiner,
                                      JoinWindows windows);

    <VO, VR> KStream<K, VR> outerJoin(KStream<K, VO> other, ValueJoiner<? super V, ? super VO, ? extends VR> joiner,
                                      JoinWindows windows, StreamJoined<K, V, VO> streamJoined);

    /** Stream-table join: each stream record looks up the table's current value for its key. */
    <VT, VR> KStream<K, VR> join(KTable<K, VT> table, ValueJoiner<? super V, ? super VT, ? extends VR> joiner);

    <VT, VR> KStream<K, VR> join(KTable<K, VT> table, ValueJoiner<? super V, ? super VT, ? extends VR> joiner,
                                      Joined<K, V, VT> joined);

    <VT, VR> KStream<K, VR> leftJoin(KTable<K, VT> table, ValueJoiner<? super V, ? super VT, ? extends VR> joiner);

    <VT, VR> KStream<K, VR> leftJoin(KTable<K, VT> table, ValueJoiner<? super V, ? super VT, ? extends VR> joiner,
                                          Joined<K, V, VT> joined);

    /** Stream-global-table join: the key selector picks the table key from each stream record. */
    <GK, GV, VR> KStream<K, VR> join(GlobalKTable<GK, GV> table, KeyValueMapper<? super K, ? super V, ? extends GK> keySelector,
                                           ValueJoiner<? super V, ? super GV, ? extends VR> joiner);

    <GK, GV, VR> KStream<K, VR> join(GlobalKTable<GK, GV> table, KeyValueMapper<? super K, ? super V, ? extends GK> keySelector,
                                           ValueJoiner<? super V, ? super GV, ? extends VR> joiner, Named named);

    <GK, GV, VR> KStream<K, VR> leftJoin(GlobalKTable<GK, GV> table, KeyValueMapper<? super K, ? super V, ? extends GK> keySelector,
                                               ValueJoiner<? super V, ? super GV, ? extends VR> joiner);

    <GK, GV, VR> KStream<K, VR> leftJoin(GlobalKTable<GK, GV> table, KeyValueMapper<? super K, ? super V, ? extends GK> keySelector,
                                               ValueJoiner<? super V, ? super GV, ? extends VR> joiner, Named named);

    <KR, VR> KStream<KR, VR> process(ProcessorSupplier<? super K, ? super V, KR, VR> supplier, String... stateStoreNames);

    <KR, VR> KStream<KR, VR> process(ProcessorSupplier<? super K, ? super V, KR, VR> supplier, Named named,
                                     String... stateStoreNames);

    <VR> KStream<K, VR> processValues(FixedKeyProcessorSupplier<? super K, ? super V, VR> supplier, String... stateStoreNames);

    <VR> KStream<K, VR> processValues(FixedKeyProcessorSupplier<? super K, ? super V, VR> supplier, Named named,
                                      String... stateStoreNames);
}
