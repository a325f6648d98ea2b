package io.runnel.bench.e2e;

import java.lang.management.ManagementFactory;
import java.lang.management.OperatingSystemMXBean;
import java.util.Locale;

/**
 * What the machine was doing during a run: this JVM's CPU time (both systems run in this JVM,
 * Kafka's broker included) and the system load average, printed with the results because a
 * shared machine's load changes wall-clock figures a lot.
 */
public final class Machine {

    private Machine() {
    }

    /** CPU time of this JVM in nanoseconds, or 0 when the platform does not say. */
    public static long processCpuNanos() {
        OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
        if (os instanceof com.sun.management.OperatingSystemMXBean sun) {
            return Math.max(0, sun.getProcessCpuTime());
        }
        return 0;
    }

    /** The one-minute system load average, e.g. {@code 3.10}. */
    public static String loadAverage() {
        return String.format(Locale.ROOT, "%.2f", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }
}
