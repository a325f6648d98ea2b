package io.runnel.state;

/**
 * Where a change-logging store sends each write: the runtime implements it over a producer to the
 * store's changelog partition (the task's partition of {@code <applicationId>-<storeName>-changelog}).
 * {@code value == null} is a tombstone. Called on the stream thread only; it may buffer (the
 * runtime flushes the producer before it writes a checkpoint) but must keep the order of calls.
 */
@FunctionalInterface
public interface ChangelogWriter {

    /** A writer that drops everything (for stores without a changelog in tests). */
    ChangelogWriter NONE = (key, value, timestamp) -> { };

    void log(Bytes key, byte[] value, long timestamp);
}
