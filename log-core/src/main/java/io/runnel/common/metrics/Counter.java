package io.runnel.common.metrics;

import java.util.concurrent.atomic.LongAdder;

/** A monotonically increasing count. Thread-safe; increments do not contend (a {@link LongAdder}). */
public final class Counter implements Metric {
    private final MetricName name;
    private final LongAdder count = new LongAdder();

    Counter(MetricName name) {
        this.name = name;
    }

    public void increment() {
        count.increment();
    }

    public void add(long n) {
        count.add(n);
    }

    public long count() {
        return count.sum();
    }

    @Override
    public MetricName metricName() {
        return name;
    }
}
