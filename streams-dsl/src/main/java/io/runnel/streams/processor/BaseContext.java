package io.runnel.streams.processor;

import io.runnel.state.StateStore;
import java.time.Duration;
import java.util.Optional;

/** What every processor context offers besides forwarding. */
public interface BaseContext {

    String applicationId();

    TaskId taskId();

    /** Topic, partition and offset of the input record being processed; empty inside a punctuation. */
    Optional<RecordMetadata> recordMetadata();

    /** The store connected to this processor under that name; throws if it is not connected. */
    <S extends StateStore> S getStateStore(String name);

    /**
     * Schedules a punctuation every {@code interval}: on stream time (fires when input records
     * move stream time past the next due time) or on wall-clock time (fires when the task's clock
     * does).
     */
    Cancellable schedule(Duration interval, PunctuationType type, Punctuator punctuator);

    /** Asks for a commit after the current record. */
    void commit();

    /** The largest timestamp seen by this task so far (or -1 before the first record). */
    long currentStreamTimeMs();

    /** The task's wall clock. */
    long currentSystemTimeMs();
}
