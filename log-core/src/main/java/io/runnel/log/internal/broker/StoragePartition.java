package io.runnel.log.internal.broker;

import io.runnel.common.Time;
import io.runnel.common.TopicPartition;
import io.runnel.log.FlushPolicy;
import io.runnel.log.OffsetAndTimestamp;
import io.runnel.log.TopicConfig;
import io.runnel.log.internal.cleaner.LogCleaner;
import io.runnel.log.internal.record.RecordBatchView;
import io.runnel.log.internal.record.Records;
import io.runnel.log.internal.segment.PartitionLog;
import io.runnel.log.internal.segment.ReadResult;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;

/**
 * A {@link LogPartition} over storage's {@link PartitionLog}; the log's new-data callback wakes
 * the partition's long-poll {@link Waiters}. Thread-safe (as PartitionLog).
 */
public final class StoragePartition implements LogPartition {
    private static final ByteBuffer EMPTY = ByteBuffer.allocate(0);
    private final Waiters waiters = new Waiters();
    private final PartitionLog log;
    private final LogCleaner cleaner;

    private StoragePartition(Path dir, TopicPartition tp, TopicConfig config, FlushPolicy flushPolicy, Time time,
                             LogCleaner cleaner) {
        this.log = PartitionLog.open(dir, tp, config, flushPolicy, time, waiters::wakeAll);
        this.cleaner = cleaner;
        if (cleaner != null) {
            cleaner.register(log);
        }
    }

    /** Opens partitions on disk with the given flush policy and clock, without a cleaner. */
    public static PartitionFactory factory(FlushPolicy flushPolicy, Time time) {
        return factory(flushPolicy, time, null);
    }

    /**
     * Opens partitions on disk and registers each with {@code cleaner} (compaction and retention
     * in the background; null = none). A partition is unregistered before it is closed or deleted.
     */
    public static PartitionFactory factory(FlushPolicy flushPolicy, Time time, LogCleaner cleaner) {
        return (dir, tp, config) -> new StoragePartition(dir, tp, config, flushPolicy, time, cleaner);
    }

    /** The storage log (for the cleaner). */
    public PartitionLog log() {
        return log;
    }

    @Override
    public TopicPartition topicPartition() {
        return log.topicPartition();
    }

    @Override
    public CompletableFuture<Appended> append(ByteBuffer batches) {
        return log.append(batches).thenApply(r -> new Appended(r.baseOffset(), r.lastOffset(), r.logAppendTime(),
                r.duplicate()));
    }

    @Override
    public ByteBuffer read(long offset, int maxBytes) {
        ReadResult r = log.read(offset, maxBytes);
        return r.isEmpty() ? EMPTY.duplicate() : r.readBytes();
    }

    @Override
    public ByteBuffer read(long offset, int maxBytes, ByteBuffer reuse) {
        ReadResult r = log.read(offset, maxBytes);
        if (r.isEmpty()) {
            return EMPTY.duplicate();
        }
        if (reuse == null || reuse.capacity() < r.sizeInBytes()) {
            return r.readBytes();
        }
        reuse.clear();
        r.readInto(reuse);
        reuse.flip();
        for (RecordBatchView batch : Records.batches(reuse)) {
            batch.ensureValid();
        }
        return reuse;
    }

    @Override
    public long logStartOffset() {
        return log.logStartOffset();
    }

    @Override
    public long logEndOffset() {
        return log.logEndOffset();
    }

    @Override
    public long highWatermark() {
        return log.highWatermark();
    }

    @Override
    public OffsetAndTimestamp offsetForTimestamp(long timestamp) {
        return log.offsetForTimestamp(timestamp);
    }

    @Override
    public void updateConfig(TopicConfig config) {
        log.updateConfig(config);
    }

    @Override
    public int deleteExpiredSegments() {
        return log.deleteExpiredSegments();
    }

    @Override
    public Waiters waiters() {
        return waiters;
    }

    @Override
    public void close() {
        if (cleaner != null) {
            cleaner.unregister(log.topicPartition());
        }
        log.close();
    }

    @Override
    public void delete() {
        if (cleaner != null) {
            cleaner.unregister(log.topicPartition());
        }
        log.delete();
    }
}
