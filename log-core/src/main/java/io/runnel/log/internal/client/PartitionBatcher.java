package io.runnel.log.internal.client;

import io.runnel.common.Header;
import io.runnel.common.TopicPartition;
import io.runnel.log.CompressionType;
import io.runnel.log.RecordMetadata;
import io.runnel.log.TimestampType;
import io.runnel.log.internal.broker.LogPartition;
import io.runnel.log.internal.record.MemoryRecordsBuilder;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * The open batch of one partition of a producer: records are encoded straight into a reused
 * {@link MemoryRecordsBuilder}; {@link #close} builds the v2 batch, stamps it with the producer
 * id, epoch and this partition's next sequence (idempotence) and hands it on.
 *
 * <p>Sequences are assigned at close, under this object's monitor, in the same order in which
 * batches are handed to the single sender thread, so a partition receives them in sequence order.
 *
 * <p>Thread-safe (synchronized); records of one partition are appended in the order of the
 * calls that win the monitor.
 */
final class PartitionBatcher {
    static final int WAS_EMPTY = 1;
    static final int CLOSED = 2;
    private final Sender sender;
    final TopicPartition topicPartition;
    final LogPartition partition;
    private final TimestampType timestampType;
    private final MemoryRecordsBuilder builder;
    private final int batchSize;
    private final int writeLimit;
    private final java.util.function.LongSupplier newProducerId;
    private long producerId;
    private final short producerEpoch;
    private int nextSequence;
    @SuppressWarnings("unchecked")
    private CompletableFuture<RecordMetadata>[] futures = new CompletableFuture[64];
    private long[] timestamps = new long[64];
    private int count;
    private long firstAppendNanos;

    PartitionBatcher(Sender sender, TopicPartition topicPartition, LogPartition partition, TimestampType timestampType,
                     CompressionType compression, int batchSize, long producerId, short producerEpoch,
                     java.util.function.LongSupplier newProducerId) {
        this.sender = sender;
        this.topicPartition = topicPartition;
        this.partition = partition;
        this.timestampType = timestampType;
        this.batchSize = batchSize;
        this.writeLimit = Math.max(batchSize, 128);
        this.builder = new MemoryRecordsBuilder(compression, writeLimit);
        this.producerId = producerId;
        this.producerEpoch = producerEpoch;
        this.newProducerId = newProducerId;
    }

    /**
     * A batch of this partition failed (not appended): the partition's sequence now has a gap,
     * so later batches switch to a fresh producer id starting at sequence 0 (batches already
     * built with the old id fail too, and are reported to their senders). Kafka bumps the epoch
     * for the same reason.
     */
    synchronized void onBatchFailed(long failedProducerId) {
        if (producerId >= 0 && failedProducerId == producerId) {
            producerId = newProducerId.getAsLong();
            nextSequence = 0;
        }
    }

    /**
     * Appends a record to the open batch, closing it first if the record does not fit and after
     * if the batch reached {@code batch.size}.
     *
     * @return {@link #WAS_EMPTY} if the open batch was empty before this record (the sender must
     *         learn of it), plus {@link #CLOSED} if a batch was closed and handed to the sender
     */
    synchronized int append(long timestamp, byte[] key, byte[] value, List<Header> headers,
                            CompletableFuture<RecordMetadata> future) {
        int result = 0;
        if (count > 0 && !fitsSurely(key, value, headers) && !builder.hasRoomFor(timestamp, key, value, headers)) {
            sender.enqueue(closeLocked());
            result = CLOSED;
        }
        boolean wasEmpty = count == 0;
        if (wasEmpty) {
            firstAppendNanos = System.nanoTime();
        }
        builder.append(timestamp, key, value, headers);
        if (count == futures.length) {
            futures = Arrays.copyOf(futures, count * 2);
            timestamps = Arrays.copyOf(timestamps, count * 2);
        }
        futures[count] = future;
        timestamps[count] = timestamp;
        count++;
        if (builder.estimatedSizeInBytes() >= batchSize) {
            sender.enqueue(closeLocked());
            result = CLOSED;
        }
        return wasEmpty ? result | WAS_EMPTY : result;
    }

    /**
     * A cheap upper bound of the record's encoded size (varints at their widest) that avoids the
     * builder's exact check for all but the last records of a batch.
     */
    private boolean fitsSurely(byte[] key, byte[] value, List<Header> headers) {
        if (headers != null && !headers.isEmpty()) {
            return false;
        }
        int upper = 5 + 1 + 10 + 5 + 5 + (key == null ? 0 : key.length) + 5 + (value == null ? 0 : value.length) + 5;
        return builder.estimatedSizeInBytes() + upper <= writeLimit;
    }

    /** Closes the open batch if it is non-empty and (when {@code force} is false) has lingered {@code lingerNanos}. */
    synchronized ProducerBatch closeIfReady(long nowNanos, long lingerNanos, boolean force) {
        if (count == 0 || (!force && nowNanos - firstAppendNanos < lingerNanos)) {
            return null;
        }
        return closeLocked();
    }

    /** When the open batch becomes ready by lingering (nanos), or Long.MAX_VALUE when empty. */
    synchronized long readyAtNanos(long lingerNanos) {
        return count == 0 ? Long.MAX_VALUE : firstAppendNanos + lingerNanos;
    }

    private ProducerBatch closeLocked() {
        if (producerId >= 0) {
            builder.producer(producerId, producerEpoch, nextSequence);
            nextSequence += count;
            if (nextSequence < 0) {
                nextSequence &= Integer.MAX_VALUE; // sequences wrap as Kafka's do
            }
        }
        ProducerBatch batch = new ProducerBatch(this, producerId, builder.build(), timestampType,
                Arrays.copyOf(futures, count), Arrays.copyOf(timestamps, count), count);
        Arrays.fill(futures, 0, count, null);
        count = 0;
        builder.reset();
        return batch;
    }
}
