package io.runnel.log;

import io.runnel.common.Time;
import io.runnel.common.TopicPartition;
import io.runnel.log.internal.record.MemoryRecordsBuilder;
import io.runnel.log.internal.segment.PartitionLog;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

/**
 * One partition's log on its own, outside any {@link LogClients}: for tools and benchmarks that
 * measure the storage layer without clients (the benchmarks module's {@code log-append-raw}).
 * Applications use {@link LogClients} instead.
 *
 * <p>Appends go straight to the partition as one record batch per call (uncompressed; the topic's
 * {@code compression.type} recompresses if it names a codec), acknowledged under the
 * {@link FlushPolicy}. Thread-safe; calls to {@link #append} are serialised by the partition.
 */
public final class StandalonePartitionLog implements AutoCloseable {
    private final PartitionLog log;
    private final MemoryRecordsBuilder builder = new MemoryRecordsBuilder(CompressionType.NONE, Integer.MAX_VALUE);

    private StandalonePartitionLog(PartitionLog log) {
        this.log = log;
    }

    /** Opens (creating or recovering) the partition stored in {@code dir}. */
    public static StandalonePartitionLog open(Path dir, TopicPartition tp, TopicConfig config, FlushPolicy flushPolicy,
                                              Time time) {
        return new StandalonePartitionLog(PartitionLog.open(dir, tp, config, flushPolicy, time, () -> { }));
    }

    /**
     * Appends the records (topic and partition fields ignored; a null timestamp means now) as one
     * batch.
     *
     * @return the offset of the first record, once acknowledged
     */
    public CompletableFuture<Long> append(List<ProducerRecord<byte[], byte[]>> records, long nowMs) {
        Objects.requireNonNull(records, "records");
        if (records.isEmpty()) {
            throw new IllegalArgumentException("no records to append");
        }
        java.nio.ByteBuffer batch;
        synchronized (builder) {
            builder.reset();
            for (ProducerRecord<byte[], byte[]> r : records) {
                builder.append(r.timestamp() == null ? nowMs : r.timestamp(), r.key(), r.value(), r.headers());
            }
            batch = builder.build();
        }
        return log.append(batch).thenApply(PartitionLog.AppendResult::baseOffset);
    }

    /** The next offset to assign. */
    public long logEndOffset() {
        return log.logEndOffset();
    }

    /** The end of what is acknowledged. */
    public long highWatermark() {
        return log.highWatermark();
    }

    /** Total bytes on disk. */
    public long sizeInBytes() {
        return log.sizeInBytes();
    }

    /** Clean close: acknowledges pending appends, fsyncs and marks the partition cleanly closed. */
    @Override
    public void close() {
        log.close();
    }
}
