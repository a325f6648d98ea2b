package io.runnel.log;

import io.runnel.common.Time;
import java.nio.file.Path;
import java.util.Objects;

/**
 * How to open an {@link EmbeddedLog}.
 *
 * @param dataDir                  the directory holding topics, partitions and log state (created if missing)
 * @param flushPolicy              when appends are acknowledged relative to fsync (default {@link FlushPolicy#ALWAYS})
 * @param time                     the clock for timestamps, retention, group timeouts (default {@link Time#SYSTEM})
 * @param defaultPartitions        partitions of auto-created topics (default 1)
 * @param autoCreateTopics         whether producing to a missing topic creates it (default false)
 * @param cleanerEnabled           whether compacted topics are compacted in the background (default true)
 * @param retentionCheckIntervalMs how often retention runs (default 300000, Kafka's log.retention.check.interval.ms)
 */
public record EmbeddedLogConfig(Path dataDir, FlushPolicy flushPolicy, Time time, int defaultPartitions,
                                boolean autoCreateTopics, boolean cleanerEnabled, long retentionCheckIntervalMs) {

    public EmbeddedLogConfig {
        Objects.requireNonNull(dataDir, "dataDir");
        Objects.requireNonNull(flushPolicy, "flushPolicy");
        Objects.requireNonNull(time, "time");
        if (defaultPartitions < 1) {
            throw new InvalidConfigurationException("defaultPartitions", defaultPartitions, "at least 1");
        }
        if (retentionCheckIntervalMs < 1) {
            throw new InvalidConfigurationException("retentionCheckIntervalMs", retentionCheckIntervalMs, "at least 1");
        }
    }

    /** The defaults for a data directory. */
    public static EmbeddedLogConfig of(Path dataDir) {
        return new EmbeddedLogConfig(dataDir, FlushPolicy.ALWAYS, Time.SYSTEM, 1, false, true, 300_000);
    }

    public EmbeddedLogConfig withFlushPolicy(FlushPolicy policy) {
        return new EmbeddedLogConfig(dataDir, policy, time, defaultPartitions, autoCreateTopics, cleanerEnabled,
                retentionCheckIntervalMs);
    }

    public EmbeddedLogConfig withTime(Time clock) {
        return new EmbeddedLogConfig(dataDir, flushPolicy, clock, defaultPartitions, autoCreateTopics, cleanerEnabled,
                retentionCheckIntervalMs);
    }

    /** Producing to a missing topic creates it with {@code partitions} partitions. */
    public EmbeddedLogConfig withAutoCreateTopics(int partitions) {
        return new EmbeddedLogConfig(dataDir, flushPolicy, time, partitions, true, cleanerEnabled,
                retentionCheckIntervalMs);
    }

    public EmbeddedLogConfig withCleaner(boolean enabled) {
        return new EmbeddedLogConfig(dataDir, flushPolicy, time, defaultPartitions, autoCreateTopics, enabled,
                retentionCheckIntervalMs);
    }

    public EmbeddedLogConfig withRetentionCheckIntervalMs(long ms) {
        return new EmbeddedLogConfig(dataDir, flushPolicy, time, defaultPartitions, autoCreateTopics, cleanerEnabled, ms);
    }
}
