package io.runnel.bench.log;

import static org.assertj.core.api.Assertions.assertThat;

import io.runnel.common.Serdes;
import io.runnel.log.EmbeddedLog;
import io.runnel.log.EmbeddedLogConfig;
import io.runnel.log.FlushPolicy;
import io.runnel.log.NewTopic;
import io.runnel.log.Producer;
import io.runnel.log.ProducerRecord;
import io.runnel.log.RecordMetadata;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.common.utils.Utils;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Our producer puts every keyed record in the partition Kafka's default partitioner would choose. */
class KafkaPartitionerCompatibilityTest {
    @TempDir
    Path dir;

    @Test
    void shouldChooseTheSamePartitionAsKafkaFor10000RandomKeys() {
        Random random = new Random(20240611);
        int partitions = 7;
        try (EmbeddedLog log = EmbeddedLog.open(EmbeddedLogConfig.of(dir).withFlushPolicy(FlushPolicy.NONE))) {
            log.admin().createTopic(new NewTopic("keys", partitions));
            List<byte[]> keys = new ArrayList<>();
            List<CompletableFuture<RecordMetadata>> acks = new ArrayList<>();
            try (Producer<byte[], byte[]> producer = log.producer(Map.of("linger.ms", 5),
                    Serdes.byteArray().serializer(), Serdes.byteArray().serializer())) {
                for (int i = 0; i < 10_000; i++) {
                    byte[] key = new byte[random.nextInt(40)];
                    random.nextBytes(key);
                    keys.add(key);
                    acks.add(producer.send(new ProducerRecord<>("keys", key, new byte[] {1})));
                }
                producer.flush();
            }
            for (int i = 0; i < keys.size(); i++) {
                int kafka = Utils.toPositive(Utils.murmur2(keys.get(i))) % partitions;
                assertThat(acks.get(i).join().topicPartition().partition()).as("key #%d", i).isEqualTo(kafka);
            }
        }
    }
}
