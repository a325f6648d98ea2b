package io.runnel.sql.internal.exec;

import io.runnel.common.Serde;
import io.runnel.common.Serdes;
import io.runnel.common.Serializer;
import io.runnel.sql.internal.row.Row;
import io.runnel.state.Bytes;
import io.runnel.state.Stores;
import io.runnel.state.TimestampedKeyValueStore;
import io.runnel.state.ValueAndTimestamp;
import io.runnel.streams.StreamsBuilder;
import io.runnel.streams.dsl.KStream;
import io.runnel.streams.dsl.Named;
import io.runnel.streams.processor.FixedKeyProcessor;
import io.runnel.streams.processor.FixedKeyProcessorContext;
import io.runnel.streams.processor.FixedKeyRecord;

/**
 * The materialized rows of a table query (CTAS), for pull queries: just before the sink, each
 * output record is also written to a store that then holds, per key, the record the sink topic
 * holds last for that key (a tombstone deletes it), i.e. the table's current rows.
 *
 * <table>
 *   <caption>store {@code <queryId>.<sinkNodeId>.materialized}: timestamped key-value, RocksDB,
 *   record cache on, change-logged</caption>
 *   <tr><th>part</th><th>bytes</th></tr>
 *   <tr><td>key</td><td>the sink record's key bytes, as in the topic: the key columns in the key
 *       format; for a windowed table followed by the window ({@code | start (8)}, or
 *       {@code | end (8) | start (8)} for sessions, big-endian, see {@code WindowedSerdes})</td></tr>
 *   <tr><td>value</td><td>the record time (8, big-endian) then the sink record's value bytes,
 *       as in the topic (the timestamped store's layout)</td></tr>
 * </table>
 *
 * Storing the topic's own bytes keeps a pull query's answer from the store identical to one
 * folded from the topic (decoded by the same codec); and with the time-windowed key layout, the
 * windows of one key are a contiguous range ordered by start (for starts of 0 and later), so a
 * lookup with WINDOWSTART bounds is one range read.
 *
 * <p>Cost: each output record is serialized once more (the sink serializes it again) and written
 * to the record cache; at each commit the cache's latest value per key goes to RocksDB and the
 * changelog ({@code _runnel_query_<ID>-<store>-changelog}), so the table is held twice in the log
 * (sink topic and changelog) and once on disk. A record that fails to serialize is not stored;
 * the sink reports it as before. Threading: the stream thread writes; pull queries read the store
 * through the runtime's interactive-query views.
 */
public final class SinkMaterializer<K> implements FixedKeyProcessor<K, Row, Row> {
    private static final Serde<Bytes> KEYS = Serde.of((topic, b) -> b == null ? null : b.get(),
            (topic, data) -> data == null ? null : Bytes.wrap(data));

    private final String storeName;
    private final String topic;
    private final Serializer<K> keys;
    private final Serializer<Row> values;
    private FixedKeyProcessorContext<K, Row> context;
    private TimestampedKeyValueStore<Bytes, byte[]> store;

    private SinkMaterializer(String storeName, String topic, Serializer<K> keys, Serializer<Row> values) {
        this.storeName = storeName;
        this.topic = topic;
        this.keys = keys;
        this.values = values;
    }

    /** The store of the materialized rows of the query's sink node. */
    public static String storeName(String queryId, String sinkNodeId) {
        return queryId + "." + sinkNodeId + ".materialized";
    }

    /**
     * Adds the store and, on {@code stream}, the processor writing it; returns the stream to sink.
     *
     * @param keys   the sink's key serializer (windowed keys included)
     * @param values the sink's value serializer
     */
    static <K> KStream<K, Row> attach(StreamsBuilder builder, String storeName, String topic, KStream<K, Row> stream,
                                      Serializer<K> keys, Serializer<Row> values) {
        builder.addStateStore(Stores.timestampedKeyValueStoreBuilder(Stores.persistentTimestampedKeyValueStore(storeName),
                KEYS, Serdes.byteArray()).withCachingEnabled());
        return stream.processValues(() -> new SinkMaterializer<>(storeName, topic, keys, values), Named.as(storeName),
                storeName);
    }

    @Override
    public void init(FixedKeyProcessorContext<K, Row> context) {
        this.context = context;
        this.store = context.getStateStore(storeName);
    }

    @Override
    public void process(FixedKeyRecord<K, Row> record) {
        byte[] key;
        byte[] value;
        try {
            key = keys.serialize(topic, record.key());
            value = record.value() == null ? null : values.serialize(topic, record.value());
        } catch (RuntimeException e) {
            context.forward(record);
            return;
        }
        if (key != null) {
            store.put(Bytes.wrap(key), ValueAndTimestamp.make(value, record.timestamp()));
        }
        context.forward(record);
    }
}
