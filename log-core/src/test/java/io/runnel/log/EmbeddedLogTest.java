package io.runnel.log;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.runnel.common.ManualTime;
import io.runnel.common.Serdes;
import io.runnel.common.TopicPartition;
import io.runnel.log.internal.broker.LogPartition;
import io.runnel.log.internal.client.EmbeddedProducer;
import io.runnel.log.internal.record.MemoryRecordsBuilder;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedLogTest {
    @TempDir
    Path dir;

    private static Producer<String, String> producer(EmbeddedLog log) {
        return log.producer(Map.of(), Serdes.string().serializer(), Serdes.string().serializer());
    }

    private static Consumer<String, String> consumer(EmbeddedLog log, Map<String, ?> cfg) {
        return log.consumer(cfg, Serdes.string().deserializer(), Serdes.string().deserializer());
    }

    private static List<ConsumerRecord<String, String>> pollUntil(Consumer<String, String> c, int n) {
        List<ConsumerRecord<String, String>> all = new ArrayList<>();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (all.size() < n && System.nanoTime() < deadline) {
            c.poll(Duration.ofMillis(200)).forEach(all::add);
        }
        return all;
    }

    @Test
    void shouldKeepTopicsDataAndCommittedOffsetsAcrossARestart() {
        TopicPartition tp = new TopicPartition("orders", 1);
        try (EmbeddedLog log = EmbeddedLog.open(EmbeddedLogConfig.of(dir))) {
            log.admin().createTopic(new NewTopic("orders", 2, Map.of("retention.ms", "3600000")));
            try (Producer<String, String> p = producer(log)) {
                for (int i = 0; i < 20; i++) {
                    p.send(new ProducerRecord<>("orders", 1, "k" + i, "v" + i));
                }
            }
            try (Consumer<String, String> c = consumer(log, Map.of("group.id", "g", "auto.offset.reset", "earliest",
                    "enable.auto.commit", false))) {
                c.subscribe(List.of("orders"));
                List<ConsumerRecord<String, String>> read = pollUntil(c, 20);
                assertThat(read).hasSize(20);
                c.commitSync(Map.of(tp, new OffsetAndMetadata(12, "twelve")));
            }
        }
        try (EmbeddedLog log = EmbeddedLog.open(EmbeddedLogConfig.of(dir))) {
            TopicDescription d = log.admin().describeTopic("orders");
            assertThat(d.partitions()).isEqualTo(2);
            assertThat(d.config().retentionMs()).isEqualTo(3_600_000);
            assertThat(log.admin().listTopics(true)).contains("orders", "__consumer_offsets");
            assertThat(log.admin().listTopics(false)).containsExactly("orders");
            assertThat(log.admin().consumerGroupOffsets("g")).containsEntry(tp, new OffsetAndMetadata(12, "twelve"));
            assertThat(log.admin().consumerGroupLag("g")).containsEntry(tp, 8L);
            try (Consumer<String, String> c = consumer(log, Map.of("group.id", "g", "enable.auto.commit", false))) {
                c.subscribe(List.of("orders"));
                List<ConsumerRecord<String, String>> rest = pollUntil(c, 8);
                assertThat(rest).extracting(ConsumerRecord::value)
                        .containsExactly("v12", "v13", "v14", "v15", "v16", "v17", "v18", "v19");
                assertThat(log.admin().describeConsumerGroup("g").generation()).isGreaterThan(1);
            }
        }
    }

    @Test
    void shouldNotAppendARetriedIdempotentBatchTwice() {
        try (EmbeddedLog log = EmbeddedLog.open(EmbeddedLogConfig.of(dir).withFlushPolicy(FlushPolicy.NONE))) {
            log.admin().createTopic(new NewTopic("t", 1));
            LogPartition partition = log.broker().registry().partition(new TopicPartition("t", 0));
            long producerId = log.broker().producerIds().nextProducerId();
            MemoryRecordsBuilder builder = new MemoryRecordsBuilder(CompressionType.NONE, 16384);
            builder.producer(producerId, (short) 0, 0);
            builder.append(1L, bytes("a"), bytes("1"), null);
            builder.append(2L, bytes("b"), bytes("2"), null);
            ByteBuffer batch = builder.build();
            LogPartition.Appended first = partition.append(batch.duplicate()).join();
            LogPartition.Appended retry = partition.append(batch.duplicate()).join();
            assertThat(first.duplicate()).isFalse();
            assertThat(retry.duplicate()).isTrue();
            assertThat(retry.baseOffset()).isEqualTo(first.baseOffset());
            assertThat(partition.logEndOffset()).isEqualTo(2);
        }
    }

    @Test
    void shouldNeverReuseAProducerIdAfterARestart() {
        long first;
        try (EmbeddedLog log = EmbeddedLog.open(EmbeddedLogConfig.of(dir))) {
            first = ((EmbeddedProducer<String, String>) producer(log)).producerId();
        }
        try (EmbeddedLog log = EmbeddedLog.open(EmbeddedLogConfig.of(dir))) {
            assertThat(((EmbeddedProducer<String, String>) producer(log)).producerId()).isGreaterThan(first);
        }
    }

    @Test
    void shouldAcknowledgeAfterFsyncUnderTheDefaultFlushPolicy() {
        try (EmbeddedLog log = EmbeddedLog.open(EmbeddedLogConfig.of(dir))) {
            assertThat(log.config().flushPolicy()).isEqualTo(FlushPolicy.ALWAYS);
            log.admin().createTopic(new NewTopic("t", 1));
            try (Producer<String, String> p = producer(log)) {
                RecordMetadata m = p.send(new ProducerRecord<>("t", "k", "v")).join();
                assertThat(m.offset()).isZero();
                assertThat(log.admin().latestOffsets(List.of(m.topicPartition()))).containsEntry(m.topicPartition(), 1L);
            }
        }
    }

    @Test
    void shouldAutoCreateTopicsOnlyWhenConfigured() {
        try (EmbeddedLog log = EmbeddedLog.open(EmbeddedLogConfig.of(dir).withAutoCreateTopics(3))) {
            try (Producer<String, String> p = producer(log)) {
                p.send(new ProducerRecord<>("fresh", "k", "v")).join();
            }
            assertThat(log.admin().describeTopic("fresh").partitions()).isEqualTo(3);
        }
    }

    @Test
    void shouldDeleteExpiredSegmentsWhenRetentionRuns() {
        ManualTime time = new ManualTime();
        try (EmbeddedLog log = EmbeddedLog.open(EmbeddedLogConfig.of(dir).withTime(time)
                .withFlushPolicy(FlushPolicy.NONE))) {
            log.admin().createTopic(new NewTopic("t", 1, Map.of("segment.bytes", "1024", "retention.ms", "1000")));
            try (Producer<String, String> p = producer(log)) {
                for (int i = 0; i < 100; i++) {
                    p.send(new ProducerRecord<>("t", "k" + i, "value-" + i)).join();
                }
            }
            TopicPartition tp = new TopicPartition("t", 0);
            time.advance(60_000);
            log.enforceRetention();
            assertThat(log.admin().earliestOffsets(List.of(tp)).get(tp)).isGreaterThan(0L);
        }
    }

    @Test
    void shouldCompactACompactedTopicKeepingTheLatestValuePerKey() {
        try (EmbeddedLog log = EmbeddedLog.open(EmbeddedLogConfig.of(dir).withFlushPolicy(FlushPolicy.NONE))) {
            log.admin().createTopic(new NewTopic("table", 1, Map.of("cleanup.policy", "compact",
                    "segment.bytes", "1024", "min.compaction.lag.ms", "0")));
            try (Producer<String, String> p = producer(log)) {
                for (int i = 0; i < 300; i++) {
                    p.send(new ProducerRecord<>("table", "key" + (i % 5), "value-" + i)).join();
                }
            }
            boolean compacted = false;
            for (int round = 0; round < 10 && log.runCleanerOnce(); round++) {
                compacted = true;
            }
            assertThat(compacted).isTrue();
            try (Consumer<String, String> c = consumer(log, Map.of("auto.offset.reset", "earliest"))) {
                c.assign(List.of(new TopicPartition("table", 0)));
                Map<String, String> latest = new java.util.HashMap<>();
                int count = 0;
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
                while (c.position(new TopicPartition("table", 0)) < 300 && System.nanoTime() < deadline) {
                    for (ConsumerRecord<String, String> r : c.poll(Duration.ofMillis(100))) {
                        latest.put(r.key(), r.value());
                        count++;
                    }
                }
                assertThat(count).isLessThan(300);
                for (int k = 0; k < 5; k++) {
                    assertThat(latest.get("key" + k)).isEqualTo("value-" + (295 + k));
                }
            }
        }
    }

    @Test
    void shouldRejectUseAfterClose() {
        EmbeddedLog log = EmbeddedLog.open(EmbeddedLogConfig.of(dir));
        Admin admin = log.admin();
        log.close();
        assertThatThrownBy(() -> admin.listTopics(false)).isInstanceOf(LogClosedException.class);
        assertThatThrownBy(() -> producer(log)).isInstanceOf(LogClosedException.class);
    }

    @Test
    void shouldWakeABlockedPollWhenTheLogCloses() throws Exception {
        EmbeddedLog log = EmbeddedLog.open(EmbeddedLogConfig.of(dir));
        log.admin().createTopic(new NewTopic("t", 1));
        Consumer<String, String> c = consumer(log, Map.of());
        c.assign(List.of(new TopicPartition("t", 0)));
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newSingleThreadExecutor();
        try {
            java.util.concurrent.Future<?> polled = pool.submit(() -> c.poll(Duration.ofMinutes(5)));
            Thread.sleep(50);
            log.close();
            assertThatThrownBy(() -> polled.get(60, TimeUnit.SECONDS)).hasCauseInstanceOf(LogClosedException.class);
        } finally {
            pool.shutdownNow();
        }
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void shouldFailCommitsOfAConsumerWithoutGroup() {
        try (EmbeddedLog log = EmbeddedLog.open(EmbeddedLogConfig.of(dir))) {
            log.admin().createTopic(new NewTopic("t", 1));
            try (Consumer<String, String> c = consumer(log, Map.of())) {
                c.assign(Set.of(new TopicPartition("t", 0)));
                assertThatThrownBy(c::commitSync).isInstanceOf(InvalidConfigurationException.class)
                        .hasMessageContaining("group.id");
            }
        }
    }
}
