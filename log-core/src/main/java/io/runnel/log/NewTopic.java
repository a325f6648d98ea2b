package io.runnel.log;

import java.util.Map;
import java.util.Objects;

/** A topic to create: name, partition count and configuration overrides (Kafka property names). */
public record NewTopic(String name, int partitions, Map<String, String> configs) {

    public NewTopic {
        Objects.requireNonNull(name, "name");
        Topics.validateName(name);
        if (partitions < 1) {
            throw new InvalidConfigurationException("partitions", partitions, "at least 1");
        }
        configs = configs == null ? Map.of() : Map.copyOf(configs);
    }

    public NewTopic(String name, int partitions) {
        this(name, partitions, Map.of());
    }
}
