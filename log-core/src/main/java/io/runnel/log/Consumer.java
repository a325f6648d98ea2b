package io.runnel.log;

import io.runnel.common.TopicPartition;
import java.time.Duration;
import java.util.Collection;
import java.util.Map;
import java.util.Set;

/**
 * Reads records from the log, as Kafka's consumer does: either {@link #assign assigned}
 * partitions, or {@link #subscribe subscribed} topics in a consumer group ({@code group.id}), where
 * the group coordinator spreads partitions over members and rebalances when members join, leave
 * or stop polling past {@code session.timeout.ms} / {@code max.poll.interval.ms}.
 * Not thread-safe (one thread polls), except {@link #wakeup()}.
 *
 * <p>Configuration (Kafka names): {@code group.id}, {@code client.id}, {@code auto.offset.reset}
 * (earliest | latest | none), {@code enable.auto.commit}, {@code auto.commit.interval.ms},
 * {@code max.poll.records}, {@code fetch.max.bytes}, {@code max.partition.fetch.bytes},
 * {@code session.timeout.ms}, {@code max.poll.interval.ms}, {@code heartbeat.interval.ms},
 * {@code partition.assignment.strategy} (range | roundrobin | cooperative-sticky).
 */
public interface Consumer<K, V> extends AutoCloseable {

    void assign(Collection<TopicPartition> partitions);

    void subscribe(Collection<String> topics, ConsumerRebalanceListener listener);

    default void subscribe(Collection<String> topics) {
        subscribe(topics, ConsumerRebalanceListener.NONE);
    }

    void unsubscribe();

    Set<TopicPartition> assignment();

    /**
     * Returns available records, waiting up to {@code timeout} when there are none (woken as soon
     * as data arrives, without spinning). Also takes part in the group protocol.
     */
    ConsumerRecords<K, V> poll(Duration timeout);

    /** Commits the current positions of every assigned partition. */
    void commitSync();

    /**
     * Commits the given offsets. Throws {@link CommitFailedException} when the group has
     * rebalanced since this member's generation.
     */
    void commitSync(Map<TopicPartition, OffsetAndMetadata> offsets);

    void commitAsync(OffsetCommitCallback callback);

    /** The committed offsets of the given partitions (absent = nothing committed). */
    Map<TopicPartition, OffsetAndMetadata> committed(Set<TopicPartition> partitions);

    void seek(TopicPartition partition, long offset);

    void seekToBeginning(Collection<TopicPartition> partitions);

    void seekToEnd(Collection<TopicPartition> partitions);

    /** The offset of the next record that will be returned for the partition. */
    long position(TopicPartition partition);

    Map<TopicPartition, OffsetAndTimestamp> offsetsForTimes(Map<TopicPartition, Long> timestamps);

    Map<TopicPartition, Long> beginningOffsets(Collection<TopicPartition> partitions);

    Map<TopicPartition, Long> endOffsets(Collection<TopicPartition> partitions);

    void pause(Collection<TopicPartition> partitions);

    void resume(Collection<TopicPartition> partitions);

    Set<TopicPartition> paused();

    /** Makes a blocked or the next {@link #poll} throw {@link WakeupException}; callable from any thread. */
    void wakeup();

    @Override
    void close();

    /** Told whether an asynchronous commit succeeded. */
    @FunctionalInterface
    interface OffsetCommitCallback {
        void onComplete(Map<TopicPartition, OffsetAndMetadata> offsets, Exception exception);
    }
}
