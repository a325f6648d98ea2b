package io.runnel.log.internal.broker;

import io.runnel.common.TopicPartition;
import io.runnel.log.OffsetAndTimestamp;
import io.runnel.log.TopicConfig;
import java.nio.ByteBuffer;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * One partition as the clients see it: appends of producer-built v2 batches, reads of whole
 * batches up to the high watermark, offsets, and long-poll wake-ups. Implemented over storage's
 * {@code PartitionLog} by {@link StoragePartition}. Thread-safe.
 */
public interface LogPartition extends AutoCloseable {

    /** Where an append landed. {@code duplicate}: an idempotent retry; the offsets are the original ones. */
    record Appended(long baseOffset, long lastOffset, long logAppendTime, boolean duplicate) {
    }

    TopicPartition topicPartition();

    /** Appends one or more batches; completes once acknowledged under the flush policy. */
    CompletableFuture<Appended> append(ByteBuffer batches);

    /**
     * Whole batches starting with the one that contains {@code offset}, up to {@code maxBytes}
     * (at least one batch), never beyond the high watermark. An empty buffer when
     * {@code offset == highWatermark()}. Throws OffsetOutOfRangeException outside the log.
     */
    ByteBuffer read(long offset, int maxBytes);

    /**
     * As {@link #read(long, int)}, copying into {@code reuse} when it is large enough (the caller
     * no longer needs its contents), else into a new buffer. Every batch's CRC is checked.
     */
    default ByteBuffer read(long offset, int maxBytes, ByteBuffer reuse) {
        return read(offset, maxBytes);
    }

    long logStartOffset();

    long logEndOffset();

    /** The end of what readers may see. */
    long highWatermark();

    /** The earliest offset with a timestamp at or after {@code timestamp}; null when none. */
    OffsetAndTimestamp offsetForTimestamp(long timestamp);

    void updateConfig(TopicConfig config);

    /** Retention: deletes expired segments; returns how many. */
    int deleteExpiredSegments();

    /** Signals registered here when new data becomes visible. */
    Waiters waiters();

    /** Clean close (flush and checkpoint). */
    @Override
    void close();

    /** Removes all files (topic deleted). */
    void delete();

    /** Consumers waiting for data on a partition; {@link #notifyAll} is the partition's new-data callback. */
    final class Waiters {
        private final CopyOnWriteArrayList<WakeSignal> signals = new CopyOnWriteArrayList<>();

        public void add(WakeSignal s) {
            signals.addIfAbsent(s);
        }

        public void remove(WakeSignal s) {
            signals.remove(s);
        }

        /** Wakes every registered waiter; cheap, never blocks. */
        public void wakeAll() {
            for (WakeSignal s : signals) {
                s.signal();
            }
        }
    }
}
