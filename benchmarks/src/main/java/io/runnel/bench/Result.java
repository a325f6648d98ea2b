package io.runnel.bench;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * The outcome of one workload on one system, printed as one machine-readable line:
 * {@code result workload=NAME system=runnel records_per_s=N key=value ...}, figures in the order
 * they were given.
 */
public record Result(String workload, String system, double recordsPerSecond, Map<String, Object> figures) {

    public Result {
        Objects.requireNonNull(workload, "workload");
        Objects.requireNonNull(system, "system");
        if (workload.isBlank() || workload.contains(" ") || system.contains(" ")) {
            throw new IllegalArgumentException("workload and system names are single words");
        }
        figures = Collections.unmodifiableMap(new LinkedHashMap<>(figures));
    }

    /** The line printed for this result. */
    public String line() {
        StringBuilder sb = new StringBuilder("result workload=").append(workload)
                .append(" system=").append(system)
                .append(" records_per_s=").append(Math.round(recordsPerSecond));
        figures.forEach((k, v) -> sb.append(' ').append(k).append('=').append(format(v)));
        return sb.toString();
    }

    private static String format(Object v) {
        if (v instanceof Double || v instanceof Float) {
            return String.format(Locale.ROOT, "%.3f", ((Number) v).doubleValue());
        }
        return String.valueOf(v);
    }
}
