package io.runnel.log.internal.group;

import io.runnel.common.TopicPartition;
import io.runnel.log.OffsetAndMetadata;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The state of one consumer group held by the {@link GroupCoordinator}. Guarded by the group's
 * own monitor: every access happens in {@code synchronized (group)}.
 */
final class ConsumerGroup {

    /** Kafka's group states, reduced to those an in-process coordinator goes through. */
    enum State { EMPTY, PREPARING_REBALANCE, STABLE, DEAD }

    /** One member. */
    static final class Member {
        final String memberId;
        final String clientId;
        Set<String> topics;
        long timeoutMs;
        long lastSeenMs;
        Runnable wakeup;
        /** Has joined the rebalance in progress. */
        boolean joined;
        /** The generation in which {@link #assignment} was handed out (-1 = none yet). */
        int assignedGeneration = -1;
        Set<TopicPartition> assignment = Set.of();

        Member(String memberId, String clientId) {
            this.memberId = memberId;
            this.clientId = clientId;
        }
    }

    final String groupId;
    State state = State.EMPTY;
    int generation;
    String protocol = "";
    long rebalanceDeadlineMs;
    /** Partition counts of the subscribed topics when the last assignment was made (null = absent topic). */
    Map<String, Integer> assignedPartitionCounts = new HashMap<>();
    final Map<String, Member> members = new LinkedHashMap<>();
    final Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();

    ConsumerGroup(String groupId) {
        this.groupId = groupId;
    }
}
