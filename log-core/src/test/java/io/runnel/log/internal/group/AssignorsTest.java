package io.runnel.log.internal.group;

import static org.assertj.core.api.Assertions.assertThat;

import io.runnel.common.TopicPartition;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AssignorsTest {

    @Test
    void shouldGiveRangesWithExtraPartitionsToFirstMembersLikeKafkaRangeAssignor() {
        Map<String, List<TopicPartition>> a = new RangeAssignor().assign(
                Map.of("c1", Set.of("t", "u"), "c2", Set.of("t", "u")), Map.of("t", 3, "u", 3), Map.of());
        assertThat(a.get("c1")).containsExactly(tp("t", 0), tp("t", 1), tp("u", 0), tp("u", 1));
        assertThat(a.get("c2")).containsExactly(tp("t", 2), tp("u", 2));
    }

    @Test
    void shouldDealPartitionsInTurnLikeKafkaRoundRobinAssignor() {
        Map<String, List<TopicPartition>> a = new RoundRobinAssignor().assign(
                Map.of("c1", Set.of("t", "u"), "c2", Set.of("t", "u")), Map.of("t", 3, "u", 3), Map.of());
        assertThat(a.get("c1")).containsExactly(tp("t", 0), tp("t", 2), tp("u", 1));
        assertThat(a.get("c2")).containsExactly(tp("t", 1), tp("u", 0), tp("u", 2));
    }

    @Test
    void shouldSkipMembersNotSubscribedToATopicInRoundRobin() {
        Map<String, List<TopicPartition>> a = new RoundRobinAssignor().assign(
                Map.of("c1", Set.of("t"), "c2", Set.of("t", "u")), Map.of("t", 2, "u", 2), Map.of());
        assertThat(a.get("c1")).containsExactly(tp("t", 0));
        assertThat(a.get("c2")).containsExactly(tp("t", 1), tp("u", 0), tp("u", 1));
    }

    @Test
    void shouldKeepOwnedPartitionsAndStayBalancedWithCooperativeSticky() {
        CooperativeStickyAssignor sticky = new CooperativeStickyAssignor();
        Map<String, Set<String>> subs = new HashMap<>(Map.of("c1", Set.of("t"), "c2", Set.of("t")));
        Map<String, List<TopicPartition>> first = sticky.assign(subs, Map.of("t", 6), Map.of());
        assertThat(first.get("c1")).hasSize(3);
        subs.put("c3", Set.of("t"));
        Map<String, Set<TopicPartition>> owned = Map.of("c1", new HashSet<>(first.get("c1")),
                "c2", new HashSet<>(first.get("c2")));
        Map<String, List<TopicPartition>> second = sticky.assign(subs, Map.of("t", 6), owned);
        assertThat(second.get("c1")).hasSize(2).isSubsetOf(first.get("c1"));
        assertThat(second.get("c2")).hasSize(2).isSubsetOf(first.get("c2"));
        assertThat(second.get("c3")).hasSize(2);
    }

    private static TopicPartition tp(String t, int p) {
        return new TopicPartition(t, p);
    }
}
