package io.runnel.streams.internal.runtime;

import io.runnel.common.TopicPartition;
import io.runnel.log.RecordMetadata;
import io.runnel.state.StateStore;
import io.runnel.state.TaskStateManager;
import io.runnel.state.ThreadCache;
import io.runnel.streams.processor.TaskId;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * A task as its stream thread runs it: the {@link StreamTask}, its {@link TaskStateManager}, its
 * buffered input, the input offsets processed since the last commit and the changelog sends since
 * the last checkpoint.
 *
 * <p>Commit steps, in the thread's order (at-least-once): {@link #flushCaches} (every dirty cache
 * entry written to its store and changelog and forwarded downstream), the thread flushes its
 * producer, {@link #maybeCheckpoint} (stores flushed to disk and the checkpoint written with the
 * acknowledged changelog offsets — as Kafka Streams, only once the changelogs have moved by
 * {@value #CHECKPOINT_DELTA} records since the last checkpoint, and here also at most every
 * {@value #CHECKPOINT_INTERVAL_MS} ms, because a synchronous memtable flush and an fsync on every
 * 100 ms commit stalled the thread most of its time; or when forced at close), then the
 * thread commits {@link #committableOffsets}. A crash between checkpoints leaves a checkpoint
 * older than the store's files or changelog; the restore then replays the changelog from it,
 * which rewrites the same keys with the same values in order and converges. Runs on the stream
 * thread only.
 */
final class ActiveTask {
    /** Changelog records written since the last checkpoint that make the next commit write one. */
    static final long CHECKPOINT_DELTA = 10_000;
    /** Least time between two checkpoints that are not forced. */
    static final long CHECKPOINT_INTERVAL_MS = 10_000;

    private final StreamTask task;
    private final TaskStateManager state;
    private final LogRecordCollector collector;
    private final TaskInput input = new TaskInput();
    private final Map<TopicPartition, Long> consumed = new HashMap<>();
    private final Map<TopicPartition, CompletableFuture<RecordMetadata>> lastChangelogSend = new HashMap<>();
    private final Map<TopicPartition, Long> changelogOffsets = new HashMap<>();
    private final Map<TopicPartition, Long> checkpointed = new HashMap<>();
    private long lastCheckpointMs;

    ActiveTask(StreamTask task, TaskStateManager state, LogRecordCollector collector) {
        this.task = task;
        this.state = state;
        this.collector = collector;
        changelogOffsets.putAll(state.changelogOffsets());
        checkpointed.putAll(state.changelogOffsets());
    }

    TaskId id() {
        return task.id();
    }

    StreamTask task() {
        return task;
    }

    LogRecordCollector collector() {
        return collector;
    }

    TaskInput input() {
        return input;
    }

    /** Called for each changelog record handed to the producer. */
    void changelogSent(TopicPartition tp, CompletableFuture<RecordMetadata> future) {
        lastChangelogSend.put(tp, future);
    }

    void processed(TopicPartition tp, long offset) {
        consumed.put(tp, offset + 1);
    }

    /** Flushes the task's record-cache namespaces, in the order the stores were created (upstream first). */
    void flushCaches(ThreadCache cache) {
        if (cache == null) {
            return;
        }
        for (StateStore s : task.stores().values()) {
            cache.flush(id() + "." + s.name());
        }
    }

    /**
     * After the producer flush: takes the acknowledged changelog offsets; when forced, or when the
     * changelogs moved by {@value #CHECKPOINT_DELTA} records and {@value #CHECKPOINT_INTERVAL_MS} ms
     * passed since the last checkpoint, flushes the stores (memtables to disk, waiting) and writes
     * the checkpoint (fsynced).
     */
    void maybeCheckpoint(boolean force, long nowMs) {
        for (Map.Entry<TopicPartition, CompletableFuture<RecordMetadata>> e : lastChangelogSend.entrySet()) {
            try {
                changelogOffsets.put(e.getKey(), e.getValue().join().offset() + 1);
            } catch (CompletionException ex) {
                throw new FailedRecordException("task " + id() + ": cannot write changelog " + e.getKey(), ex.getCause());
            }
        }
        lastChangelogSend.clear();
        long delta = 0;
        for (Map.Entry<TopicPartition, Long> e : changelogOffsets.entrySet()) {
            delta += e.getValue() - checkpointed.getOrDefault(e.getKey(), 0L);
        }
        if (force || (delta >= CHECKPOINT_DELTA && nowMs - lastCheckpointMs >= CHECKPOINT_INTERVAL_MS)) {
            state.flush();
            state.checkpoint(changelogOffsets);
            checkpointed.putAll(changelogOffsets);
            lastCheckpointMs = nowMs;
        }
    }

    /** Input offsets to commit (the offset after the last processed record per partition); then forgotten. */
    Map<TopicPartition, Long> takeCommittableOffsets() {
        Map<TopicPartition, Long> out = new HashMap<>(consumed);
        consumed.clear();
        return out;
    }

    /** Closes processors and stores after a commit that wrote the checkpoint ({@code maybeCheckpoint(true)}). */
    void closeClean() {
        input.clear();
        task.close();
    }

    /**
     * Closes after a failure, without a commit: the record cache's dirty entries are dropped (not
     * written, not forwarded), the checkpoint stays as it was; the next owner restores from it and
     * reprocesses from the last committed offsets.
     */
    void closeDirty(ThreadCache cache) {
        input.clear();
        if (cache != null) {
            for (StateStore s : task.stores().values()) {
                cache.close(id() + "." + s.name());
            }
        }
        task.close();
    }
}
