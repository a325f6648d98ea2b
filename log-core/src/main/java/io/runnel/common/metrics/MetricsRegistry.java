package io.runnel.common.metrics;

import io.runnel.common.Time;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * The metrics of a process (or of a test): counters, meters (count + rate) and histograms (for
 * latencies, with percentiles), each created once per {@link MetricName} and then updated lock-free.
 * Callers look a metric up once and keep the reference: the hot path never touches the registry's
 * map. Asking for an existing name with another metric kind throws {@link IllegalArgumentException}.
 * Thread-safe.
 */
public final class MetricsRegistry {
    /** Rates are computed over {@value #SAMPLES} buckets of {@value #SAMPLE_MS} ms. */
    static final long SAMPLE_MS = 1_000;
    static final int SAMPLES = 30;

    private final Time time;
    private final ConcurrentMap<MetricName, Metric> metrics = new ConcurrentHashMap<>();

    public MetricsRegistry(Time time) {
        this.time = Objects.requireNonNull(time, "time");
    }

    public Counter counter(MetricName name) {
        return get(name, Counter.class, () -> new Counter(name));
    }

    public Meter meter(MetricName name) {
        return get(name, Meter.class, () -> new Meter(name, time, SAMPLE_MS, SAMPLES));
    }

    public Histogram histogram(MetricName name) {
        return get(name, Histogram.class, () -> new Histogram(name));
    }

    /** The metric of that name, or null. */
    public Metric metric(MetricName name) {
        return metrics.get(name);
    }

    /** Every metric, in no particular order. */
    public Collection<Metric> metrics() {
        return List.copyOf(metrics.values());
    }

    /** Removes the metrics whose tags contain every given tag (e.g. all metrics of a closed store). */
    public void removeAll(java.util.Map<String, String> tags) {
        metrics.keySet().removeIf(n -> n.tags().entrySet().containsAll(tags.entrySet()));
    }

    public Time time() {
        return time;
    }

    private <M extends Metric> M get(MetricName name, Class<M> kind, java.util.function.Supplier<M> make) {
        Objects.requireNonNull(name, "name");
        Metric m = metrics.computeIfAbsent(name, n -> make.get());
        if (!kind.isInstance(m)) {
            throw new IllegalArgumentException("metric " + name + " is a " + m.getClass().getSimpleName()
                    + ", not a " + kind.getSimpleName());
        }
        return kind.cast(m);
    }
}
