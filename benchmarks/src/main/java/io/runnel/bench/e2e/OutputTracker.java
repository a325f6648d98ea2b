package io.runnel.bench.e2e;

/**
 * Watches the records of an output topic and says when the last one expected has arrived, so that
 * a run is timed "until the last output record is written". Fed from one thread.
 */
public interface OutputTracker {

    void accept(byte[] key, byte[] value);

    boolean done();

    /** Output records seen so far. */
    long outputs();

    /** Where the run stands, for the message of a run that timed out. */
    String progress();

    /** One poll of the output topic, handing each record to the tracker. */
    @FunctionalInterface
    interface Poll {
        void into(OutputTracker tracker);
    }

    /**
     * Polls until the last expected output arrived, failing when the application failed
     * ({@code failure} set by its exception handler) or {@code deadlineNanos} passed.
     */
    default void awaitDone(Poll poll, java.util.concurrent.atomic.AtomicReference<Throwable> failure,
                           long deadlineNanos, String run) {
        while (!done()) {
            poll.into(this);
            if (failure.get() != null) {
                throw new IllegalStateException("the application failed", failure.get());
            }
            if (System.nanoTime() > deadlineNanos) {
                throw new IllegalStateException(run + " timed out: " + progress());
            }
        }
    }

    /** Done after exactly {@code expected} output records (stateless and join outputs, one per input). */
    static OutputTracker count(long expected) {
        return new OutputTracker() {
            private long seen;

            @Override
            public void accept(byte[] key, byte[] value) {
                seen++;
            }

            @Override
            public boolean done() {
                return seen >= expected;
            }

            @Override
            public long outputs() {
                return seen;
            }

            @Override
            public String progress() {
                return seen + " of " + expected + " outputs";
            }
        };
    }

    /**
     * Done when the latest counts of all keys (8-byte big-endian longs, one row per key, each an
     * update of that key's count) add up to {@code expectedSum}: with every input counted once,
     * that is when the final count of every key has been written, whether the application emits
     * every update or only the last one per commit (record caches).
     */
    static OutputTracker latestCountsSum(long expectedSum) {
        return latestSum(expectedSum, OutputTracker::decodeLong);
    }

    /**
     * As {@link #latestCountsSum}, with the count of each output value read by {@code countOf}
     * (e.g. from a JSON value); a null value (a tombstone) counts 0.
     */
    static OutputTracker latestSum(long expectedSum, java.util.function.ToLongFunction<byte[]> countOf) {
        return new OutputTracker() {
            private final LongLongMap latest = new LongLongMap(1 << 16);
            private long sum;
            private long seen;

            @Override
            public void accept(byte[] key, byte[] value) {
                seen++;
                long count = value == null ? 0 : countOf.applyAsLong(value);
                sum += count - latest.put(LongLongMap.hash(key), count);
            }

            @Override
            public boolean done() {
                return sum == expectedSum;
            }

            @Override
            public long outputs() {
                return seen;
            }

            @Override
            public String progress() {
                return "sum of latest counts " + sum + " of " + expectedSum + " after " + seen + " outputs over "
                        + latest.size() + " keys";
            }
        };
    }

    static long decodeLong(byte[] b) {
        long v = 0;
        for (int i = 0; i < 8; i++) {
            v = (v << 8) | (b[i] & 0xff);
        }
        return v;
    }
}
