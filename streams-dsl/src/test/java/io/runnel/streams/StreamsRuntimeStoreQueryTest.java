package io.runnel.streams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.runnel.common.Serdes;
import io.runnel.common.TopicPartition;
import io.runnel.log.Admin;
import io.runnel.log.EmbeddedLog;
import io.runnel.log.EmbeddedLogConfig;
import io.runnel.log.NewTopic;
import io.runnel.log.Producer;
import io.runnel.log.ProducerRecord;
import io.runnel.state.InvalidStateStoreException;
import io.runnel.state.KeyValue;
import io.runnel.state.KeyValueIterator;
import io.runnel.state.KeyValueStore;
import io.runnel.state.QueryableStoreTypes;
import io.runnel.state.ReadOnlyKeyValueStore;
import io.runnel.state.Stores;
import io.runnel.streams.dsl.Consumed;
import io.runnel.streams.dsl.Grouped;
import io.runnel.streams.dsl.Materialized;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Interactive queries on a running runtime: {@link StreamsRuntime#store}. */
class StreamsRuntimeStoreQueryTest {
    private static final String STORE = "word-counts";

    @TempDir
    Path dir;

    private static Topology wordCount() {
        StreamsBuilder b = new StreamsBuilder();
        b.stream("lines", Consumed.with(Serdes.string(), Serdes.string()))
                .flatMapValues(line -> Arrays.asList(line.split(" ")))
                .groupBy((k, w) -> w, Grouped.with(Serdes.string(), Serdes.string()).withName("words"))
                .count(Materialized.<String, Long, KeyValueStore<String, Long>>as(STORE).withCachingEnabled());
        return b.build();
    }

    private Map<String, Object> config(long commitIntervalMs) {
        return Map.of(StreamsConfig.APPLICATION_ID_CONFIG, "wc",
                StreamsConfig.STATE_DIR_CONFIG, dir.resolve("state").toString(),
                StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, Long.toString(commitIntervalMs));
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

    /** Asks until the answer is the expected one (or 60 s passed), taking a new view after InvalidStateStoreException. */
    private static <T> T await(Supplier<T> ask, T expected) {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        T last = null;
        while (System.nanoTime() < deadline) {
            try {
                last = ask.get();
                if (expected.equals(last)) {
                    return last;
                }
            } catch (InvalidStateStoreException e) {
                // tasks starting or restoring
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return last;
            }
        }
        return last;
    }

    private static Map<String, Long> all(StreamsRuntime runtime) {
        ReadOnlyKeyValueStore<String, Long> view = runtime.store(STORE, QueryableStoreTypes.keyValueStore());
        Map<String, Long> out = new HashMap<>();
        try (KeyValueIterator<String, Long> it = view.all()) {
            while (it.hasNext()) {
                KeyValue<String, Long> kv = it.next();
                out.put(kv.key(), kv.value());
            }
        }
        return out;
    }

    @Test
    void shouldServeTheLatestProcessedValuesOfEveryTaskFromTheRecordCacheBeforeAnyCommit() {
        try (EmbeddedLog log = EmbeddedLog.open(EmbeddedLogConfig.of(dir.resolve("log")))) {
            try (Admin admin = log.admin()) {
                admin.createTopic(new NewTopic("lines", 2));
            }
            produce(log, "a b", "b c", "c c d");
            try (StreamsRuntime runtime = new StreamsRuntime(wordCount(), config(3_600_000), log)) {
                runtime.start();
                Map<String, Long> expected = Map.of("a", 1L, "b", 2L, "c", 3L, "d", 1L);
                assertThat(await(() -> all(runtime), expected)).isEqualTo(expected);
                ReadOnlyKeyValueStore<String, Long> view = runtime.store(STORE, QueryableStoreTypes.keyValueStore());
                assertThat(view.get("c")).isEqualTo(3L);
                assertThat(view.get("x")).isNull();
                // No commit yet (the interval is an hour): the counts are in the record cache only.
                try (Admin admin = log.admin()) {
                    String changelog = Stores.changelogTopic("wc", STORE);
                    assertThat(admin.latestOffsets(List.of(new TopicPartition(changelog, 0),
                            new TopicPartition(changelog, 1))).values()).containsOnly(0L);
                }
            }
        }
    }

    @Test
    void shouldRefuseViewsBeforeStartOfUnknownStoresAndFailReadsOfAViewOnceItsTasksClosed() {
        try (EmbeddedLog log = EmbeddedLog.open(EmbeddedLogConfig.of(dir.resolve("log")))) {
            try (Admin admin = log.admin()) {
                admin.createTopic(new NewTopic("lines", 2));
            }
            produce(log, "a");
            StreamsRuntime runtime = new StreamsRuntime(wordCount(), config(50), log);
            assertThatThrownBy(() -> runtime.store(STORE, QueryableStoreTypes.keyValueStore()))
                    .isInstanceOf(InvalidStateStoreException.class).hasMessageContaining("CREATED");
            runtime.start();
            assertThat(await(() -> all(runtime), Map.of("a", 1L))).isEqualTo(Map.of("a", 1L));
            assertThatThrownBy(() -> runtime.store("nope", QueryableStoreTypes.keyValueStore()))
                    .isInstanceOf(InvalidStateStoreException.class).hasMessageContaining("no such store");
            ReadOnlyKeyValueStore<String, Long> view = runtime.store(STORE, QueryableStoreTypes.keyValueStore());
            runtime.close();
            assertThatThrownBy(() -> view.get("a")).isInstanceOf(InvalidStateStoreException.class);
            assertThatThrownBy(() -> runtime.store(STORE, QueryableStoreTypes.keyValueStore()))
                    .isInstanceOf(InvalidStateStoreException.class).hasMessageContaining("NOT_RUNNING");
        }
    }

    @Test
    void shouldServeRestoredValuesAfterARestartWithoutLocalState() {
        try (EmbeddedLog log = EmbeddedLog.open(EmbeddedLogConfig.of(dir.resolve("log")))) {
            try (Admin admin = log.admin()) {
                admin.createTopic(new NewTopic("lines", 2));
            }
            produce(log, "a b", "b");
            try (StreamsRuntime runtime = new StreamsRuntime(wordCount(), config(50), log)) {
                runtime.start();
                assertThat(await(() -> all(runtime), Map.of("a", 1L, "b", 2L))).isEqualTo(Map.of("a", 1L, "b", 2L));
            }
            deleteRecursively(dir.resolve("state"));
            try (StreamsRuntime again = new StreamsRuntime(wordCount(), config(50), log)) {
                again.start();
                // Nothing new to process: the answer comes from the stores restored from their changelogs.
                assertThat(await(() -> all(again), Map.of("a", 1L, "b", 2L))).isEqualTo(Map.of("a", 1L, "b", 2L));
            }
        }
    }

    private static void deleteRecursively(Path root) {
        try (var paths = java.nio.file.Files.walk(root)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                java.nio.file.Files.delete(p);
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
