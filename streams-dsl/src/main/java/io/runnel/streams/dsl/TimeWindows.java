package io.runnel.streams.dsl;

import io.runnel.state.Window;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Fixed-size windows aligned to the epoch: tumbling (advance = size) or hopping (advance &lt;
 * size). A window is {@code [start, start + size)}. A record is added to every window containing
 * its timestamp unless the window has closed: stream time &gt;= window end + grace. Late records
 * are dropped and counted in {@code dropped-records-total}.
 */
public record TimeWindows(long sizeMs, long advanceMs, long graceMs) {

    public TimeWindows {
        if (sizeMs <= 0) {
            throw new IllegalArgumentException("window size must be > 0: " + sizeMs);
        }
        if (advanceMs <= 0 || advanceMs > sizeMs) {
            throw new IllegalArgumentException("advance must be in (0, size]: " + advanceMs);
        }
        if (graceMs < 0) {
            throw new IllegalArgumentException("grace must be >= 0: " + graceMs);
        }
    }

    public static TimeWindows ofSizeWithNoGrace(Duration size) {
        return new TimeWindows(size.toMillis(), size.toMillis(), 0);
    }

    public static TimeWindows ofSizeAndGrace(Duration size, Duration grace) {
        return new TimeWindows(size.toMillis(), size.toMillis(), grace.toMillis());
    }

    /** Makes the windows hopping: a new window starts every {@code advance}. */
    public TimeWindows advanceBy(Duration advance) {
        return new TimeWindows(sizeMs, advance.toMillis(), graceMs);
    }

    /** The windows containing the timestamp, by start time, earliest first. */
    public Map<Long, Window> windowsFor(long timestamp) {
        long windowStart = Math.max(0, timestamp - sizeMs + advanceMs) / advanceMs * advanceMs;
        Map<Long, Window> windows = new LinkedHashMap<>();
        while (windowStart <= timestamp) {
            windows.put(windowStart, new Window(windowStart, windowStart + sizeMs));
            windowStart += advanceMs;
        }
        return windows;
    }
}
