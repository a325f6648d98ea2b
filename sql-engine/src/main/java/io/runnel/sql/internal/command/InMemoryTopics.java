package io.runnel.sql.internal.command;

import java.util.Collection;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Topics held in a map (name to partition count): what tests and a catalog-only engine use in
 * place of a log. Thread-safe.
 */
public final class InMemoryTopics implements EngineTopics {

    private final Map<String, Integer> partitions = new ConcurrentHashMap<>();

    /** No topics. */
    public InMemoryTopics() {
    }

    /** These topics, one partition each. */
    public static InMemoryTopics of(Collection<String> names) {
        InMemoryTopics topics = new InMemoryTopics();
        for (String name : names) topics.partitions.put(Objects.requireNonNull(name, "name"), 1);
        return topics;
    }

    @Override
    public Set<String> names() {
        return new TreeSet<>(partitions.keySet());
    }

    @Override
    public OptionalInt partitions(String topic) {
        Integer count = partitions.get(topic);
        return count == null ? OptionalInt.empty() : OptionalInt.of(count);
    }

    @Override
    public void create(String topic, int partitionCount, boolean compacted) {
        if (partitionCount < 1) throw new IllegalArgumentException("partitions < 1: " + partitionCount);
        if (partitions.putIfAbsent(topic, partitionCount) != null) {
            throw new IllegalStateException("topic exists: " + topic);
        }
    }

    @Override
    public void delete(String topic) {
        if (partitions.remove(topic) == null) throw new IllegalStateException("no such topic: " + topic);
    }
}
