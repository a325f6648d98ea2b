package io.runnel.log.internal.broker;

import io.runnel.log.InvalidConfigurationException;
import io.runnel.log.TopicConfig;
import io.runnel.log.Topics;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * What is persisted about a topic: its name, partition count, configuration overrides (Kafka
 * property names; the rest are defaults) and whether it is internal.
 */
public record TopicMetadata(String name, int partitions, Map<String, String> configOverrides, boolean internal) {

    public TopicMetadata {
        Objects.requireNonNull(name, "name");
        Topics.validateName(name);
        if (partitions < 1) {
            throw new InvalidConfigurationException("partitions", partitions, "at least 1");
        }
        configOverrides = Map.copyOf(new TreeMap<>(configOverrides));
    }

    /** The effective configuration (defaults with the overrides); validates the overrides. */
    public TopicConfig config() {
        return TopicConfig.from(configOverrides);
    }
}
