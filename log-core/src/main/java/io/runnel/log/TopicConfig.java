package io.runnel.log;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * A topic's configuration, validated. Built from Kafka's property names with {@link #from(Map)}
 * (unknown names and bad values are rejected with a message naming the property) and turned back
 * into them with {@link #toMap()}, which is also the persisted form.
 *
 * @param segmentBytes          segment.bytes: roll a segment at this size (≥ 1024)
 * @param segmentMs             segment.ms: roll a segment this old (≥ 1)
 * @param retentionMs           retention.ms: delete segments whose newest record is older; -1 = forever
 * @param retentionBytes        retention.bytes: delete oldest segments beyond this size per partition; -1 = unbounded
 * @param cleanupPolicy         cleanup.policy
 * @param minCompactionLagMs    min.compaction.lag.ms: records younger than this are not compacted
 * @param deleteRetentionMs     delete.retention.ms: how long tombstones survive compaction
 * @param maxMessageBytes       max.message.bytes: largest batch accepted (≥ 0)
 * @param compressionType       compression.type: {@code producer} keeps the producer's, else recompress
 * @param timestampType         message.timestamp.type
 */
public record TopicConfig(
        int segmentBytes,
        long segmentMs,
        long retentionMs,
        long retentionBytes,
        CleanupPolicy cleanupPolicy,
        long minCompactionLagMs,
        long deleteRetentionMs,
        int maxMessageBytes,
        String compressionType,
        TimestampType timestampType) {

    public static final String SEGMENT_BYTES = "segment.bytes";
    public static final String SEGMENT_MS = "segment.ms";
    public static final String RETENTION_MS = "retention.ms";
    public static final String RETENTION_BYTES = "retention.bytes";
    public static final String CLEANUP_POLICY = "cleanup.policy";
    public static final String MIN_COMPACTION_LAG_MS = "min.compaction.lag.ms";
    public static final String DELETE_RETENTION_MS = "delete.retention.ms";
    public static final String MAX_MESSAGE_BYTES = "max.message.bytes";
    public static final String COMPRESSION_TYPE = "compression.type";
    public static final String MESSAGE_TIMESTAMP_TYPE = "message.timestamp.type";

    public static final Set<String> NAMES = Set.of(SEGMENT_BYTES, SEGMENT_MS, RETENTION_MS, RETENTION_BYTES,
            CLEANUP_POLICY, MIN_COMPACTION_LAG_MS, DELETE_RETENTION_MS, MAX_MESSAGE_BYTES, COMPRESSION_TYPE,
            MESSAGE_TIMESTAMP_TYPE);

    /** Kafka's defaults: 1 GiB / 7 day segments, 7 day retention, delete, producer compression. */
    public static final TopicConfig DEFAULT = new TopicConfig(1 << 30, 7L * 24 * 3600 * 1000, 7L * 24 * 3600 * 1000,
            -1, CleanupPolicy.DELETE, 0, 24L * 3600 * 1000, 1_048_588, "producer", TimestampType.CREATE_TIME);

    public TopicConfig {
        if (segmentBytes < 1024) {
            throw new InvalidConfigurationException(SEGMENT_BYTES, segmentBytes, "at least 1024");
        }
        if (segmentMs < 1) {
            throw new InvalidConfigurationException(SEGMENT_MS, segmentMs, "at least 1");
        }
        if (retentionMs < -1) {
            throw new InvalidConfigurationException(RETENTION_MS, retentionMs, "-1 (forever) or at least 0");
        }
        if (retentionBytes < -1) {
            throw new InvalidConfigurationException(RETENTION_BYTES, retentionBytes, "-1 (unbounded) or at least 0");
        }
        java.util.Objects.requireNonNull(cleanupPolicy, "cleanupPolicy");
        if (minCompactionLagMs < 0) {
            throw new InvalidConfigurationException(MIN_COMPACTION_LAG_MS, minCompactionLagMs, "at least 0");
        }
        if (deleteRetentionMs < 0) {
            throw new InvalidConfigurationException(DELETE_RETENTION_MS, deleteRetentionMs, "at least 0");
        }
        if (maxMessageBytes < 0) {
            throw new InvalidConfigurationException(MAX_MESSAGE_BYTES, maxMessageBytes, "at least 0");
        }
        java.util.Objects.requireNonNull(compressionType, "compressionType");
        if (!compressionType.equals("producer")) {
            CompressionType.forName(compressionType);
        }
        java.util.Objects.requireNonNull(timestampType, "timestampType");
    }

    /** The defaults overridden by {@code overrides} (Kafka property names, string or number values). */
    public static TopicConfig from(Map<String, ?> overrides) {
        return DEFAULT.with(overrides);
    }

    /** This configuration with some properties changed. */
    public TopicConfig with(Map<String, ?> overrides) {
        Map<String, String> m = toMap();
        for (Map.Entry<String, ?> e : overrides.entrySet()) {
            if (!NAMES.contains(e.getKey())) {
                throw new InvalidConfigurationException("Unknown topic configuration '" + e.getKey()
                        + "'; known: " + new java.util.TreeSet<>(NAMES));
            }
            m.put(e.getKey(), String.valueOf(e.getValue()));
        }
        return new TopicConfig(
                (int) number(m, SEGMENT_BYTES, Integer.MAX_VALUE),
                number(m, SEGMENT_MS, Long.MAX_VALUE),
                number(m, RETENTION_MS, Long.MAX_VALUE),
                number(m, RETENTION_BYTES, Long.MAX_VALUE),
                CleanupPolicy.forName(m.get(CLEANUP_POLICY)),
                number(m, MIN_COMPACTION_LAG_MS, Long.MAX_VALUE),
                number(m, DELETE_RETENTION_MS, Long.MAX_VALUE),
                (int) number(m, MAX_MESSAGE_BYTES, Integer.MAX_VALUE),
                m.get(COMPRESSION_TYPE).trim().toLowerCase(java.util.Locale.ROOT),
                TimestampType.forName(m.get(MESSAGE_TIMESTAMP_TYPE)));
    }

    /** Kafka property names to string values; the persisted form. */
    public Map<String, String> toMap() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put(SEGMENT_BYTES, Integer.toString(segmentBytes));
        m.put(SEGMENT_MS, Long.toString(segmentMs));
        m.put(RETENTION_MS, Long.toString(retentionMs));
        m.put(RETENTION_BYTES, Long.toString(retentionBytes));
        m.put(CLEANUP_POLICY, cleanupPolicy.configName());
        m.put(MIN_COMPACTION_LAG_MS, Long.toString(minCompactionLagMs));
        m.put(DELETE_RETENTION_MS, Long.toString(deleteRetentionMs));
        m.put(MAX_MESSAGE_BYTES, Integer.toString(maxMessageBytes));
        m.put(COMPRESSION_TYPE, compressionType);
        m.put(MESSAGE_TIMESTAMP_TYPE, timestampType.configName());
        return m;
    }

    private static long number(Map<String, String> m, String name, long max) {
        String v = m.get(name).trim();
        try {
            long n = Long.parseLong(v);
            if (n > max) {
                throw new InvalidConfigurationException(name, v, "at most " + max);
            }
            return n;
        } catch (NumberFormatException e) {
            throw new InvalidConfigurationException(name, v, "a whole number");
        }
    }
}
