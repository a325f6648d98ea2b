package io.runnel.common.metrics;

import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.LongAdder;

/**
 * A histogram of non-negative long values (typically latencies in nanoseconds) with log-linear
 * buckets, as HdrHistogram: values below {@code 2^SUB_BITS} have a bucket each; above, every power
 * of two is split in {@code 2^SUB_BITS} equal sub-buckets, so a percentile is reported with a
 * relative error below {@code 2^-SUB_BITS} (under 1.6%). Recording is one array increment (no
 * allocation, no lock); thread-safe. Percentiles are computed on read.
 */
public final class Histogram implements Metric {
    static final int SUB_BITS = 6;
    private static final int SUB_COUNT = 1 << SUB_BITS;
    private static final int BUCKETS = (64 - SUB_BITS + 1) * SUB_COUNT;

    private final MetricName name;
    private final AtomicLongArray counts = new AtomicLongArray(BUCKETS);
    private final LongAdder sum = new LongAdder();
    private final LongAdder total = new LongAdder();

    Histogram(MetricName name) {
        this.name = name;
    }

    /** Records a value; negative values count as 0. */
    public void record(long value) {
        long v = Math.max(0, value);
        counts.incrementAndGet(index(v));
        sum.add(v);
        total.increment();
    }

    public long count() {
        return total.sum();
    }

    public double mean() {
        long n = total.sum();
        return n == 0 ? 0 : (double) sum.sum() / n;
    }

    /**
     * The value at the given percentile (0 to 100): the upper bound of the bucket holding that
     * rank, so never below the true value and within the bucket's relative error above it.
     * 0 when nothing was recorded.
     */
    public long percentile(double percentile) {
        if (percentile < 0 || percentile > 100) {
            throw new IllegalArgumentException("percentile not in [0, 100]: " + percentile);
        }
        long[] snapshot = new long[BUCKETS];
        long n = 0;
        for (int i = 0; i < BUCKETS; i++) {
            snapshot[i] = counts.get(i);
            n += snapshot[i];
        }
        if (n == 0) {
            return 0;
        }
        long rank = Math.max(1, (long) Math.ceil(percentile / 100.0 * n));
        long seen = 0;
        for (int i = 0; i < BUCKETS; i++) {
            seen += snapshot[i];
            if (seen >= rank) {
                return upperBound(i);
            }
        }
        return upperBound(BUCKETS - 1);
    }

    static int index(long v) {
        if (v < SUB_COUNT) {
            return (int) v;
        }
        int exponent = 63 - Long.numberOfLeadingZeros(v);
        int shift = exponent - SUB_BITS;
        int sub = (int) (v >>> shift) - SUB_COUNT;
        return (shift + 1) * SUB_COUNT + sub;
    }

    /** The largest value mapped to bucket {@code i}. */
    static long upperBound(int i) {
        if (i < SUB_COUNT) {
            return i;
        }
        int shift = i / SUB_COUNT - 1;
        long sub = i % SUB_COUNT + SUB_COUNT;
        long lower = sub << shift;
        return lower + (1L << shift) - 1;
    }

    @Override
    public MetricName metricName() {
        return name;
    }
}
