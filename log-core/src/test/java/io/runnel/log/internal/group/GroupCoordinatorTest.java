package io.runnel.log.internal.group;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.runnel.common.ManualTime;
import io.runnel.common.TopicPartition;
import io.runnel.log.CommitFailedException;
import io.runnel.log.OffsetAndMetadata;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class GroupCoordinatorTest {
    private final ManualTime time = new ManualTime();
    private final List<GroupRecord> persisted = new ArrayList<>();
    private final GroupCoordinator coordinator = new GroupCoordinator(time, persisted::addAll,
            t -> t.equals("t") ? 4 : null, new Random(7));
    private final PartitionAssignor range = new RangeAssignor();

    @Test
    void shouldAssignEveryPartitionToASingleMember() {
        String m = coordinator.join("g", null, "c", Set.of("t"), range, 10_000, () -> { });
        GroupCoordinator.Heartbeat hb = coordinator.heartbeat("g", m);
        assertThat(hb.generation()).isEqualTo(1);
        assertThat(hb.assignment()).hasSize(4);
        assertThat(hb.rejoin()).isFalse();
    }

    @Test
    void shouldRebalanceWhenASecondMemberJoinsOnceTheFirstRejoins() {
        int[] wakeups = {0};
        String m1 = coordinator.join("g", null, "c1", Set.of("t"), range, 10_000, () -> wakeups[0]++);
        String m2 = coordinator.join("g", null, "c2", Set.of("t"), range, 10_000, () -> { });
        assertThat(wakeups[0]).isPositive();
        assertThat(coordinator.heartbeat("g", m1).rejoin()).isTrue();
        assertThat(coordinator.heartbeat("g", m2).generation()).isEqualTo(-1); // no assignment yet
        coordinator.join("g", m1, "c1", Set.of("t"), range, 10_000, () -> { });
        GroupCoordinator.Heartbeat h1 = coordinator.heartbeat("g", m1);
        GroupCoordinator.Heartbeat h2 = coordinator.heartbeat("g", m2);
        assertThat(h1.generation()).isEqualTo(2).isEqualTo(h2.generation());
        Set<TopicPartition> all = new HashSet<>(h1.assignment());
        all.addAll(h2.assignment());
        assertThat(all).hasSize(4);
        assertThat(h1.assignment()).hasSize(2).doesNotContainAnyElementsOf(h2.assignment());
    }

    @Test
    void shouldRemoveAMemberThatStopsPollingAndGiveItsPartitionsToTheOthers() {
        String m1 = coordinator.join("g", null, "c1", Set.of("t"), range, 10_000, () -> { });
        String m2 = coordinator.join("g", null, "c2", Set.of("t"), range, 10_000, () -> { });
        coordinator.join("g", m1, "c1", Set.of("t"), range, 10_000, () -> { });
        time.advance(6_000);
        coordinator.heartbeat("g", m1);
        time.advance(6_000); // m2 silent for 12 s > 10 s
        GroupCoordinator.Heartbeat h1 = coordinator.heartbeat("g", m1);
        assertThat(coordinator.heartbeat("g", m2).known()).isFalse();
        assertThat(h1.rejoin()).isTrue();
        coordinator.join("g", m1, "c1", Set.of("t"), range, 10_000, () -> { });
        assertThat(coordinator.heartbeat("g", m1).assignment()).hasSize(4);
    }

    @Test
    void shouldRejectACommitFromAStaleGeneration() {
        String m1 = coordinator.join("g", null, "c1", Set.of("t"), range, 10_000, () -> { });
        int gen = coordinator.heartbeat("g", m1).generation();
        coordinator.commit("g", m1, gen, Map.of(new TopicPartition("t", 0), new OffsetAndMetadata(5)));
        String m2 = coordinator.join("g", null, "c2", Set.of("t"), range, 10_000, () -> { });
        coordinator.join("g", m1, "c1", Set.of("t"), range, 10_000, () -> { });
        assertThatThrownBy(() -> coordinator.commit("g", m1, gen,
                Map.of(new TopicPartition("t", 0), new OffsetAndMetadata(6))))
                .isInstanceOf(CommitFailedException.class).hasMessageContaining("rebalanced");
        assertThat(coordinator.committed("g", Set.of(new TopicPartition("t", 0))))
                .containsEntry(new TopicPartition("t", 0), new OffsetAndMetadata(5));
        assertThat(m2).isNotEqualTo(m1);
    }

    @Test
    void shouldRestoreOffsetsAndGenerationFromPersistedRecords() {
        String m1 = coordinator.join("g", null, "c1", Set.of("t"), range, 10_000, () -> { });
        coordinator.commit("g", m1, 1, Map.of(new TopicPartition("t", 1), new OffsetAndMetadata(9, "x")));
        coordinator.leave("g", m1);
        GroupCoordinator restored = new GroupCoordinator(time, GroupStore.NONE, t -> 4, new Random(1));
        for (GroupRecord r : persisted) {
            restored.load(GroupRecordCodec.decode(GroupRecordCodec.key(r), GroupRecordCodec.value(r)));
        }
        assertThat(restored.offsets("g")).containsEntry(new TopicPartition("t", 1), new OffsetAndMetadata(9, "x"));
        assertThat(restored.describe("g").generation()).isEqualTo(2);
    }

    @Test
    void shouldMovePartitionsInTwoRoundsWithACooperativeAssignor() {
        PartitionAssignor sticky = new CooperativeStickyAssignor();
        String m1 = coordinator.join("g", null, "c1", Set.of("t"), sticky, 10_000, () -> { });
        assertThat(coordinator.heartbeat("g", m1).assignment()).hasSize(4);
        String m2 = coordinator.join("g", null, "c2", Set.of("t"), sticky, 10_000, () -> { });
        coordinator.join("g", m1, "c1", Set.of("t"), sticky, 10_000, () -> { });
        GroupCoordinator.Heartbeat first = coordinator.heartbeat("g", m1);
        assertThat(first.assignment()).hasSize(2);
        assertThat(coordinator.heartbeat("g", m2).assignment()).isEmpty();
        assertThat(first.rejoin()).isTrue();
        coordinator.join("g", m1, "c1", Set.of("t"), sticky, 10_000, () -> { });
        coordinator.join("g", m2, "c2", Set.of("t"), sticky, 10_000, () -> { });
        assertThat(coordinator.heartbeat("g", m1).assignment()).isEqualTo(first.assignment());
        assertThat(coordinator.heartbeat("g", m2).assignment()).hasSize(2)
                .doesNotContainAnyElementsOf(first.assignment());
    }
}
