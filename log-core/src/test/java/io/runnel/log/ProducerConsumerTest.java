package io.runnel.log;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.runnel.common.Header;
import io.runnel.common.Serdes;
import io.runnel.common.TopicPartition;
import io.runnel.log.internal.client.Partitioner;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProducerConsumerTest {
    @TempDir
    Path dir;
    EmbeddedLog log;
    Admin admin;

    @BeforeEach
    void open() {
        log = TestLogs.open(dir);
        admin = log.admin();
    }

    @AfterEach
    void close() {
        log.close();
    }

    private Producer<String, String> producer(Map<String, ?> cfg) {
        return log.producer(cfg, Serdes.string().serializer(), Serdes.string().serializer());
    }

    private Consumer<String, String> consumer(Map<String, ?> cfg) {
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
    void shouldReadBackKeysValuesHeadersAndTimestampsInTheKafkaPartitionOfEachKey() {
        admin.createTopic(new NewTopic("orders", 3));
        List<RecordMetadata> acks = new ArrayList<>();
        try (Producer<String, String> p = producer(Map.of())) {
            for (int i = 0; i < 30; i++) {
                acks.add(p.send(new ProducerRecord<>("orders", null, 1000L + i, "key" + i, "value" + i,
                        List.of(new Header("h", new byte[] {(byte) i})))).join());
            }
        }
        for (int i = 0; i < 30; i++) {
            int expected = Partitioner.toPositive(Partitioner.murmur2(("key" + i).getBytes(StandardCharsets.UTF_8))) % 3;
            assertThat(acks.get(i).topicPartition().partition()).isEqualTo(expected);
        }
        try (Consumer<String, String> c = consumer(Map.of("auto.offset.reset", "earliest"))) {
            c.assign(List.of(new TopicPartition("orders", 0), new TopicPartition("orders", 1),
                    new TopicPartition("orders", 2)));
            List<ConsumerRecord<String, String>> records = pollUntil(c, 30);
            assertThat(records).hasSize(30);
            Map<String, ConsumerRecord<String, String>> byKey = new HashMap<>();
            records.forEach(r -> byKey.put(r.key(), r));
            for (int i = 0; i < 30; i++) {
                ConsumerRecord<String, String> r = byKey.get("key" + i);
                assertThat(r.value()).isEqualTo("value" + i);
                assertThat(r.timestamp()).isEqualTo(1000L + i);
                assertThat(r.partition()).isEqualTo(acks.get(i).topicPartition().partition());
                assertThat(r.offset()).isEqualTo(acks.get(i).offset());
                assertThat(r.headers()).containsExactly(new Header("h", new byte[] {(byte) i}));
            }
        }
    }

    @Test
    void shouldRoundTripEveryCompressionType() {
        admin.createTopic(new NewTopic("t", 1));
        for (CompressionType type : CompressionType.values()) {
            try (Producer<String, String> p = producer(Map.of("compression.type", type.configName(), "linger.ms", 5))) {
                for (int i = 0; i < 50; i++) {
                    p.send(new ProducerRecord<>("t", "k", type + "-" + i));
                }
                p.flush();
            }
        }
        try (Consumer<String, String> c = consumer(Map.of("auto.offset.reset", "earliest"))) {
            c.assign(List.of(new TopicPartition("t", 0)));
            List<ConsumerRecord<String, String>> records = pollUntil(c, 250);
            assertThat(records).hasSize(250);
            assertThat(records.get(249).value()).isEqualTo("ZSTD-49");
            for (int i = 0; i < 250; i++) {
                assertThat(records.get(i).offset()).isEqualTo(i);
            }
        }
    }

    @Test
    void shouldRejectUnknownClientConfigurationNamingIt() {
        assertThatThrownBy(() -> producer(Map.of("lingr.ms", 5)))
                .isInstanceOf(InvalidConfigurationException.class).hasMessageContaining("lingr.ms");
        assertThatThrownBy(() -> consumer(Map.of("max.pol.records", 5)))
                .isInstanceOf(InvalidConfigurationException.class).hasMessageContaining("max.pol.records");
        assertThatThrownBy(() -> producer(Map.of("compression.type", "brotli")))
                .isInstanceOf(InvalidConfigurationException.class).hasMessageContaining("compression.type");
    }

    @Test
    void shouldFailSendToAnUnknownTopic() {
        try (Producer<String, String> p = producer(Map.of())) {
            CompletableFuture<RecordMetadata> f = p.send(new ProducerRecord<>("nope", "k", "v"));
            assertThatThrownBy(f::join).hasCauseInstanceOf(UnknownTopicException.class);
        }
    }

    @Test
    void shouldWakeALongPollingConsumerWhenDataArrives() throws Exception {
        admin.createTopic(new NewTopic("t", 1));
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try (Consumer<String, String> c = consumer(Map.of("auto.offset.reset", "earliest"));
             Producer<String, String> p = producer(Map.of())) {
            c.assign(List.of(new TopicPartition("t", 0)));
            c.poll(Duration.ZERO);
            Future<ConsumerRecords<String, String>> polled = pool.submit(() -> c.poll(Duration.ofMinutes(5)));
            p.send(new ProducerRecord<>("t", "k", "v")).join();
            assertThat(polled.get(60, TimeUnit.SECONDS).count()).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void shouldThrowWakeupExceptionFromABlockedPoll() throws Exception {
        admin.createTopic(new NewTopic("t", 1));
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try (Consumer<String, String> c = consumer(Map.of())) {
            c.assign(List.of(new TopicPartition("t", 0)));
            Future<ConsumerRecords<String, String>> polled = pool.submit(() -> c.poll(Duration.ofMinutes(5)));
            c.wakeup();
            assertThatThrownBy(() -> polled.get(60, TimeUnit.SECONDS)).hasCauseInstanceOf(WakeupException.class);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void shouldLimitRecordsPerPollAndContinueWhereItStopped() {
        admin.createTopic(new NewTopic("t", 1));
        send("t", 25);
        try (Consumer<String, String> c = consumer(Map.of("auto.offset.reset", "earliest", "max.poll.records", 10))) {
            c.assign(List.of(new TopicPartition("t", 0)));
            assertThat(c.poll(Duration.ofSeconds(5)).count()).isEqualTo(10);
            ConsumerRecords<String, String> second = c.poll(Duration.ofSeconds(5));
            assertThat(second.count()).isEqualTo(10);
            assertThat(second.iterator().next().offset()).isEqualTo(10);
            assertThat(c.position(new TopicPartition("t", 0))).isEqualTo(20);
        }
    }

    @Test
    void shouldApplyAutoOffsetReset() {
        admin.createTopic(new NewTopic("t", 1));
        send("t", 5);
        TopicPartition tp = new TopicPartition("t", 0);
        try (Consumer<String, String> latest = consumer(Map.of("auto.offset.reset", "latest"));
             Consumer<String, String> earliest = consumer(Map.of("auto.offset.reset", "earliest"));
             Consumer<String, String> none = consumer(Map.of("auto.offset.reset", "none", "group.id", "g"))) {
            latest.assign(List.of(tp));
            earliest.assign(List.of(tp));
            none.assign(List.of(tp));
            assertThat(latest.position(tp)).isEqualTo(5);
            assertThat(earliest.position(tp)).isEqualTo(0);
            assertThatThrownBy(() -> none.poll(Duration.ZERO)).isInstanceOf(NoOffsetForPartitionException.class);
        }
    }

    @Test
    void shouldSeekPauseAndResume() {
        admin.createTopic(new NewTopic("t", 1));
        send("t", 10);
        TopicPartition tp = new TopicPartition("t", 0);
        try (Consumer<String, String> c = consumer(Map.of("auto.offset.reset", "earliest"))) {
            c.assign(List.of(tp));
            c.seek(tp, 7);
            assertThat(pollUntil(c, 3)).extracting(ConsumerRecord::offset).containsExactly(7L, 8L, 9L);
            c.seekToBeginning(List.of(tp));
            assertThat(c.position(tp)).isZero();
            c.pause(List.of(tp));
            assertThat(c.paused()).containsExactly(tp);
            assertThat(c.poll(Duration.ofMillis(50)).isEmpty()).isTrue();
            c.resume(List.of(tp));
            assertThat(c.poll(Duration.ofSeconds(5)).count()).isEqualTo(10);
            c.seekToEnd(List.of(tp));
            assertThat(c.position(tp)).isEqualTo(10);
        }
    }

    @Test
    void shouldAnswerOffsetQueries() {
        admin.createTopic(new NewTopic("t", 1));
        TopicPartition tp = new TopicPartition("t", 0);
        try (Producer<String, String> p = producer(Map.of())) {
            for (int i = 0; i < 10; i++) {
                p.send(new ProducerRecord<>("t", null, 100L * i, "k", "v" + i, List.of()));
            }
            p.flush();
        }
        try (Consumer<String, String> c = consumer(Map.of())) {
            assertThat(c.beginningOffsets(List.of(tp))).containsEntry(tp, 0L);
            assertThat(c.endOffsets(List.of(tp))).containsEntry(tp, 10L);
            assertThat(c.offsetsForTimes(Map.of(tp, 250L))).containsEntry(tp, new OffsetAndTimestamp(3, 300));
            assertThat(c.offsetsForTimes(Map.of(tp, 5000L))).isEmpty();
        }
        assertThat(admin.earliestOffsets(List.of(tp))).containsEntry(tp, 0L);
        assertThat(admin.latestOffsets(List.of(tp))).containsEntry(tp, 10L);
        assertThat(admin.offsetsForTimes(Map.of(tp, 0L))).containsEntry(tp, new OffsetAndTimestamp(0, 0));
    }

    @Test
    void shouldCommitAndReadCommittedOffsets() {
        admin.createTopic(new NewTopic("t", 1));
        send("t", 10);
        TopicPartition tp = new TopicPartition("t", 0);
        try (Consumer<String, String> c = consumer(Map.of("group.id", "g", "auto.offset.reset", "earliest",
                "enable.auto.commit", false))) {
            c.assign(List.of(tp));
            assertThat(pollUntil(c, 10)).hasSize(10);
            c.commitSync();
            assertThat(c.committed(Set.of(tp))).containsEntry(tp, new OffsetAndMetadata(10));
            List<Exception> errors = new ArrayList<>();
            c.commitAsync((offsets, e) -> errors.add(e));
            assertThat(errors).containsOnlyNulls().hasSize(1);
        }
        try (Consumer<String, String> c = consumer(Map.of("group.id", "g"))) {
            c.assign(List.of(tp));
            assertThat(c.position(tp)).isEqualTo(10);
        }
        assertThat(admin.consumerGroupOffsets("g")).containsEntry(tp, new OffsetAndMetadata(10));
        send("t", 5);
        assertThat(admin.consumerGroupLag("g")).containsEntry(tp, 5L);
    }

    @Test
    void shouldLetManyConsumersReadConcurrentlyWhileProducersAppendInParallel() throws Exception {
        admin.createTopic(new NewTopic("t", 4));
        int perProducer = 2_000;
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try (Producer<String, String> p = producer(Map.of("linger.ms", 1))) {
            List<Future<?>> producers = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                int partition = t;
                producers.add(pool.submit(() -> {
                    for (int i = 0; i < perProducer; i++) {
                        p.send(new ProducerRecord<>("t", partition, "k" + i, "v" + i));
                    }
                    p.flush();
                }));
            }
            List<Future<Integer>> consumers = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                consumers.add(pool.submit(() -> {
                    try (Consumer<String, String> c = consumer(Map.of("auto.offset.reset", "earliest"))) {
                        c.assign(List.of(new TopicPartition("t", 0), new TopicPartition("t", 1),
                                new TopicPartition("t", 2), new TopicPartition("t", 3)));
                        return pollUntil(c, 4 * perProducer).size();
                    }
                }));
            }
            for (Future<?> f : producers) {
                f.get(60, TimeUnit.SECONDS);
            }
            for (Future<Integer> f : consumers) {
                assertThat(f.get(60, TimeUnit.SECONDS)).isEqualTo(4 * perProducer);
            }
        } finally {
            pool.shutdownNow();
        }
        for (int partition = 0; partition < 4; partition++) {
            TopicPartition tp = new TopicPartition("t", partition);
            assertThat(admin.latestOffsets(List.of(tp))).containsEntry(tp, (long) perProducer);
        }
    }

    @Test
    void shouldKeepProducingAfterTheLogRejectedABatch() {
        admin.createTopic(new NewTopic("t", 1));
        try (Producer<String, String> p = producer(Map.of("linger.ms", 50))) {
            p.send(new ProducerRecord<>("t", 0, "k", "first")).join();
            admin.alterTopicConfig("t", Map.of("max.message.bytes", "300"));
            List<CompletableFuture<RecordMetadata>> rejected = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                rejected.add(p.send(new ProducerRecord<>("t", 0, "k", "x".repeat(100))));
            }
            p.flush();
            assertThat(rejected).allSatisfy(f -> assertThatThrownBy(f::join)
                    .hasCauseInstanceOf(RecordTooLargeException.class));
            RecordMetadata after = p.send(new ProducerRecord<>("t", 0, "k", "small")).join();
            assertThat(after.offset()).isEqualTo(1);
        }
    }

    @Test
    void shouldGiveASubscriberThePartitionsOfATopicCreatedAfterItSubscribed() {
        try (Consumer<String, String> c = consumer(Map.of("group.id", "late", "auto.offset.reset", "earliest"))) {
            c.subscribe(List.of("later"));
            c.poll(Duration.ofMillis(50));
            assertThat(c.assignment()).isEmpty();
            admin.createTopic(new NewTopic("later", 2));
            send("later", 4);
            assertThat(pollUntil(c, 4)).hasSize(4);
            assertThat(c.assignment()).hasSize(2);
        }
    }

    private void send(String topic, int n) {
        try (Producer<String, String> p = producer(Map.of())) {
            for (int i = 0; i < n; i++) {
                p.send(new ProducerRecord<>(topic, "k" + i, "v" + i));
            }
            p.flush();
        }
    }
}
