package io.runnel.log.internal.client;

import io.runnel.common.TopicPartition;
import io.runnel.log.RecordMetadata;
import io.runnel.log.TimestampType;
import io.runnel.log.internal.broker.LogPartition;
import java.nio.ByteBuffer;
import java.util.concurrent.CompletableFuture;

/**
 * One closed batch on its way to a partition: the built v2 bytes and the futures of its records
 * (record {@code i} has offset delta {@code i}). Immutable after construction except for
 * completion, which happens once.
 */
final class ProducerBatch {
    final PartitionBatcher owner;
    final long producerId;
    final TopicPartition topicPartition;
    final LogPartition partition;
    final ByteBuffer bytes;
    final TimestampType timestampType;
    private final CompletableFuture<RecordMetadata>[] futures;
    private final long[] timestamps;
    private final int count;
    final CompletableFuture<Void> done = new CompletableFuture<>();

    ProducerBatch(PartitionBatcher owner, long producerId, ByteBuffer bytes, TimestampType timestampType,
                  CompletableFuture<RecordMetadata>[] futures, long[] timestamps, int count) {
        this.owner = owner;
        this.producerId = producerId;
        this.topicPartition = owner.topicPartition;
        this.partition = owner.partition;
        this.bytes = bytes;
        this.timestampType = timestampType;
        this.futures = futures;
        this.timestamps = timestamps;
        this.count = count;
    }

    int sizeInBytes() {
        return bytes.remaining();
    }

    void complete(LogPartition.Appended appended) {
        boolean logTime = timestampType == TimestampType.LOG_APPEND_TIME;
        for (int i = 0; i < count; i++) {
            futures[i].complete(new RecordMetadata(topicPartition, appended.baseOffset() + i,
                    logTime ? appended.logAppendTime() : timestamps[i]));
        }
        done.complete(null);
    }

    void fail(Throwable error) {
        Throwable cause = error instanceof java.util.concurrent.CompletionException && error.getCause() != null
                ? error.getCause() : error;
        owner.onBatchFailed(producerId);
        for (int i = 0; i < count; i++) {
            futures[i].completeExceptionally(cause);
        }
        done.complete(null);
    }
}
