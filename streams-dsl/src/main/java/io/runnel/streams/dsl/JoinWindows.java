package io.runnel.streams.dsl;

import java.time.Duration;

/**
 * The time bounds of a stream-stream join: a record at time t of this stream joins records of
 * the other stream in {@code [t - before, t + after]}. With grace, records up to grace late are
 * still joined; left and outer joins emit a record without a match (the other side null) once
 * stream time passes its window end + grace, so that no spurious null result is emitted for a
 * record that finds a match later.
 */
public record JoinWindows(long beforeMs, long afterMs, long graceMs) {

    public JoinWindows {
        if (beforeMs + afterMs < 0) {
            throw new IllegalArgumentException("window size (before + after) must be >= 0");
        }
        if (graceMs < 0) {
            throw new IllegalArgumentException("grace must be >= 0: " + graceMs);
        }
    }

    public static JoinWindows ofTimeDifferenceWithNoGrace(Duration timeDifference) {
        long ms = timeDifference.toMillis();
        return new JoinWindows(ms, ms, 0);
    }

    public static JoinWindows ofTimeDifferenceAndGrace(Duration timeDifference, Duration grace) {
        long ms = timeDifference.toMillis();
        return new JoinWindows(ms, ms, grace.toMillis());
    }

    public JoinWindows before(Duration before) {
        return new JoinWindows(before.toMillis(), afterMs, graceMs);
    }

    public JoinWindows after(Duration after) {
        return new JoinWindows(beforeMs, after.toMillis(), graceMs);
    }
}
