package io.runnel.log.internal.broker;

import io.runnel.log.CompressionType;
import io.runnel.log.LogTimeoutException;
import io.runnel.log.internal.group.GroupCoordinator;
import io.runnel.log.internal.group.GroupRecord;
import io.runnel.log.internal.group.GroupRecordCodec;
import io.runnel.log.internal.group.GroupStore;
import io.runnel.log.internal.record.Record;
import io.runnel.log.internal.record.RecordBatchView;
import io.runnel.log.internal.record.Records;
import io.runnel.common.Time;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The {@link GroupStore} over the compacted internal topic {@code __consumer_offsets} (one
 * partition): each call appends one batch of {@link GroupRecordCodec} records and waits for its
 * acknowledgement under the log's flush policy. {@link #restore} replays the partition into a
 * coordinator on startup (later records win, as compaction would keep them).
 *
 * <p>Thread-safe: appends are serialized on this object.
 */
final class OffsetsTopicStore implements GroupStore {
    static final String TOPIC = "__consumer_offsets";
    private final LogPartition partition;
    private final Time time;

    OffsetsTopicStore(LogPartition partition, Time time) {
        this.partition = partition;
        this.time = time;
    }

    @Override
    public synchronized void append(List<GroupRecord> records) {
        if (records.isEmpty()) {
            return;
        }
        io.runnel.log.internal.record.MemoryRecordsBuilder builder =
                new io.runnel.log.internal.record.MemoryRecordsBuilder(CompressionType.NONE, 1 << 20);
        long now = time.milliseconds();
        for (GroupRecord r : records) {
            builder.append(now, GroupRecordCodec.key(r), GroupRecordCodec.value(r), null);
        }
        try {
            partition.append(builder.build()).get(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LogTimeoutException("interrupted while writing to " + TOPIC, e);
        } catch (ExecutionException e) {
            Throwable c = e.getCause();
            throw c instanceof RuntimeException re ? re : new IllegalStateException(c);
        } catch (TimeoutException e) {
            throw new LogTimeoutException("writing to " + TOPIC + " took longer than 60 s", e);
        }
    }

    /** Replays every record of the partition into the coordinator. */
    void restore(GroupCoordinator coordinator) {
        long offset = partition.logStartOffset();
        long end = partition.highWatermark();
        while (offset < end) {
            ByteBuffer batches = partition.read(offset, 1 << 20);
            if (!batches.hasRemaining()) {
                break;
            }
            for (RecordBatchView batch : Records.batches(batches)) {
                for (Record r : batch) {
                    if (r.offset() >= offset && r.key() != null) {
                        coordinator.load(GroupRecordCodec.decode(r.keyBytes(), r.valueBytes()));
                    }
                }
                offset = Math.max(offset, batch.nextOffset());
            }
        }
    }
}
