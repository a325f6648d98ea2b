package io.runnel.streams.dsl;

import java.time.Duration;

/**
 * Windows of a fixed time difference that slide with the records: every window
 * {@code [t - timeDifference, t]} that contains at least one record, as Kafka Streams defines
 * them; closes at window end + grace.
 */
public record SlidingWindows(long timeDifferenceMs, long graceMs) {

    public SlidingWindows {
        if (timeDifferenceMs <= 0) {
            throw new IllegalArgumentException("time difference must be > 0: " + timeDifferenceMs);
        }
        if (graceMs < 0) {
            throw new IllegalArgumentException("grace must be >= 0: " + graceMs);
        }
    }

    public static SlidingWindows ofTimeDifferenceWithNoGrace(Duration timeDifference) {
        return new SlidingWindows(timeDifference.toMillis(), 0);
    }

    public static SlidingWindows ofTimeDifferenceAndGrace(Duration timeDifference, Duration grace) {
        return new SlidingWindows(timeDifference.toMillis(), grace.toMillis());
    }
}
