package io.runnel.log;

import io.runnel.common.TopicPartition;
import java.util.Collection;

/** Told, on the polling thread, when a group rebalance takes partitions away or hands them over. */
public interface ConsumerRebalanceListener {

    /** Before partitions are taken away in a rebalance: commit their offsets and flush state here. */
    void onPartitionsRevoked(Collection<TopicPartition> partitions);

    /** After a rebalance has assigned partitions. */
    void onPartitionsAssigned(Collection<TopicPartition> partitions);

    /** Partitions lost without a chance to commit (e.g. the session expired); defaults to revoked. */
    default void onPartitionsLost(Collection<TopicPartition> partitions) {
        onPartitionsRevoked(partitions);
    }

    ConsumerRebalanceListener NONE = new ConsumerRebalanceListener() {
        @Override
        public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
        }

        @Override
        public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
        }
    };
}
