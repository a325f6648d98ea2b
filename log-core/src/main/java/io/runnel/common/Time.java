package io.runnel.common;

/**
 * A clock, passed in wherever logic needs the time so that tests can control it
 * ({@link ManualTime}); production code uses {@link #SYSTEM}.
 */
public interface Time {

    /** The system clock. */
    Time SYSTEM = new Time() {
        @Override
        public long milliseconds() {
            return System.currentTimeMillis();
        }

        @Override
        public long nanoseconds() {
            return System.nanoTime();
        }

        @Override
        public void sleep(long ms) throws InterruptedException {
            Thread.sleep(ms);
        }
    };

    /** Wall-clock time in milliseconds since the epoch. */
    long milliseconds();

    /** A monotonic time in nanoseconds, for measuring durations only. */
    long nanoseconds();

    /** Sleeps (or, for a manual clock, advances) for {@code ms} milliseconds. */
    void sleep(long ms) throws InterruptedException;
}
