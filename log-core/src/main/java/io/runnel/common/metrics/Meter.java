package io.runnel.common.metrics;

import io.runnel.common.Time;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.LongAdder;

/**
 * A count and its rate per second over a sliding window of {@code samples} buckets of
 * {@code sampleMs} each (the current bucket included), measured with the registry's {@link Time}.
 * Thread-safe and lock-free: a bucket whose epoch is stale is reset by the first writer of the new
 * epoch (a racing writer may lose a few events at a bucket boundary; the total never loses any).
 */
public final class Meter implements Metric {
    private final MetricName name;
    private final Time time;
    private final long sampleMs;
    private final int samples;
    private final LongAdder total = new LongAdder();
    private final AtomicLongArray counts;
    private final AtomicLongArray epochs;

    Meter(MetricName name, Time time, long sampleMs, int samples) {
        this.name = name;
        this.time = time;
        this.sampleMs = sampleMs;
        this.samples = samples;
        this.counts = new AtomicLongArray(samples);
        this.epochs = new AtomicLongArray(samples);
        for (int i = 0; i < samples; i++) {
            epochs.set(i, -1);
        }
    }

    public void mark() {
        mark(1);
    }

    public void mark(long n) {
        total.add(n);
        long epoch = time.milliseconds() / sampleMs;
        int i = (int) (epoch % samples);
        long seen = epochs.get(i);
        if (seen != epoch) {
            if (epochs.compareAndSet(i, seen, epoch)) {
                counts.set(i, 0);
            }
        }
        counts.addAndGet(i, n);
    }

    public long count() {
        return total.sum();
    }

    /** Events per second over the window (the current, partial bucket counted as elapsed time). */
    public double rate() {
        long now = time.milliseconds();
        long epoch = now / sampleMs;
        long sum = 0;
        long oldest = epoch;
        for (int i = 0; i < samples; i++) {
            long e = epochs.get(i);
            if (e > epoch - samples && e <= epoch) {
                sum += counts.get(i);
                oldest = Math.min(oldest, e);
            }
        }
        long elapsedMs = (epoch - oldest) * sampleMs + (now % sampleMs) + 1;
        return sum * 1000.0 / elapsedMs;
    }

    @Override
    public MetricName metricName() {
        return name;
    }
}
