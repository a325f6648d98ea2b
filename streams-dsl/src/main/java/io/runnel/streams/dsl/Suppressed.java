package io.runnel.streams.dsl;

import java.time.Duration;
import java.util.Objects;

/**
 * Holds back table updates: either until the window of a windowed result closes (window end +
 * grace &lt;= stream time), emitting exactly one final result per window, or for a time limit
 * after the first update of a key (stream time), emitting the latest value. Only the latest value
 * per key is kept. When the buffer is full it either emits the oldest entries early or stops the
 * task with an error.
 */
public record Suppressed(boolean untilWindowCloses, long timeLimitMs, BufferConfig bufferConfig, String name) {

    public Suppressed {
        Objects.requireNonNull(bufferConfig, "bufferConfig");
        if (timeLimitMs < 0) {
            throw new IllegalArgumentException("time limit < 0: " + timeLimitMs);
        }
        if (untilWindowCloses && bufferConfig.emitEarly()) {
            throw new IllegalArgumentException("untilWindowCloses needs a strict buffer: unbounded() or shutDownWhenFull()");
        }
        if (name != null) {
            Named.NameCheck.check(name, "name");
        }
    }

    public static Suppressed untilWindowCloses(BufferConfig bufferConfig) {
        return new Suppressed(true, 0, bufferConfig, null);
    }

    public static Suppressed untilTimeLimit(Duration timeToWaitForMoreEvents, BufferConfig bufferConfig) {
        return new Suppressed(false, timeToWaitForMoreEvents.toMillis(), bufferConfig, null);
    }

    public Suppressed withName(String n) {
        return new Suppressed(untilWindowCloses, timeLimitMs, bufferConfig, n);
    }

    /** Bounds of the suppression buffer and what to do when it is full. */
    public record BufferConfig(long maxRecords, long maxBytes, boolean emitEarly) {

        public BufferConfig {
            if (maxRecords < 1 || maxBytes < 1) {
                throw new IllegalArgumentException("buffer bounds must be >= 1");
            }
        }

        public static BufferConfig unbounded() {
            return new BufferConfig(Long.MAX_VALUE, Long.MAX_VALUE, false);
        }

        public static BufferConfig maxRecords(long n) {
            return new BufferConfig(n, Long.MAX_VALUE, true);
        }

        public static BufferConfig maxBytes(long n) {
            return new BufferConfig(Long.MAX_VALUE, n, true);
        }

        public BufferConfig withMaxRecords(long n) {
            return new BufferConfig(n, maxBytes, emitEarly);
        }

        public BufferConfig withMaxBytes(long n) {
            return new BufferConfig(maxRecords, n, emitEarly);
        }

        public BufferConfig emitEarlyWhenFull() {
            return new BufferConfig(maxRecords, maxBytes, true);
        }

        public BufferConfig shutDownWhenFull() {
            return new BufferConfig(maxRecords, maxBytes, false);
        }
    }
}
