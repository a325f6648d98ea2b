package io.runnel.log.internal.group;

import io.runnel.common.Time;
import io.runnel.common.TopicPartition;
import io.runnel.log.CommitFailedException;
import io.runnel.log.ConsumerGroupDescription;
import io.runnel.log.InvalidConfigurationException;
import io.runnel.log.OffsetAndMetadata;
import io.runnel.log.UnknownGroupException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Kafka's group coordinator for in-process consumers: membership, rebalances with generation
 * ids, partition assignment, committed offsets.
 *
 * <p><b>Protocol.</b> A member {@link #join joins}; a change in membership or subscriptions moves
 * the group to PREPARING_REBALANCE and wakes every member, which (at its next poll) revokes its
 * partitions (eager assignors) and rejoins. When every member has rejoined, or the rebalance
 * deadline (the largest member timeout) has passed and the laggards are removed, the assignor runs,
 * the generation is incremented and the group is STABLE. Members learn their assignment through
 * {@link #heartbeat}. With a cooperative assignor members keep their partitions while rejoining;
 * partitions that move are first taken from their owner in one generation and given to the new
 * owner in the next (two rounds, as Kafka's cooperative protocol), so no partition ever has two
 * owners.
 *
 * <p><b>Liveness.</b> There is no background heartbeat thread in process: polling is the
 * heartbeat. A member that has not called {@link #heartbeat} for
 * {@code min(session.timeout.ms, max.poll.interval.ms)} is removed (its partitions are lost) by
 * {@link #checkExpirations}, which runs on every coordinator call and on the broker's scheduler.
 *
 * <p><b>Commits</b> carry the member id and generation; a commit from a generation other than the
 * current one, or from an unknown member, fails with {@link CommitFailedException}. A commit
 * without member id (assigned, not subscribed consumers) is accepted only while the group has no
 * members. Commits are written to the {@link GroupStore} before they become visible.
 *
 * <p>Thread-safe: each group is guarded by its own monitor; wake-ups are called under it and must
 * not block.
 */
public final class GroupCoordinator {
    private final Time time;
    private final GroupStore store;
    private final Function<String, Integer> partitionCounts;
    private final Random random;
    /** Expiry checks run at most this often (every poll of every member would otherwise scan all groups). */
    private static final long EXPIRY_CHECK_MIN_INTERVAL_MS = 10;
    private final ConcurrentHashMap<String, ConsumerGroup> groups = new ConcurrentHashMap<>();
    private volatile long lastExpiryCheckMs = Long.MIN_VALUE / 2;

    /**
     * @param partitionCounts topic → partition count, null when the topic does not exist
     */
    public GroupCoordinator(Time time, GroupStore store, Function<String, Integer> partitionCounts, Random random) {
        this.time = time;
        this.store = store;
        this.partitionCounts = partitionCounts;
        this.random = random;
    }

    /** What a member learns when it heartbeats. */
    public record Heartbeat(boolean known, int generation, Set<TopicPartition> assignment, boolean rejoin) {
        public Heartbeat {
            assignment = Set.copyOf(assignment);
        }
    }

    /** Replays one persisted record (on startup, in log order). */
    public void load(GroupRecord record) {
        ConsumerGroup g = groups.computeIfAbsent(record.group(), ConsumerGroup::new);
        synchronized (g) {
            if (record instanceof GroupRecord.OffsetCommit c) {
                g.offsets.put(c.partition(), c.offset());
            } else if (record instanceof GroupRecord.OffsetDelete d) {
                g.offsets.remove(d.partition());
            } else if (record instanceof GroupRecord.GroupMetadata m) {
                g.generation = m.generation();
                g.protocol = m.protocol();
            } else {
                g.offsets.clear();
                groups.remove(record.group());
            }
        }
    }

    /**
     * Joins (or rejoins) a group. {@code memberId} null = a new member. Returns the member id.
     * The member's assignment arrives through {@link #heartbeat} once the rebalance completes.
     */
    public String join(String groupId, String memberId, String clientId, Set<String> topics, PartitionAssignor assignor,
                       long timeoutMs, Runnable wakeup) {
        checkExpirations();
        ConsumerGroup g = groups.computeIfAbsent(groupId, ConsumerGroup::new);
        synchronized (g) {
            if (g.state == ConsumerGroup.State.DEAD) {
                g = groups.computeIfAbsent(groupId, ConsumerGroup::new);
            }
            if (!g.members.isEmpty() && !g.protocol.isEmpty() && !g.protocol.equals(assignor.name())) {
                throw new InvalidConfigurationException("Group " + groupId + " uses partition.assignment.strategy "
                        + g.protocol + "; a member asked for " + assignor.name());
            }
            ConsumerGroup.Member m = memberId == null ? null : g.members.get(memberId);
            boolean changed = false;
            if (m == null) {
                m = new ConsumerGroup.Member(clientId + "-" + new UUID(random.nextLong(), random.nextLong()), clientId);
                g.members.put(m.memberId, m);
                changed = true;
            }
            if (!topics.equals(m.topics)) {
                m.topics = Set.copyOf(topics);
                changed = true;
            }
            m.timeoutMs = timeoutMs;
            m.wakeup = wakeup;
            m.lastSeenMs = time.milliseconds();
            g.protocol = assignor.name();
            if (changed || g.state != ConsumerGroup.State.PREPARING_REBALANCE) {
                prepareRebalance(g);
            }
            m.joined = true;
            maybeCompleteRebalance(g, assignor);
            return m.memberId;
        }
    }

    /** Records that a member is alive and tells it its latest assignment and whether to rejoin. */
    public Heartbeat heartbeat(String groupId, String memberId) {
        checkExpirations();
        ConsumerGroup g = groups.get(groupId);
        if (g == null) {
            return new Heartbeat(false, -1, Set.of(), true);
        }
        synchronized (g) {
            ConsumerGroup.Member m = g.members.get(memberId);
            if (m == null) {
                return new Heartbeat(false, -1, Set.of(), true);
            }
            m.lastSeenMs = time.milliseconds();
            if (g.state == ConsumerGroup.State.STABLE && partitionCountsChanged(g)) {
                prepareRebalance(g); // a subscribed topic was created, deleted or grew: reassign
            }
            boolean rejoin = g.state == ConsumerGroup.State.PREPARING_REBALANCE && !m.joined;
            return new Heartbeat(true, m.assignedGeneration, m.assignment, rejoin);
        }
    }

    /** A member leaves (consumer closed or unsubscribed): the others rebalance at once. */
    public void leave(String groupId, String memberId) {
        ConsumerGroup g = groups.get(groupId);
        if (g == null) {
            return;
        }
        synchronized (g) {
            if (g.members.remove(memberId) != null) {
                prepareRebalance(g);
                maybeCompleteRebalance(g, PartitionAssignor.forName(g.protocol));
            }
        }
    }

    /**
     * Commits offsets. {@code memberId} null = a consumer outside the group protocol (assign());
     * otherwise {@code generation} must be the group's current one.
     */
    public void commit(String groupId, String memberId, int generation, Map<TopicPartition, OffsetAndMetadata> offsets) {
        checkExpirations();
        ConsumerGroup g = groups.computeIfAbsent(groupId, ConsumerGroup::new);
        synchronized (g) {
            if (memberId == null) {
                if (!g.members.isEmpty()) {
                    throw new CommitFailedException("Commit of group " + groupId + " without a membership is rejected "
                            + "while the group has active members");
                }
            } else {
                ConsumerGroup.Member m = g.members.get(memberId);
                if (m == null) {
                    throw new CommitFailedException("Commit failed: member " + memberId + " is no longer in group "
                            + groupId + " (it was removed after not polling within its timeout, or left); "
                            + "its partitions were reassigned");
                }
                if (generation != g.generation) {
                    throw new CommitFailedException("Commit failed: group " + groupId + " has rebalanced (generation "
                            + g.generation + ", member " + memberId + " is at generation " + generation + ")");
                }
            }
            long now = time.milliseconds();
            List<GroupRecord> records = new ArrayList<>(offsets.size());
            offsets.forEach((tp, om) -> records.add(new GroupRecord.OffsetCommit(groupId, tp, om, now)));
            store.append(records);
            g.offsets.putAll(offsets);
        }
    }

    /** The committed offsets of a group for the given partitions (absent = none). */
    public Map<TopicPartition, OffsetAndMetadata> committed(String groupId, Set<TopicPartition> partitions) {
        ConsumerGroup g = groups.get(groupId);
        Map<TopicPartition, OffsetAndMetadata> result = new HashMap<>();
        if (g == null) {
            return result;
        }
        synchronized (g) {
            for (TopicPartition tp : partitions) {
                OffsetAndMetadata om = g.offsets.get(tp);
                if (om != null) {
                    result.put(tp, om);
                }
            }
        }
        return result;
    }

    /** Every committed offset of a group. Throws {@link UnknownGroupException}. */
    public Map<TopicPartition, OffsetAndMetadata> offsets(String groupId) {
        ConsumerGroup g = existing(groupId);
        synchronized (g) {
            return new TreeMap<>(g.offsets);
        }
    }

    public Set<String> groupIds() {
        checkExpirations();
        Set<String> ids = new TreeSet<>();
        groups.forEach((id, g) -> {
            synchronized (g) {
                if (g.state != ConsumerGroup.State.DEAD && (!g.members.isEmpty() || !g.offsets.isEmpty())) {
                    ids.add(id);
                }
            }
        });
        return ids;
    }

    public ConsumerGroupDescription describe(String groupId) {
        checkExpirations();
        ConsumerGroup g = existing(groupId);
        synchronized (g) {
            List<ConsumerGroupDescription.Member> members = new ArrayList<>();
            for (ConsumerGroup.Member m : g.members.values()) {
                members.add(new ConsumerGroupDescription.Member(m.memberId, m.clientId,
                        m.assignedGeneration == g.generation ? m.assignment : Set.of()));
            }
            return new ConsumerGroupDescription(groupId, stateName(g.state), g.generation, g.protocol, members);
        }
    }

    /** Deletes a group without members, with its offsets. */
    public void delete(String groupId) {
        ConsumerGroup g = existing(groupId);
        synchronized (g) {
            if (!g.members.isEmpty()) {
                throw new IllegalStateException("Group " + groupId + " has " + g.members.size()
                        + " active member(s); close them before deleting the group");
            }
            List<GroupRecord> records = new ArrayList<>();
            g.offsets.keySet().forEach(tp -> records.add(new GroupRecord.OffsetDelete(groupId, tp)));
            records.add(new GroupRecord.GroupDelete(groupId));
            store.append(records);
            g.offsets.clear();
            g.state = ConsumerGroup.State.DEAD;
            groups.remove(groupId, g);
        }
    }

    /** Deletes the committed offsets of a topic from every group (the topic was deleted). */
    public void deleteTopicOffsets(String topic) {
        for (ConsumerGroup g : groups.values()) {
            synchronized (g) {
                List<GroupRecord> records = new ArrayList<>();
                for (TopicPartition tp : new ArrayList<>(g.offsets.keySet())) {
                    if (tp.topic().equals(topic)) {
                        records.add(new GroupRecord.OffsetDelete(g.groupId, tp));
                        g.offsets.remove(tp);
                    }
                }
                if (!records.isEmpty()) {
                    store.append(records);
                }
            }
        }
    }

    /** Removes members past their timeout and completes rebalances past their deadline. */
    public void checkExpirations() {
        long now = time.milliseconds();
        long last = lastExpiryCheckMs;
        if (now - last < EXPIRY_CHECK_MIN_INTERVAL_MS && now >= last) {
            return;
        }
        lastExpiryCheckMs = now;
        for (ConsumerGroup g : groups.values()) {
            synchronized (g) {
                if (g.members.isEmpty()) {
                    continue;
                }
                boolean removed = false;
                for (var it = g.members.values().iterator(); it.hasNext(); ) {
                    ConsumerGroup.Member m = it.next();
                    boolean lateToRejoin = g.state == ConsumerGroup.State.PREPARING_REBALANCE && !m.joined
                            && now >= g.rebalanceDeadlineMs;
                    if (now - m.lastSeenMs > m.timeoutMs || lateToRejoin) {
                        it.remove();
                        removed = true;
                    }
                }
                if (removed) {
                    prepareRebalance(g);
                    maybeCompleteRebalance(g, PartitionAssignor.forName(g.protocol));
                }
            }
        }
    }

    private ConsumerGroup existing(String groupId) {
        ConsumerGroup g = groups.get(groupId);
        if (g == null) {
            throw new UnknownGroupException("Consumer group '" + groupId + "' does not exist");
        }
        return g;
    }

    /** Starts a rebalance: every member must rejoin. Caller holds the group's monitor. */
    private void prepareRebalance(ConsumerGroup g) {
        long deadline = 0;
        for (ConsumerGroup.Member m : g.members.values()) {
            m.joined = false;
            deadline = Math.max(deadline, m.timeoutMs);
        }
        g.state = g.members.isEmpty() ? ConsumerGroup.State.EMPTY : ConsumerGroup.State.PREPARING_REBALANCE;
        g.rebalanceDeadlineMs = time.milliseconds() + deadline;
        if (g.members.isEmpty()) {
            g.generation++;
            store.append(List.of(new GroupRecord.GroupMetadata(g.groupId, g.generation, g.protocol)));
        }
        wakeAll(g);
    }

    /** Completes the rebalance once every member has rejoined. Caller holds the group's monitor. */
    private void maybeCompleteRebalance(ConsumerGroup g, PartitionAssignor assignor) {
        if (g.state != ConsumerGroup.State.PREPARING_REBALANCE) {
            return;
        }
        for (ConsumerGroup.Member m : g.members.values()) {
            if (!m.joined) {
                return;
            }
        }
        Map<String, Set<String>> subscriptions = new HashMap<>();
        Map<String, Integer> counts = new HashMap<>();
        Map<String, Set<TopicPartition>> current = new HashMap<>();
        for (ConsumerGroup.Member m : g.members.values()) {
            subscriptions.put(m.memberId, m.topics);
            current.put(m.memberId, m.assignment);
            for (String t : m.topics) {
                Integer n = partitionCounts.apply(t);
                if (n != null) {
                    counts.put(t, n);
                }
            }
        }
        Map<String, List<TopicPartition>> assignment = assignor.assign(subscriptions, counts, current);
        g.assignedPartitionCounts = new HashMap<>();
        for (ConsumerGroup.Member m : g.members.values()) {
            for (String t : m.topics) {
                g.assignedPartitionCounts.put(t, counts.get(t));
            }
        }
        boolean followUp = false;
        if (assignor.cooperative()) {
            // a partition moving from one member to another is withheld for one generation
            Map<TopicPartition, String> owner = new HashMap<>();
            current.forEach((member, tps) -> tps.forEach(tp -> owner.put(tp, member)));
            for (Map.Entry<String, List<TopicPartition>> e : assignment.entrySet()) {
                List<TopicPartition> kept = new ArrayList<>();
                for (TopicPartition tp : e.getValue()) {
                    String prev = owner.get(tp);
                    if (prev == null || prev.equals(e.getKey())) {
                        kept.add(tp);
                    } else {
                        followUp = true;
                    }
                }
                e.setValue(kept);
            }
        }
        g.generation++;
        g.state = ConsumerGroup.State.STABLE;
        for (ConsumerGroup.Member m : g.members.values()) {
            m.assignment = new HashSet<>(assignment.getOrDefault(m.memberId, List.of()));
            m.assignedGeneration = g.generation;
        }
        store.append(List.of(new GroupRecord.GroupMetadata(g.groupId, g.generation, g.protocol)));
        if (followUp) {
            prepareRebalance(g);
        } else {
            wakeAll(g);
        }
    }

    private boolean partitionCountsChanged(ConsumerGroup g) {
        for (Map.Entry<String, Integer> e : g.assignedPartitionCounts.entrySet()) {
            if (!java.util.Objects.equals(e.getValue(), partitionCounts.apply(e.getKey()))) {
                return true;
            }
        }
        return false;
    }

    private static void wakeAll(ConsumerGroup g) {
        for (ConsumerGroup.Member m : g.members.values()) {
            if (m.wakeup != null) {
                m.wakeup.run();
            }
        }
    }

    private static String stateName(ConsumerGroup.State s) {
        return switch (s) {
            case EMPTY -> "Empty";
            case PREPARING_REBALANCE -> "PreparingRebalance";
            case STABLE -> "Stable";
            case DEAD -> "Dead";
        };
    }
}
