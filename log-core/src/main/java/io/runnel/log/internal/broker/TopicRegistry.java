package io.runnel.log.internal.broker;

import io.runnel.common.TopicPartition;
import io.runnel.log.InvalidConfigurationException;
import io.runnel.log.InvalidTopicException;
import io.runnel.log.NewTopic;
import io.runnel.log.TopicConfig;
import io.runnel.log.TopicDescription;
import io.runnel.log.TopicExistsException;
import io.runnel.log.UnknownTopicException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * The topics of a log: their metadata (persisted by {@link TopicMetadataStore}) and one
 * {@link LogPartition} per partition, in {@code <dataDir>/data/<topic>-<partition>/}.
 *
 * <p><b>Create</b>: 1. the metadata file is written atomically; 2. the partitions are opened
 * (created). A crash after 1 leaves a topic whose partitions are created empty on restart.
 * <b>Delete</b>: 1. the metadata becomes a deletion marker; 2. partitions are closed and their
 * directories removed; 3. the marker is removed. After a crash during 2 or 3, {@link #load}
 * finishes the deletion before anything else, so a topic re-created with the same name never sees
 * old data.
 *
 * <p>Thread-safe: lookups are lock-free; create, delete and alter are serialized on this object.
 */
public final class TopicRegistry implements AutoCloseable {
    private final Path dataRoot;
    private final TopicMetadataStore store;
    private final PartitionFactory partitions;
    private final ConcurrentHashMap<String, Topic> topics = new ConcurrentHashMap<>();

    /** A topic with its open partitions. */
    public record Topic(TopicMetadata metadata, TopicConfig config, List<LogPartition> partitions) {
        public Topic {
            partitions = List.copyOf(partitions);
        }

        public TopicDescription describe() {
            return new TopicDescription(metadata.name(), metadata.partitions(), config, metadata.internal());
        }
    }

    public TopicRegistry(Path dataDir, PartitionFactory partitions) {
        this.dataRoot = dataDir.resolve("data");
        this.store = new TopicMetadataStore(dataDir);
        this.partitions = partitions;
        try {
            Files.createDirectories(dataRoot);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + dataRoot, e);
        }
    }

    /** Finishes interrupted deletions, then opens every persisted topic. */
    public synchronized void load() {
        for (String name : store.pendingDeletions()) {
            deletePartitionDirs(name);
            store.deleted(name);
        }
        for (TopicMetadata meta : store.loadAll()) {
            topics.put(meta.name(), open(meta));
        }
    }

    public synchronized Topic create(NewTopic newTopic, boolean internal) {
        if (topics.containsKey(newTopic.name())) {
            throw new TopicExistsException("Topic '" + newTopic.name() + "' already exists");
        }
        TopicMetadata meta = new TopicMetadata(newTopic.name(), newTopic.partitions(), newTopic.configs(), internal);
        meta.config(); // validates before anything is written
        store.write(meta);
        Topic topic = open(meta);
        topics.put(meta.name(), topic);
        return topic;
    }

    public synchronized void delete(String name) {
        Topic topic = get(name);
        if (topic.metadata().internal()) {
            throw new InvalidTopicException("Topic '" + name + "' is internal and cannot be deleted");
        }
        store.markDeleting(name);
        topics.remove(name);
        for (LogPartition p : topic.partitions()) {
            p.delete();
        }
        deletePartitionDirs(name);
        store.deleted(name);
    }

    /** Applies configuration changes (a null value reverts a property to its default). */
    public synchronized TopicConfig alterConfig(String name, Map<String, String> changes) {
        Topic topic = get(name);
        Map<String, String> overrides = new HashMap<>(topic.metadata().configOverrides());
        changes.forEach((k, v) -> {
            if (v == null) {
                if (!TopicConfig.NAMES.contains(k)) {
                    throw new InvalidConfigurationException("Unknown topic configuration '" + k + "'");
                }
                overrides.remove(k);
            } else {
                overrides.put(k, v);
            }
        });
        TopicMetadata meta = new TopicMetadata(name, topic.metadata().partitions(), overrides, topic.metadata().internal());
        TopicConfig config = meta.config();
        store.write(meta);
        for (LogPartition p : topic.partitions()) {
            p.updateConfig(config);
        }
        topics.put(name, new Topic(meta, config, topic.partitions()));
        return config;
    }

    /** The topic; throws {@link UnknownTopicException}. */
    public Topic get(String name) {
        Topic t = topics.get(name);
        if (t == null) {
            throw new UnknownTopicException("Topic '" + name + "' does not exist");
        }
        return t;
    }

    /** The topic or null. */
    public Topic find(String name) {
        return topics.get(name);
    }

    /** The partition; throws {@link UnknownTopicException} for an unknown topic or partition. */
    public LogPartition partition(TopicPartition tp) {
        Topic t = get(tp.topic());
        if (tp.partition() >= t.partitions().size()) {
            throw new UnknownTopicException("Partition " + tp + " does not exist: topic '" + tp.topic() + "' has "
                    + t.partitions().size() + " partition(s)");
        }
        return t.partitions().get(tp.partition());
    }

    /** Partition count or null when the topic does not exist. */
    public Integer partitionCount(String topic) {
        Topic t = topics.get(topic);
        return t == null ? null : t.metadata().partitions();
    }

    public Set<String> names(boolean includeInternal) {
        Set<String> names = new TreeSet<>();
        topics.forEach((n, t) -> {
            if (includeInternal || !t.metadata().internal()) {
                names.add(n);
            }
        });
        return names;
    }

    public Collection<Topic> all() {
        return topics.values();
    }

    @Override
    public synchronized void close() {
        RuntimeException first = null;
        for (Topic t : topics.values()) {
            for (LogPartition p : t.partitions()) {
                try {
                    p.close();
                } catch (RuntimeException e) {
                    if (first == null) {
                        first = e;
                    }
                }
            }
        }
        topics.clear();
        if (first != null) {
            throw first;
        }
    }

    private Topic open(TopicMetadata meta) {
        TopicConfig config = meta.config();
        List<LogPartition> list = new ArrayList<>(meta.partitions());
        for (int p = 0; p < meta.partitions(); p++) {
            TopicPartition tp = new TopicPartition(meta.name(), p);
            list.add(partitions.open(dataRoot.resolve(meta.name() + "-" + p), tp, config));
        }
        return new Topic(meta, config, list);
    }

    private void deletePartitionDirs(String topic) {
        try (Stream<Path> dirs = Files.list(dataRoot)) {
            for (Path d : dirs.toList()) {
                String n = d.getFileName().toString();
                int dash = n.lastIndexOf('-');
                if (dash > 0 && n.substring(0, dash).equals(topic) && n.substring(dash + 1).chars().allMatch(Character::isDigit)) {
                    deleteRecursively(d);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete partitions of topic " + topic, e);
        }
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
