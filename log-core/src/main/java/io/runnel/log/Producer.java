package io.runnel.log;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Sends records to the log, as Kafka's producer does: records are batched per partition (linger
 * and batch size), a keyed record goes to the partition Kafka's default partitioner would choose
 * (murmur2 of the key bytes), null keys are spread sticky-per-batch. With idempotence (the
 * default) every batch carries producer id, epoch and sequence so that a retried batch is never
 * appended twice. Thread-safe.
 *
 * <p>Configuration (Kafka names): {@code linger.ms}, {@code batch.size}, {@code compression.type},
 * {@code enable.idempotence}, {@code client.id}, {@code max.request.size}, {@code delivery.timeout.ms}.
 */
public interface Producer<K, V> extends AutoCloseable {

    /**
     * Queues the record; the future completes with its partition, offset and timestamp once it is
     * acknowledged under the log's durability policy, or exceptionally with a typed error.
     */
    CompletableFuture<RecordMetadata> send(ProducerRecord<K, V> record);

    /** Sends every queued batch now and waits until all are acknowledged or failed. */
    void flush();

    /** The number of partitions of a topic. Throws {@link UnknownTopicException} if it does not exist. */
    int partitionCount(String topic);

    /** Flushes and closes. */
    @Override
    void close();

    /** Closes, waiting at most {@code timeout} for queued records. */
    void close(Duration timeout);

    /**
     * The partition a record keyed by the first {@code length} bytes of {@code keyBytes} goes to by
     * default: {@code toPositive(murmur2(key)) % partitions}, as Kafka's default partitioner, for
     * callers that partition by a prefix of a key (such as a windowed key without its window, as
     * Kafka Streams does).
     */
    static int defaultPartition(byte[] keyBytes, int length, int partitions) {
        return io.runnel.log.internal.client.Partitioner.keyedPartition(keyBytes, length, partitions);
    }

    /** The partitions of a topic, for callers that choose partitions themselves. */
    default List<Integer> partitionsFor(String topic) {
        return java.util.stream.IntStream.range(0, partitionCount(topic)).boxed().toList();
    }
}
