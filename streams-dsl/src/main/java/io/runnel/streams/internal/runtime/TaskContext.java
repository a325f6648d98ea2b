package io.runnel.streams.internal.runtime;

import io.runnel.common.Time;
import io.runnel.state.StateStore;
import io.runnel.streams.processor.Cancellable;
import io.runnel.streams.processor.PunctuationType;
import io.runnel.streams.processor.Punctuator;
import io.runnel.streams.processor.RecordMetadata;
import io.runnel.streams.processor.TaskId;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The state a task shares with all its nodes: identity, clocks (stream time = largest timestamp
 * seen; wall clock from the injected {@link Time}), the metadata of the record in flight, stores,
 * punctuations, metrics and the record collector. Runs on the task's thread only.
 */
public final class TaskContext {
    private final String applicationId;
    private final TaskId taskId;
    private final Time time;
    private final RecordCollector collector;
    private final Map<String, StateStore> stores;
    private final Map<String, StateStore> globalStores;
    private final TaskMetrics metrics = new TaskMetrics();
    private final PunctuationQueue streamTimePunctuations = new PunctuationQueue();
    private final PunctuationQueue wallClockPunctuations = new PunctuationQueue();
    private long streamTime = -1L;
    private String topic;
    private int partition;
    private long offset = -1L;
    private long recordTimestamp;
    private boolean commitRequested;
    private ErrorHandling errors;

    public TaskContext(String applicationId, TaskId taskId, Time time, RecordCollector collector,
                       Map<String, StateStore> stores, Map<String, StateStore> globalStores) {
        this.applicationId = Objects.requireNonNull(applicationId, "applicationId");
        this.taskId = taskId;
        this.time = time;
        this.collector = collector;
        this.stores = stores;
        this.globalStores = globalStores;
    }

    public String applicationId() {
        return applicationId;
    }

    public TaskId taskId() {
        return taskId;
    }

    public RecordCollector collector() {
        return collector;
    }

    /**
     * The exception handlers of the stream thread, or null (the test driver): then every error
     * propagates to the caller as it was thrown.
     */
    public ErrorHandling errors() {
        return errors;
    }

    public void setErrorHandling(ErrorHandling errors) {
        this.errors = errors;
    }

    public TaskMetrics metrics() {
        return metrics;
    }

    public long streamTime() {
        return streamTime;
    }

    public void advanceStreamTime(long timestamp) {
        if (timestamp > streamTime) {
            streamTime = timestamp;
        }
    }

    public long wallClockMs() {
        return time.milliseconds();
    }

    public void setRecordMetadata(String topic, int partition, long offset) {
        this.topic = topic;
        this.partition = partition;
        this.offset = offset;
    }

    /** The timestamp of the input record in flight (or of the last one), stamped on changelog records. */
    public long recordTimestamp() {
        return recordTimestamp;
    }

    public void setRecordTimestamp(long timestamp) {
        this.recordTimestamp = timestamp;
    }

    public void clearRecordMetadata() {
        this.topic = null;
    }

    public Optional<RecordMetadata> recordMetadata() {
        return topic == null ? Optional.empty() : Optional.of(new RecordMetadata(topic, partition, offset));
    }

    /** Topic of the record in flight, or null inside a punctuation. */
    public String currentTopic() {
        return topic;
    }

    public int currentPartition() {
        return partition;
    }

    public long currentOffset() {
        return offset;
    }

    public boolean isGlobalStore(String name) {
        return globalStores.containsKey(name);
    }

    public StateStore store(String name) {
        StateStore s = stores.get(name);
        if (s == null) {
            s = globalStores.get(name);
        }
        if (s == null) {
            throw new IllegalStateException("no store named " + name + " in task " + taskId);
        }
        return s;
    }

    public Map<String, StateStore> stores() {
        return stores;
    }

    /**
     * Schedules a punctuator of processor {@code node}. What it throws goes to the processing
     * exception handler as a failure of that node with no record (as in Kafka Streams): CONTINUE
     * skips the rest of that punctuation, FAIL ends the thread.
     */
    public Cancellable schedule(String node, Duration interval, PunctuationType type, Punctuator punctuator) {
        Objects.requireNonNull(node, "node");
        Objects.requireNonNull(punctuator, "punctuator");
        long ms = interval.toMillis();
        if (ms < 1) {
            throw new IllegalArgumentException("punctuation interval must be at least 1 ms: " + interval);
        }
        Punctuator handled = now -> punctuate(node, type, punctuator, now);
        return switch (type) {
            case STREAM_TIME -> streamTimePunctuations.schedule(0L, ms, handled);
            case WALL_CLOCK_TIME -> wallClockPunctuations.schedule(time.milliseconds() + ms, ms, handled);
        };
    }

    private void punctuate(String node, PunctuationType type, Punctuator punctuator, long now) {
        try {
            punctuator.punctuate(now);
        } catch (FailedRecordException e) {
            throw e;
        } catch (RuntimeException e) {
            if (errors == null) {
                throw e;
            }
            errors.onPunctuationError(this, node, type, now, e);
        }
    }

    /** Fires due stream-time punctuations (after a record moved stream time). */
    public boolean punctuateStreamTime() {
        if (streamTime < 0) {
            return false;
        }
        return streamTimePunctuations.mayPunctuate(streamTime, this::clearRecordMetadata);
    }

    public boolean punctuateWallClock() {
        return wallClockPunctuations.mayPunctuate(time.milliseconds(), this::clearRecordMetadata);
    }

    public void requestCommit() {
        commitRequested = true;
    }

    /** Whether a processor asked for a commit since the last call; resets the flag. */
    public boolean takeCommitRequest() {
        boolean r = commitRequested;
        commitRequested = false;
        return r;
    }
}
