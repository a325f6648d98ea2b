package io.runnel.log.internal.group;

import io.runnel.common.TopicPartition;
import io.runnel.log.InvalidConfigurationException;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Spreads the partitions of the topics a group subscribes to over its members, as Kafka's
 * client-side assignors do. Pure function of its inputs: deterministic for the same members,
 * subscriptions and partition counts.
 */
public interface PartitionAssignor {

    /** The name used in {@code partition.assignment.strategy}. */
    String name();

    /**
     * @param subscriptions member id → topics it subscribes to
     * @param partitionCounts topic → number of partitions (topics that do not exist are absent)
     * @param current member id → partitions it owns now (used by sticky assignors; may be empty)
     * @return member id → partitions assigned (every member present, possibly with none)
     */
    Map<String, List<TopicPartition>> assign(Map<String, Set<String>> subscriptions,
                                             Map<String, Integer> partitionCounts,
                                             Map<String, Set<TopicPartition>> current);

    /** Whether members keep partitions that do not move across a rebalance (cooperative protocol). */
    default boolean cooperative() {
        return false;
    }

    /** The assignor for a {@code partition.assignment.strategy} name (Kafka's short names or class names). */
    static PartitionAssignor forName(String name) {
        String n = name.trim();
        return switch (n) {
            case "range", "org.apache.kafka.clients.consumer.RangeAssignor" -> new RangeAssignor();
            case "roundrobin", "org.apache.kafka.clients.consumer.RoundRobinAssignor" -> new RoundRobinAssignor();
            case "cooperative-sticky", "org.apache.kafka.clients.consumer.CooperativeStickyAssignor" ->
                    new CooperativeStickyAssignor();
            default -> throw new InvalidConfigurationException("partition.assignment.strategy", name,
                    "range, roundrobin or cooperative-sticky");
        };
    }
}
