package io.runnel.common;

import java.util.concurrent.atomic.AtomicLong;

/**
 * A clock that moves only when told to. Thread-safe: readers on any thread see every
 * {@link #advance(long)}. {@link #sleep(long)} advances the clock instead of blocking.
 */
public final class ManualTime implements Time {
    private final AtomicLong nowMs;
    private final AtomicLong nanos = new AtomicLong();

    public ManualTime(long startMs) {
        this.nowMs = new AtomicLong(startMs);
    }

    public ManualTime() {
        this(1_700_000_000_000L);
    }

    @Override
    public long milliseconds() {
        return nowMs.get();
    }

    @Override
    public long nanoseconds() {
        return nanos.get();
    }

    @Override
    public void sleep(long ms) {
        advance(ms);
    }

    /** Moves the clock forward by {@code ms} (not backwards). */
    public void advance(long ms) {
        if (ms < 0) {
            throw new IllegalArgumentException("cannot move time backwards: " + ms);
        }
        nowMs.addAndGet(ms);
        nanos.addAndGet(ms * 1_000_000L);
    }
}
