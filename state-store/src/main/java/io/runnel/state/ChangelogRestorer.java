package io.runnel.state;

import io.runnel.common.Time;
import io.runnel.common.TopicPartition;
import io.runnel.log.Consumer;
import io.runnel.log.ConsumerRecord;
import io.runnel.log.ConsumerRecords;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Reads a store's changelog partition into the store through its {@link StateRestoreCallback},
 * one poll batch at a time, from a start offset up to the end offset seen when the restore began
 * (records appended later are left for processing to write). The consumer is a byte-array consumer
 * without group management; the restorer assigns it the partition it reads and leaves it assigned
 * to nothing when done.
 *
 * <p>Use: {@link #plan} says where to start given a checkpointed offset (and whether the store must
 * be wiped first because its checkpoint is outside the changelog's current range, e.g. the start
 * moved by retention); then {@link #restore} reads. A restore that sees no progress for
 * {@code stallTimeout} fails with {@link ProcessorStateException}. Not thread-safe.
 */
public final class ChangelogRestorer {
    private final Consumer<byte[], byte[]> consumer;
    private final Time time;
    private final Duration pollTimeout;
    private final Duration stallTimeout;

    public ChangelogRestorer(Consumer<byte[], byte[]> consumer, Time time, Duration pollTimeout, Duration stallTimeout) {
        this.consumer = Objects.requireNonNull(consumer, "consumer");
        this.time = Objects.requireNonNull(time, "time");
        this.pollTimeout = Objects.requireNonNull(pollTimeout, "pollTimeout");
        this.stallTimeout = Objects.requireNonNull(stallTimeout, "stallTimeout");
    }

    public ChangelogRestorer(Consumer<byte[], byte[]> consumer, Time time) {
        this(consumer, time, Duration.ofMillis(100), Duration.ofMinutes(5));
    }

    /**
     * Where a restore starts: {@code from} = the checkpointed offset when it lies in
     * {@code [beginning, end]}; otherwise (no checkpoint, or outside the range) the beginning,
     * with {@code wipe} = true when there was a checkpoint (the store holds data the changelog can
     * no longer vouch for).
     */
    public record Plan(TopicPartition changelog, long beginning, long end, long from, boolean wipe) {
        public Plan {
            Objects.requireNonNull(changelog, "changelog");
        }

        /** Records the restore will at most read. */
        public long remaining() {
            return Math.max(0, end - from);
        }
    }

    /** The outcome of one restore. */
    public record Result(TopicPartition changelog, long from, long end, long restoredRecords) {
    }

    /** Plans a restore; {@code checkpointed} null = no checkpoint. */
    public Plan plan(TopicPartition changelog, Long checkpointed) {
        Set<TopicPartition> tps = Set.of(changelog);
        long beginning = consumer.beginningOffsets(tps).get(changelog);
        long end = consumer.endOffsets(tps).get(changelog);
        if (checkpointed == null) {
            return new Plan(changelog, beginning, end, beginning, false);
        }
        if (checkpointed < beginning || checkpointed > end) {
            return new Plan(changelog, beginning, end, beginning, true);
        }
        return new Plan(changelog, beginning, end, checkpointed, false);
    }

    /** Reads {@code [plan.from, plan.end)} into the callback; returns the count. */
    public Result restore(Plan plan, StateRestoreCallback callback) {
        TopicPartition tp = plan.changelog();
        if (plan.from() >= plan.end()) {
            return new Result(tp, plan.from(), plan.end(), 0);
        }
        consumer.assign(List.of(tp));
        callback.onRestoreStart();
        RuntimeException failure = null;
        try {
            consumer.seek(tp, plan.from());
            long restored = 0;
            long position = plan.from();
            long lastProgressMs = time.milliseconds();
            List<KeyValue<byte[], byte[]>> batch = new ArrayList<>();
            while (position < plan.end()) {
                ConsumerRecords<byte[], byte[]> records = consumer.poll(pollTimeout);
                batch.clear();
                for (ConsumerRecord<byte[], byte[]> r : records.records(tp)) {
                    if (r.offset() >= plan.end()) {
                        break;
                    }
                    batch.add(new KeyValue<>(r.key(), r.value()));
                }
                if (!batch.isEmpty()) {
                    callback.restoreBatch(batch);
                    restored += batch.size();
                }
                long newPosition = consumer.position(tp);
                if (newPosition > position) {
                    position = newPosition;
                    lastProgressMs = time.milliseconds();
                } else if (time.milliseconds() - lastProgressMs > stallTimeout.toMillis()) {
                    throw new ProcessorStateException("restore of " + tp + " made no progress for " + stallTimeout
                            + " at offset " + position + " (end " + plan.end() + ")");
                }
            }
            return new Result(tp, plan.from(), plan.end(), restored);
        } catch (RuntimeException e) {
            failure = e;
            throw e;
        } finally {
            try {
                callback.onRestoreEnd();
            } catch (RuntimeException e) {
                if (failure == null) {
                    throw e;
                }
                failure.addSuppressed(e);
            } finally {
                consumer.assign(List.of());
            }
        }
    }

    /** The end offsets of the given changelogs (for lag reporting). */
    public Map<TopicPartition, Long> endOffsets(Set<TopicPartition> changelogs) {
        return consumer.endOffsets(changelogs);
    }
}
