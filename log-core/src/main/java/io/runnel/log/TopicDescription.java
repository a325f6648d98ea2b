package io.runnel.log;

import java.util.Objects;

/** A topic as it exists: name, partition count, effective configuration, and whether it is internal. */
public record TopicDescription(String name, int partitions, TopicConfig config, boolean internal) {

    public TopicDescription {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(config, "config");
    }
}
