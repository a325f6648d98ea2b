package io.runnel.log.internal.group;

import io.runnel.common.TopicPartition;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A sticky assignor (in the spirit of Kafka's CooperativeStickyAssignor): members keep the
 * partitions they own as long as the assignment stays balanced (counts differ by at most one
 * among members with the same subscription); only the partitions that must move are moved, and
 * members are told to revoke only those.
 */
public final class CooperativeStickyAssignor implements PartitionAssignor {

    @Override
    public String name() {
        return "cooperative-sticky";
    }

    @Override
    public boolean cooperative() {
        return true;
    }

    @Override
    public Map<String, List<TopicPartition>> assign(Map<String, Set<String>> subscriptions,
                                                    Map<String, Integer> partitionCounts,
                                                    Map<String, Set<TopicPartition>> current) {
        Map<String, TreeSet<TopicPartition>> result = new TreeMap<>();
        subscriptions.keySet().forEach(m -> result.put(m, new TreeSet<>()));
        TreeSet<TopicPartition> all = new TreeSet<>();
        subscriptions.values().forEach(ts -> ts.forEach(t -> {
            Integer n = partitionCounts.get(t);
            for (int p = 0; n != null && p < n; p++) {
                all.add(new TopicPartition(t, p));
            }
        }));
        // 1. keep what members own and may still own
        Set<TopicPartition> taken = new HashSet<>();
        current.forEach((member, owned) -> {
            TreeSet<TopicPartition> mine = result.get(member);
            if (mine == null) {
                return;
            }
            for (TopicPartition tp : owned) {
                if (all.contains(tp) && subscriptions.get(member).contains(tp.topic()) && taken.add(tp)) {
                    mine.add(tp);
                }
            }
        });
        // 2. cap every member at ceil(eligible / members) by giving back its highest partitions
        int members = Math.max(1, result.size());
        int ceil = (all.size() + members - 1) / members;
        List<TopicPartition> free = new ArrayList<>();
        for (TreeSet<TopicPartition> mine : result.values()) {
            while (mine.size() > ceil) {
                TopicPartition tp = mine.pollLast();
                taken.remove(tp);
                free.add(tp);
            }
        }
        for (TopicPartition tp : all) {
            if (!taken.contains(tp) && !free.contains(tp)) {
                free.add(tp);
            }
        }
        free.sort(Comparator.naturalOrder());
        // 3. hand out the free partitions to the least loaded subscribed member
        for (TopicPartition tp : free) {
            String best = null;
            for (Map.Entry<String, TreeSet<TopicPartition>> e : result.entrySet()) {
                if (subscriptions.get(e.getKey()).contains(tp.topic())
                        && (best == null || e.getValue().size() < result.get(best).size())) {
                    best = e.getKey();
                }
            }
            if (best != null) {
                result.get(best).add(tp);
            }
        }
        // 4. balance: move from members with more than floor+1 to members with fewer than floor
        boolean moved = true;
        while (moved) {
            moved = false;
            String max = null;
            String min = null;
            for (String m : result.keySet()) {
                if (max == null || result.get(m).size() > result.get(max).size()) {
                    max = m;
                }
                if (min == null || result.get(m).size() < result.get(min).size()) {
                    min = m;
                }
            }
            if (max != null && result.get(max).size() - result.get(min).size() > 1) {
                for (TopicPartition tp : result.get(max).descendingSet()) {
                    if (subscriptions.get(min).contains(tp.topic())) {
                        result.get(max).remove(tp);
                        result.get(min).add(tp);
                        moved = true;
                        break;
                    }
                }
            }
        }
        Map<String, List<TopicPartition>> out = new HashMap<>();
        result.forEach((m, tps) -> out.put(m, new ArrayList<>(tps)));
        return out;
    }
}
