package io.runnel.state.internal.wrap;

import io.runnel.common.metrics.Histogram;
import io.runnel.common.metrics.MetricName;
import io.runnel.common.metrics.MetricsRegistry;
import java.util.Map;

/**
 * The metrics of one store instance, group {@code state-store}, tags {@code task}, {@code store}
 * and {@code type} (the supplier's metrics scope): latency histograms in nanoseconds whose counts
 * are the operation counts — {@code put-latency}, {@code get-latency}, {@code range-latency}
 * (from open to close of the iterator), {@code flush-latency}, {@code restore-latency} (per batch),
 * {@code delete-latency} — and the counter {@code restored-records}.
 */
public final class StoreMetrics {
    public static final String GROUP = "state-store";

    final Histogram put;
    final Histogram get;
    final Histogram range;
    final Histogram flush;
    final Histogram delete;
    final Histogram restore;
    final io.runnel.common.metrics.Counter restoredRecords;
    private final MetricsRegistry registry;
    private final Map<String, String> tags;

    public StoreMetrics(MetricsRegistry registry, String taskId, String scope, String storeName) {
        this.registry = registry;
        this.tags = Map.of("task", taskId, "store", storeName, "type", scope);
        put = registry.histogram(name("put-latency"));
        get = registry.histogram(name("get-latency"));
        range = registry.histogram(name("range-latency"));
        flush = registry.histogram(name("flush-latency"));
        delete = registry.histogram(name("delete-latency"));
        restore = registry.histogram(name("restore-latency"));
        restoredRecords = registry.counter(name("restored-records"));
    }

    private MetricName name(String metric) {
        return new MetricName(GROUP, metric, tags);
    }

    /** Removes this store's metrics from the registry (on close). */
    public void remove() {
        registry.removeAll(tags);
    }
}
