package io.runnel.state;

import static org.assertj.core.api.Assertions.assertThat;

import io.runnel.common.ManualTime;
import io.runnel.common.Serdes;
import io.runnel.common.TopicPartition;
import io.runnel.log.Admin;
import io.runnel.log.Consumer;
import io.runnel.log.EmbeddedLog;
import io.runnel.log.EmbeddedLogConfig;
import io.runnel.log.NewTopic;
import io.runnel.log.Producer;
import io.runnel.log.ProducerRecord;
import io.runnel.log.RecordMetadata;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Change logging to and restore from the real embedded log, as the streams runtime will wire them. */
class EmbeddedLogRestoreTest {
    static RocksDBResources rocks;
    static final TopicPartition CHANGELOG = new TopicPartition("app-kv-changelog", 0);

    @TempDir
    Path dir;
    final ManualTime time = new ManualTime();
    EmbeddedLog log;
    Producer<byte[], byte[]> producer;
    CompletableFuture<RecordMetadata> lastSend;

    @BeforeAll
    static void openRocks() {
        rocks = RocksDBResources.create(64L << 20);
    }

    @AfterAll
    static void closeRocks() {
        rocks.close();
    }

    @BeforeEach
    void openLog() {
        log = EmbeddedLog.open(EmbeddedLogConfig.of(dir.resolve("log")).withTime(time).withCleaner(false));
        producer = log.producer(Map.of("linger.ms", "0"), Serdes.byteArray().serializer(), Serdes.byteArray().serializer());
    }

    @AfterEach
    void closeLog() {
        log.close();
    }

    private void createChangelog(Map<String, String> config) {
        try (Admin admin = log.admin()) {
            admin.createTopic(new NewTopic(CHANGELOG.topic(), 1, config));
        }
    }

    private final class Task implements AutoCloseable {
        final TaskStateManager manager = TaskStateManager.builder("app", "0_0", 0, dir.resolve("state"))
                .time(time).rocksDBResources(rocks)
                .changelogWriters(tp -> (key, value, ts) -> lastSend = producer.send(
                        new ProducerRecord<>(tp.topic(), tp.partition(), ts, key.get(), value, List.of())))
                .build();
        final KeyValueStore<String, String> store = Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore("kv"), Serdes.string(), Serdes.string()).withCachingEnabled().build();

        Task() {
            manager.initStores(List.of(store));
        }

        long restore() {
            try (Consumer<byte[], byte[]> consumer = log.consumer(Map.of("max.poll.records", "100", "auto.offset.reset", "none"),
                    Serdes.byteArray().deserializer(), Serdes.byteArray().deserializer())) {
                return manager.restore(consumer).get(CHANGELOG).restoredRecords();
            }
        }

        void commit() {
            manager.flush();
            producer.flush();
            manager.checkpoint(Map.of(CHANGELOG, lastSend.join().offset() + 1));
        }

        @Override
        public void close() {
            manager.close();
        }
    }

    @Test
    void shouldRestoreFromTheEmbeddedLogAfterTheStateDirectoryIsLostAndNothingAfterACleanRestart() {
        createChangelog(Map.of("cleanup.policy", "compact"));
        try (Task task = new Task()) {
            for (int i = 0; i < 1000; i++) {
                task.store.put("k" + (i % 300), "v" + i);
                if (i % 100 == 99) {
                    task.commit();
                }
            }
        }
        WindowStoreTest.delete(dir.resolve("state"));
        try (Task task = new Task()) {
            // the cache absorbed repeated updates between commits: 300 keys x 10 commits at most
            assertThat(task.restore()).isBetween(300L, 1000L);
            assertThat(task.store.get("k0")).isEqualTo("v900");
            assertThat(task.store.get("k299")).isEqualTo("v899");
            task.commit();
        }
        try (Task task = new Task()) {
            assertThat(task.restore()).isZero();
            assertThat(task.store.get("k150")).isEqualTo("v750");
        }
    }

    @Test
    void shouldWipeAndRestoreFromTheNewStartWhenRetentionDeletedTheCheckpointedOffset() {
        createChangelog(Map.of("cleanup.policy", "delete", "retention.ms", "60000", "segment.bytes", "2048"));
        try (Task task = new Task()) {
            for (int i = 0; i < 50; i++) {
                task.store.put("old" + i, "x".repeat(50));
            }
            task.commit();
            for (int i = 50; i < 100; i++) {
                task.store.put("old" + i, "x".repeat(50));
            }
            task.store.flush();
            producer.flush();
            // crash: no checkpoint after offset 50
        }
        time.advance(120_000);
        for (int i = 0; i < 50; i++) {
            producer.send(new ProducerRecord<>(CHANGELOG.topic(), 0, time.milliseconds(),
                    ("new" + i).getBytes(java.nio.charset.StandardCharsets.UTF_8),
                    "y".getBytes(java.nio.charset.StandardCharsets.UTF_8), List.of()));
        }
        producer.flush();
        log.enforceRetention();
        long start;
        try (Consumer<byte[], byte[]> c = log.consumer(Map.of(), Serdes.byteArray().deserializer(), Serdes.byteArray().deserializer())) {
            start = c.beginningOffsets(List.of(CHANGELOG)).get(CHANGELOG);
        }
        assertThat(start).as("retention moved the start past the checkpoint").isGreaterThan(50);
        try (Task task = new Task()) {
            assertThat(task.restore()).isEqualTo(150 - start);
            assertThat(task.store.get("old0")).as("wiped").isNull();
            assertThat(task.store.get("new49")).isEqualTo("y");
        }
    }
}
