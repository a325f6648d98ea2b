package io.runnel.log.internal.client;

import io.runnel.log.InvalidConfigurationException;
import io.runnel.log.internal.group.PartitionAssignor;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A consumer's validated configuration, with Kafka 3.9's defaults.
 *
 * @param groupId              group.id (null = no group: assign() only, no commits)
 * @param clientId             client.id
 * @param autoOffsetReset      auto.offset.reset: earliest | latest (default) | none
 * @param enableAutoCommit     enable.auto.commit (true when a group.id is set)
 * @param autoCommitIntervalMs auto.commit.interval.ms (5000)
 * @param maxPollRecords       max.poll.records (500)
 * @param fetchMaxBytes        fetch.max.bytes (52428800)
 * @param maxPartitionFetchBytes max.partition.fetch.bytes (1048576)
 * @param sessionTimeoutMs     session.timeout.ms (45000)
 * @param maxPollIntervalMs    max.poll.interval.ms (300000)
 * @param assignor             partition.assignment.strategy (range)
 */
public record ConsumerConfig(String groupId, String clientId, String autoOffsetReset, boolean enableAutoCommit,
                             long autoCommitIntervalMs, int maxPollRecords, int fetchMaxBytes,
                             int maxPartitionFetchBytes, long sessionTimeoutMs, long maxPollIntervalMs,
                             PartitionAssignor assignor) {

    public static final Set<String> NAMES = Set.of("group.id", "client.id", "auto.offset.reset", "enable.auto.commit",
            "auto.commit.interval.ms", "max.poll.records", "fetch.max.bytes", "max.partition.fetch.bytes",
            "session.timeout.ms", "max.poll.interval.ms", "heartbeat.interval.ms", "partition.assignment.strategy",
            "isolation.level", "fetch.min.bytes", "fetch.max.wait.ms", "group.instance.id", "request.timeout.ms",
            "default.api.timeout.ms");

    public static ConsumerConfig from(Map<String, ?> config, String defaultClientId) {
        ClientConfig c = new ClientConfig("consumer", config, NAMES);
        String groupId = c.string("group.id", null);
        if (groupId != null && groupId.isEmpty()) {
            groupId = null;
        }
        String reset = c.string("auto.offset.reset", "latest").toLowerCase(Locale.ROOT);
        if (!reset.equals("earliest") && !reset.equals("latest") && !reset.equals("none")) {
            throw new InvalidConfigurationException("auto.offset.reset", reset, "earliest, latest or none");
        }
        boolean autoCommit = c.bool("enable.auto.commit", groupId != null);
        if (autoCommit && groupId == null && config.containsKey("enable.auto.commit")) {
            throw new InvalidConfigurationException("enable.auto.commit=true requires a group.id");
        }
        String isolation = c.string("isolation.level", "read_uncommitted").toLowerCase(Locale.ROOT);
        if (!isolation.equals("read_uncommitted") && !isolation.equals("read_committed")) {
            throw new InvalidConfigurationException("isolation.level", isolation, "read_uncommitted or read_committed");
        }
        long session = c.longValue("session.timeout.ms", 45_000, 1);
        long heartbeat = c.longValue("heartbeat.interval.ms", 3_000, 1);
        if (heartbeat >= session) {
            throw new InvalidConfigurationException("heartbeat.interval.ms", heartbeat,
                    "less than session.timeout.ms (" + session + ")");
        }
        c.longValue("fetch.min.bytes", 1, 0);
        c.longValue("fetch.max.wait.ms", 500, 0);
        c.longValue("request.timeout.ms", 30_000, 0);
        c.longValue("default.api.timeout.ms", 60_000, 0);
        c.string("group.instance.id", null);
        String strategy = c.string("partition.assignment.strategy", "range");
        if (strategy.contains(",")) {
            strategy = strategy.substring(0, strategy.indexOf(',')).trim(); // the first preferred, as Kafka
        }
        return new ConsumerConfig(groupId, c.string("client.id", defaultClientId), reset, autoCommit,
                c.longValue("auto.commit.interval.ms", 5_000, 0),
                c.intValue("max.poll.records", 500, 1),
                c.intValue("fetch.max.bytes", 52_428_800, 0),
                c.intValue("max.partition.fetch.bytes", 1_048_576, 1),
                session,
                c.longValue("max.poll.interval.ms", 300_000, 1),
                PartitionAssignor.forName(strategy));
    }

    /** How long a member may go without polling before the group removes it (polling is the heartbeat). */
    public long memberTimeoutMs() {
        return Math.min(sessionTimeoutMs, maxPollIntervalMs);
    }
}
