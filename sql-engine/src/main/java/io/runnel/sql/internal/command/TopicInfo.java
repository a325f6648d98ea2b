package io.runnel.sql.internal.command;

import java.util.Objects;

/** One line of SHOW TOPICS: the topic and its partition count (replicas are always 1 in an embedded log). */
public record TopicInfo(String name, int partitions) {
    public TopicInfo {
        Objects.requireNonNull(name, "name");
        if (partitions < 1) throw new IllegalArgumentException("partitions < 1: " + partitions);
    }
}
