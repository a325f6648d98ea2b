package io.runnel.streams;

import static org.assertj.core.api.Assertions.assertThat;

import io.runnel.common.Serdes;
import io.runnel.log.Admin;
import io.runnel.log.Consumer;
import io.runnel.log.ConsumerRecord;
import io.runnel.log.EmbeddedLog;
import io.runnel.log.EmbeddedLogConfig;
import io.runnel.log.NewTopic;
import io.runnel.log.Producer;
import io.runnel.log.ProducerRecord;
import io.runnel.streams.dsl.Consumed;
import io.runnel.streams.dsl.Grouped;
import io.runnel.streams.dsl.Produced;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StreamsRuntimeTest {
    @TempDir
    Path dir;

    private static Topology wordCount() {
        StreamsBuilder b = new StreamsBuilder();
        b.stream("lines", Consumed.with(Serdes.string(), Serdes.string()))
                .flatMapValues(line -> Arrays.asList(line.split(" ")))
                .groupBy((k, w) -> w, Grouped.with(Serdes.string(), Serdes.string()).withName("words"))
                .count()
                .toStream().to("counts", Produced.with(Serdes.string(), Serdes.longSerde()));
        return b.build();
    }

    private static void produce(EmbeddedLog log, String... lines) {
        try (Producer<String, String> p = log.producer(Map.of("linger.ms", "0"), Serdes.string().serializer(),
                Serdes.string().serializer())) {
            int i = 0;
            for (String line : lines) {
                p.send(new ProducerRecord<>("lines", "k" + (i++), line));
            }
            p.flush();
        }
    }

    /** Reads the counts topic until every expected word has its expected count (or gives up after 60 s). */
    private static Map<String, Long> awaitCounts(Consumer<String, Long> consumer, Map<String, Long> expected) {
        Map<String, Long> latest = new HashMap<>();
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!latest.entrySet().containsAll(expected.entrySet()) && System.nanoTime() < deadline) {
            for (ConsumerRecord<String, Long> r : consumer.poll(Duration.ofMillis(100))) {
                latest.put(r.key(), r.value());
            }
        }
        return latest;
    }

    @Test
    void shouldCountWordsOverTheEmbeddedLogAndResumeFromCommittedOffsetsAndRestoredStateAfterRestart() {
        try (EmbeddedLog log = EmbeddedLog.open(EmbeddedLogConfig.of(dir.resolve("log")))) {
            try (Admin admin = log.admin()) {
                admin.createTopic(new NewTopic("lines", 2));
                admin.createTopic(new NewTopic("counts", 2));
            }
            Map<String, Object> config = Map.of(StreamsConfig.APPLICATION_ID_CONFIG, "wc",
                    StreamsConfig.STATE_DIR_CONFIG, dir.resolve("state").toString(),
                    StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, "50");
            List<StreamsRuntime.State> states = new ArrayList<>();
            try (Consumer<String, Long> out = log.consumer(Map.of("group.id", "reader", "auto.offset.reset", "earliest"),
                    Serdes.string().deserializer(), Serdes.longSerde().deserializer())) {
                out.subscribe(List.of("counts"));
                produce(log, "a b", "b c");
                StreamsRuntime runtime = new StreamsRuntime(wordCount(), config, log);
                runtime.setStateListener((n, o) -> states.add(n));
                runtime.start();
                assertThat(awaitCounts(out, Map.of("a", 1L, "b", 2L, "c", 1L)))
                        .containsEntry("a", 1L).containsEntry("b", 2L).containsEntry("c", 1L);
                runtime.close();
                assertThat(states).containsExactly(StreamsRuntime.State.RUNNING, StreamsRuntime.State.PENDING_SHUTDOWN,
                        StreamsRuntime.State.NOT_RUNNING);

                produce(log, "b d");
                StreamsRuntime again = new StreamsRuntime(wordCount(), config, log);
                again.start();
                assertThat(awaitCounts(out, Map.of("b", 3L, "d", 1L))).containsEntry("b", 3L).containsEntry("d", 1L);
                again.close();
            }
            try (Admin admin = log.admin()) {
                assertThat(admin.listTopics(true)).contains("wc-words-repartition", "wc-count-1-store-changelog");
            }
        }
    }

    @Test
    void shouldJoinStreamRecordsWithTableRowsOfEarlierTimestampsEvenWhenTheStreamTopicWasWrittenFirst() {
        try (EmbeddedLog log = EmbeddedLog.open(EmbeddedLogConfig.of(dir.resolve("log")))) {
            try (Admin admin = log.admin()) {
                admin.createTopic(new NewTopic("clicks", 1));
                admin.createTopic(new NewTopic("users", 1));
                admin.createTopic(new NewTopic("enriched", 1));
            }
            try (Producer<String, String> p = log.producer(Map.of(), Serdes.string().serializer(), Serdes.string().serializer())) {
                for (int i = 0; i < 3000; i++) {
                    p.send(new ProducerRecord<>("clicks", null, 100L + i, "u" + (i % 100), "click", List.of()));
                }
                for (int u = 0; u < 100; u++) {
                    p.send(new ProducerRecord<>("users", null, 1L, "u" + u, "region-" + u, List.of()));
                }
                p.flush();
            }
            StreamsBuilder b = new StreamsBuilder();
            var users = b.table("users", Consumed.with(Serdes.string(), Serdes.string()));
            b.stream("clicks", Consumed.with(Serdes.string(), Serdes.string()))
                    .join(users, (click, region) -> region)
                    .to("enriched", Produced.with(Serdes.string(), Serdes.string()));
            Map<String, Object> config = Map.of(StreamsConfig.APPLICATION_ID_CONFIG, "join",
                    StreamsConfig.STATE_DIR_CONFIG, dir.resolve("state").toString());
            int joined = 0;
            try (StreamsRuntime runtime = new StreamsRuntime(b.build(), config, log);
                 Consumer<String, String> out = log.consumer(Map.of("auto.offset.reset", "earliest"),
                         Serdes.string().deserializer(), Serdes.string().deserializer())) {
                runtime.start();
                out.assign(List.of(new io.runnel.common.TopicPartition("enriched", 0)));
                long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
                while (joined < 3000 && System.nanoTime() < deadline) {
                    for (ConsumerRecord<String, String> r : out.poll(Duration.ofMillis(100))) {
                        assertThat(r.value()).isEqualTo("region-" + r.key().substring(1));
                        joined++;
                    }
                }
            }
            assertThat(joined).as("every click joined: the table rows (timestamp 1) are processed first").isEqualTo(3000);
        }
    }

    @Test
    void shouldWriteEveryWindowOfAKeyToThePartitionOfTheKeyWithoutItsWindowAsKafkaStreamsDoes() {
        try (EmbeddedLog log = EmbeddedLog.open(EmbeddedLogConfig.of(dir.resolve("log")))) {
            try (Admin admin = log.admin()) {
                admin.createTopic(new NewTopic("views", 1));
                admin.createTopic(new NewTopic("windows", 4));
            }
            List<String> users = List.of("a", "b", "c", "d", "e", "f");
            try (Producer<String, String> p = log.producer(Map.of(), Serdes.string().serializer(), Serdes.string().serializer())) {
                for (int window = 0; window < 3; window++) {
                    for (String u : users) {
                        p.send(new ProducerRecord<>("views", null, window * 1000L + 10, u, "view", List.of()));
                    }
                }
                p.flush();
            }
            StreamsBuilder b = new StreamsBuilder();
            io.runnel.streams.dsl.TimeWindows windows = io.runnel.streams.dsl.TimeWindows.ofSizeWithNoGrace(
                    Duration.ofSeconds(1));
            b.stream("views", Consumed.with(Serdes.string(), Serdes.string()))
                    .groupByKey(Grouped.with(Serdes.string(), Serdes.string()))
                    .windowedBy(windows)
                    .count()
                    .toStream()
                    .to("windows", Produced.with(io.runnel.streams.serde.WindowedSerdes.timeWindowedSerde(Serdes.string(),
                            1000), Serdes.longSerde()));
            Map<String, Object> config = Map.of(StreamsConfig.APPLICATION_ID_CONFIG, "wp",
                    StreamsConfig.STATE_DIR_CONFIG, dir.resolve("state").toString(),
                    StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, "50");
            List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
            try (StreamsRuntime runtime = new StreamsRuntime(b.build(), config, log);
                    Consumer<byte[], byte[]> out = log.consumer(Map.of("group.id", "reader", "auto.offset.reset", "earliest"),
                            Serdes.byteArray().deserializer(), Serdes.byteArray().deserializer())) {
                runtime.start();
                out.subscribe(List.of("windows"));
                long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
                while (records.size() < 18 && System.nanoTime() < deadline) {
                    out.poll(Duration.ofMillis(100)).forEach(records::add);
                }
            }
            assertThat(records).hasSizeGreaterThanOrEqualTo(18);
            for (ConsumerRecord<byte[], byte[]> r : records) {
                byte[] user = Arrays.copyOf(r.key(), r.key().length - 8); // the key without its window start
                assertThat(r.partition()).isEqualTo(Producer.defaultPartition(user, user.length, 4));
            }
            assertThat(records.stream().map(ConsumerRecord::partition).distinct().count()).isGreaterThan(1);
        }
    }
}
