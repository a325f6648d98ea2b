package io.runnel.log.internal.broker;

import io.runnel.common.TopicPartition;
import io.runnel.log.TopicConfig;
import java.nio.file.Path;

/** Opens (creating or recovering) the storage of one partition in its directory. */
@FunctionalInterface
public interface PartitionFactory {
    LogPartition open(Path dir, TopicPartition tp, TopicConfig config);
}
