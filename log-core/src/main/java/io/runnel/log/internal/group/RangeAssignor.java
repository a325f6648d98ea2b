package io.runnel.log.internal.group;

import io.runnel.common.TopicPartition;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Kafka's RangeAssignor: per topic, the members subscribed to it (sorted by member id) get
 * consecutive ranges of partitions; the first {@code partitions % members} get one extra.
 */
public final class RangeAssignor implements PartitionAssignor {

    @Override
    public String name() {
        return "range";
    }

    @Override
    public Map<String, List<TopicPartition>> assign(Map<String, Set<String>> subscriptions,
                                                    Map<String, Integer> partitionCounts,
                                                    Map<String, Set<TopicPartition>> current) {
        Map<String, List<TopicPartition>> result = new TreeMap<>();
        Map<String, List<String>> membersPerTopic = new TreeMap<>();
        subscriptions.forEach((member, topics) -> {
            result.put(member, new ArrayList<>());
            for (String topic : topics) {
                membersPerTopic.computeIfAbsent(topic, t -> new ArrayList<>()).add(member);
            }
        });
        membersPerTopic.forEach((topic, members) -> {
            Integer count = partitionCounts.get(topic);
            if (count == null) {
                return;
            }
            List<String> sorted = new ArrayList<>(new TreeSet<>(members));
            int perMember = count / sorted.size();
            int extra = count % sorted.size();
            for (int i = 0; i < sorted.size(); i++) {
                int start = perMember * i + Math.min(i, extra);
                int length = perMember + (i + 1 > extra ? 0 : 1);
                for (int p = start; p < start + length; p++) {
                    result.get(sorted.get(i)).add(new TopicPartition(topic, p));
                }
            }
        });
        return result;
    }
}
