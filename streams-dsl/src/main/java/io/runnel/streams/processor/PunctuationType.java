package io.runnel.streams.processor;

/** Which clock drives a punctuation. */
public enum PunctuationType {
    /** The largest record timestamp seen by the task. */
    STREAM_TIME,
    /** The task's wall clock ({@link io.runnel.common.Time}). */
    WALL_CLOCK_TIME
}
