package io.runnel.common.metrics;

/** A metric of a {@link MetricsRegistry}: a {@link Counter}, a {@link Meter} or a {@link Histogram}. */
public sealed interface Metric permits Counter, Meter, Histogram {

    MetricName metricName();
}
