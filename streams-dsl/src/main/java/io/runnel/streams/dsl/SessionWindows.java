package io.runnel.streams.dsl;

import java.time.Duration;

/**
 * Sessions of activity per key separated by at least the inactivity gap. A session
 * {@code [first, last]} (both inclusive) grows with each record within the gap and merges with
 * neighbours a record bridges; a session closes when stream time &gt;= its end + grace.
 */
public record SessionWindows(long inactivityGapMs, long graceMs) {

    public SessionWindows {
        if (inactivityGapMs <= 0) {
            throw new IllegalArgumentException("inactivity gap must be > 0: " + inactivityGapMs);
        }
        if (graceMs < 0) {
            throw new IllegalArgumentException("grace must be >= 0: " + graceMs);
        }
    }

    public static SessionWindows ofInactivityGapWithNoGrace(Duration gap) {
        return new SessionWindows(gap.toMillis(), 0);
    }

    public static SessionWindows ofInactivityGapAndGrace(Duration gap, Duration grace) {
        return new SessionWindows(gap.toMillis(), grace.toMillis());
    }
}
