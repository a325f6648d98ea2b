package io.runnel.log.internal.segment;

import io.runnel.common.Time;
import io.runnel.common.TopicPartition;
import io.runnel.log.FlushPolicy;
import io.runnel.log.TopicConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * A data directory holding one sub-directory per partition, named {@code <topic>-<partition>} as
 * in Kafka (e.g. {@code orders-3}). Knows those names and opens partitions through
 * {@link PartitionLog#open}, which recovers a partition after an unclean stop. Stateless and
 * thread-safe; the caller owns the opened logs.
 */
public final class LogDirectory {
    private final Path root;

    public LogDirectory(Path root) {
        this.root = Objects.requireNonNull(root, "root");
    }

    public Path root() {
        return root;
    }

    /** The directory of a partition: {@code root/<topic>-<partition>}. */
    public Path partitionDir(TopicPartition tp) {
        return root.resolve(tp.topic() + "-" + tp.partition());
    }

    /** Opens (creating or recovering) a partition of this directory. */
    public PartitionLog open(TopicPartition tp, TopicConfig config, FlushPolicy flushPolicy, Time time,
                             Runnable onNewData) {
        return PartitionLog.open(partitionDir(tp), tp, config, flushPolicy, time, onNewData);
    }

    /** The partitions present on disk, sorted (directories not named {@code <topic>-<n>} are skipped). */
    public List<TopicPartition> partitions() {
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        List<TopicPartition> out = new ArrayList<>();
        try (Stream<Path> dirs = Files.list(root)) {
            for (Path d : (Iterable<Path>) dirs::iterator) {
                if (!Files.isDirectory(d)) {
                    continue;
                }
                String name = d.getFileName().toString();
                int dash = name.lastIndexOf('-');
                if (dash <= 0 || dash == name.length() - 1) {
                    continue;
                }
                try {
                    out.add(new TopicPartition(name.substring(0, dash), Integer.parseInt(name.substring(dash + 1))));
                } catch (IllegalArgumentException notAPartition) {
                    // not a partition directory
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + root, e);
        }
        out.sort(null);
        return out;
    }
}
