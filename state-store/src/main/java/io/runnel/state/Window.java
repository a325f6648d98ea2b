package io.runnel.state;

/**
 * A time window {@code [start, end)} in epoch milliseconds (for session windows both ends are
 * inclusive: the first and last record timestamps of the session).
 */
public record Window(long start, long end) {

    public Window {
        if (start < 0) {
            throw new IllegalArgumentException("window start < 0: " + start);
        }
        if (end < start) {
            throw new IllegalArgumentException("window end " + end + " < start " + start);
        }
    }

    /** Whether the two windows share a point in time (boundaries inclusive). */
    public boolean overlap(Window other) {
        return start <= other.end && other.start <= end;
    }
}
