package io.runnel.log.internal.group;

import io.runnel.common.TopicPartition;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Kafka's RoundRobinAssignor: all partitions of all subscribed topics, sorted by topic and
 * partition, dealt in turn to the members (sorted by id), skipping members not subscribed to a
 * partition's topic.
 */
public final class RoundRobinAssignor implements PartitionAssignor {

    @Override
    public String name() {
        return "roundrobin";
    }

    @Override
    public Map<String, List<TopicPartition>> assign(Map<String, Set<String>> subscriptions,
                                                    Map<String, Integer> partitionCounts,
                                                    Map<String, Set<TopicPartition>> current) {
        Map<String, List<TopicPartition>> result = new TreeMap<>();
        TreeSet<String> topics = new TreeSet<>();
        subscriptions.forEach((member, subscribed) -> {
            result.put(member, new ArrayList<>());
            topics.addAll(subscribed);
        });
        List<String> members = new ArrayList<>(result.keySet());
        if (members.isEmpty()) {
            return result;
        }
        int next = 0;
        for (String topic : topics) {
            Integer count = partitionCounts.get(topic);
            if (count == null) {
                continue;
            }
            for (int p = 0; p < count; p++) {
                while (!subscriptions.get(members.get(next % members.size())).contains(topic)) {
                    next++;
                }
                result.get(members.get(next % members.size())).add(new TopicPartition(topic, p));
                next++;
            }
        }
        return result;
    }
}
