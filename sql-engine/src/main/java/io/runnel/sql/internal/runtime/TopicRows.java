package io.runnel.sql.internal.runtime;

import io.runnel.log.ConsumerRecord;
import io.runnel.log.LogClients;
import io.runnel.sql.internal.ast.SourceKind;
import io.runnel.sql.internal.catalog.DataSource;
import java.nio.ByteBuffer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A source's rows read from its topic, from the beginning to the end offsets found when the read
 * starts ({@link TopicReader}): a stream's records as they come; a table's records folded by key
 * first (latest value wins, a tombstone deletes), then its current rows in the order of their last
 * update. Lookups are not used: every row is read (O(topic size)). Used for streams and for tables
 * no running query materializes (a CREATE TABLE over a topic).
 */
final class TopicRows implements PullRows {
    private final LogClients log;
    private final DataSource source;
    private final int partitions;
    private final PullQueryStats stats;

    TopicRows(LogClients log, DataSource source, int partitions, PullQueryStats stats) {
        this.log = log;
        this.source = source;
        this.partitions = partitions;
        this.stats = stats;
    }

    @Override
    public void read(Optional<List<KeyConstraints.Lookup>> lookups, Visitor visitor) {
        stats.topicScan();
        if (source.kind() != SourceKind.TABLE) {
            TopicReader.readToEnd(log, source.topic(), partitions,
                    r -> visitor.visit(r.key(), r.value(), r.timestamp(), r.partition(), r.offset(), r.headers()));
            return;
        }
        Map<ByteBuffer, ConsumerRecord<byte[], byte[]>> latest = new LinkedHashMap<>();
        TopicReader.readToEnd(log, source.topic(), partitions, r -> {
            if (r.key() != null) {
                ByteBuffer k = ByteBuffer.wrap(r.key());
                latest.remove(k);
                if (r.value() != null) {
                    latest.put(k, r);
                }
            }
            return true;
        });
        for (ConsumerRecord<byte[], byte[]> r : latest.values()) {
            if (!visitor.visit(r.key(), r.value(), r.timestamp(), r.partition(), r.offset(), r.headers())) {
                return;
            }
        }
    }
}
