package io.runnel.log.internal.cleaner;

import io.runnel.common.TopicPartition;
import io.runnel.log.internal.segment.PartitionLog;
import io.runnel.log.internal.segment.SegmentView;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The cleaner's bookkeeping, as Kafka's LogCleanerManager: which partitions are registered,
 * where each one's dirty part starts (the end of its last cleaning), and which one is the
 * dirtiest — the largest share of cleanable bytes not yet cleaned, at least
 * {@code minCleanableRatio}. A partition being cleaned is marked in progress; unregistering it
 * waits for the cleaning to finish.
 *
 * <p>The first dirty offset is kept in memory only: after a restart every compacted partition is
 * cleaned once from its start (harmless, compaction is idempotent). Thread-safe (one monitor).
 */
public final class LogCleanerManager {
    private final double minCleanableRatio;
    private final Map<TopicPartition, PartitionLog> logs = new HashMap<>();
    private final Map<TopicPartition, Long> firstDirtyOffsets = new HashMap<>();
    private final Set<TopicPartition> inProgress = new HashSet<>();

    public LogCleanerManager(double minCleanableRatio) {
        if (minCleanableRatio < 0 || minCleanableRatio > 1) {
            throw new IllegalArgumentException("minCleanableRatio must be within [0, 1]: " + minCleanableRatio);
        }
        this.minCleanableRatio = minCleanableRatio;
    }

    public synchronized void register(PartitionLog log) {
        Objects.requireNonNull(log, "log");
        logs.put(log.topicPartition(), log);
    }

    /** Forgets the partition, waiting for a cleaning of it to finish first. */
    public synchronized void unregister(TopicPartition tp) throws InterruptedException {
        while (inProgress.contains(tp)) {
            wait();
        }
        logs.remove(tp);
        firstDirtyOffsets.remove(tp);
    }

    public synchronized List<PartitionLog> logs() {
        return new ArrayList<>(logs.values());
    }

    /** The dirtiest compacted partition worth cleaning, marked in progress; empty if none. */
    public synchronized Optional<PartitionLog> grabDirtiest(long nowMs) {
        PartitionLog best = null;
        double bestRatio = -1;
        for (PartitionLog log : logs.values()) {
            if (inProgress.contains(log.topicPartition()) || !log.config().cleanupPolicy().compacts()) {
                continue;
            }
            double ratio = dirtyRatio(log, nowMs);
            if (ratio > bestRatio && ratio >= minCleanableRatio && ratio > 0) {
                best = log;
                bestRatio = ratio;
            }
        }
        if (best != null) {
            inProgress.add(best.topicPartition());
        }
        return Optional.ofNullable(best);
    }

    /** Dirty bytes / cleanable bytes of a partition (0 when nothing is cleanable). */
    synchronized double dirtyRatio(PartitionLog log, long nowMs) {
        long firstDirty = firstDirtyOffsets.getOrDefault(log.topicPartition(), -1L);
        long total = 0;
        long dirty = 0;
        List<SegmentView> cleanable;
        try {
            cleanable = Cleaner.cleanableSegments(log, nowMs);
        } catch (RuntimeException closed) {
            return 0;
        }
        for (SegmentView s : cleanable) {
            total += s.sizeInBytes();
            if (s.nextOffset() > firstDirty) {
                dirty += s.sizeInBytes();
            }
        }
        return total == 0 ? 0 : (double) dirty / total;
    }

    /** Marks the cleaning done; the dirty part now starts at {@code endOffset} (−1: unchanged). */
    public synchronized void doneCleaning(TopicPartition tp, long endOffset) {
        inProgress.remove(tp);
        if (endOffset >= 0 && logs.containsKey(tp)) {
            firstDirtyOffsets.merge(tp, endOffset, Math::max);
        }
        notifyAll();
    }
}
