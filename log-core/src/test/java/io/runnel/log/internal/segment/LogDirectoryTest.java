package io.runnel.log.internal.segment;

import static org.assertj.core.api.Assertions.assertThat;

import io.runnel.common.ManualTime;
import io.runnel.common.TopicPartition;
import io.runnel.log.FlushPolicy;
import io.runnel.log.TopicConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LogDirectoryTest {
    @TempDir
    Path root;

    @Test
    void shouldNamePartitionDirectoriesLikeKafkaAndListThem() throws Exception {
        LogDirectory directory = new LogDirectory(root);
        TopicPartition a = new TopicPartition("page-views", 3);
        TopicPartition b = new TopicPartition("orders", 0);
        assertThat(directory.partitionDir(a)).isEqualTo(root.resolve("page-views-3"));
        directory.open(a, TopicConfig.DEFAULT, FlushPolicy.NONE, new ManualTime(), () -> { }).close();
        directory.open(b, TopicConfig.DEFAULT, FlushPolicy.NONE, new ManualTime(), () -> { }).close();
        Files.createDirectories(root.resolve("not_a_partition"));
        assertThat(directory.partitions()).containsExactly(b, a);
    }
}
