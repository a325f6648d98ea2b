package io.runnel.streams.dsl;

import java.time.Duration;

/**
 * The time bounds of a stream-stream join: a record at time t of this stream joins records of
 * the other stream in {@code [t - before, t + after]}. With grace, records up to grace late are
 * still joined; left and outer joins emit a record without a match (the other side null) once
 * stream time passes its window end + grace, so that no spurious null result is emitted for a
 * record that finds a match later. Windows made with {@link #of(Duration)} are Kafka Streams'
 * legacy (pre-3.1) windows: 24 h grace, and a record without a match is emitted at once with a
 * null partner ({@code eager}), even if a match arrives later (as ksqlDB's joins without GRACE
 * PERIOD do).
 */
public record JoinWindows(long beforeMs, long afterMs, long graceMs, boolean eager) {

    /** Kafka Streams' default grace of legacy windows. */
    public static final long LEGACY_GRACE_MS = 24L * 60 * 60 * 1000;

    public JoinWindows {
        if (beforeMs + afterMs < 0) {
            throw new IllegalArgumentException("window size (before + after) must be >= 0");
        }
        if (graceMs < 0) {
            throw new IllegalArgumentException("grace must be >= 0: " + graceMs);
        }
    }

    /** Windows that emit unmatched records of left and outer joins only once their window closed. */
    public JoinWindows(long beforeMs, long afterMs, long graceMs) {
        this(beforeMs, afterMs, graceMs, false);
    }

    public static JoinWindows ofTimeDifferenceWithNoGrace(Duration timeDifference) {
        long ms = timeDifference.toMillis();
        return new JoinWindows(ms, ms, 0);
    }

    public static JoinWindows ofTimeDifferenceAndGrace(Duration timeDifference, Duration grace) {
        long ms = timeDifference.toMillis();
        return new JoinWindows(ms, ms, grace.toMillis());
    }

    /**
     * Kafka Streams' legacy windows ({@code JoinWindows.of}): 24 h grace, and left and outer joins
     * emit a record without a match at once, with a null partner.
     */
    public static JoinWindows of(Duration timeDifference) {
        long ms = timeDifference.toMillis();
        return new JoinWindows(ms, ms, LEGACY_GRACE_MS, true);
    }

    public JoinWindows before(Duration before) {
        return new JoinWindows(before.toMillis(), afterMs, graceMs, eager);
    }

    public JoinWindows after(Duration after) {
        return new JoinWindows(beforeMs, after.toMillis(), graceMs, eager);
    }
}
