package io.runnel.common.metrics;

import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The identity of a metric: a group (e.g. {@code state-store}), a name (e.g. {@code put-latency})
 * and tags (e.g. {@code store=orders, task=0_1}). Tags are kept sorted so equal names print alike.
 */
public record MetricName(String group, String name, Map<String, String> tags) {

    public MetricName {
        Objects.requireNonNull(group, "group");
        Objects.requireNonNull(name, "name");
        tags = java.util.Collections.unmodifiableSortedMap(new TreeMap<>(Objects.requireNonNull(tags, "tags")));
    }

    public static MetricName of(String group, String name, String... tagKeysAndValues) {
        if (tagKeysAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("tags come in key, value pairs");
        }
        Map<String, String> tags = new TreeMap<>();
        for (int i = 0; i < tagKeysAndValues.length; i += 2) {
            tags.put(tagKeysAndValues[i], tagKeysAndValues[i + 1]);
        }
        return new MetricName(group, name, tags);
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(group).append(':').append(name);
        tags.forEach((k, v) -> sb.append(',').append(k).append('=').append(v));
        return sb.toString();
    }
}
