package io.runnel.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.runnel.common.Serdes;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Window stores, RocksDB (one instance per segment) and in-memory. */
class WindowStoreTest {
    static final long MINUTE = 60_000;
    static RocksDBResources rocks;

    @TempDir
    Path dir;
    TestChangelog changelog = new TestChangelog();
    TaskStateManager manager;

    @BeforeAll
    static void openRocks() {
        rocks = RocksDBResources.create(64L << 20);
    }

    @AfterAll
    static void closeRocks() {
        rocks.close();
    }

    @AfterEach
    void close() {
        manager.close();
    }

    private WindowStore<String, Long> open(boolean persistent, boolean retainDuplicates) {
        manager = new TestStores(dir, rocks, changelog).manager();
        Duration retention = Duration.ofMinutes(10);
        Duration size = Duration.ofMinutes(1);
        WindowBytesStoreSupplier supplier = persistent
                ? Stores.persistentWindowStore("win", retention, size, retainDuplicates)
                : Stores.inMemoryWindowStore("win", retention, size, retainDuplicates);
        assertThat(supplier.segmentIntervalMs()).isEqualTo(5 * MINUTE);
        WindowStore<String, Long> store = Stores.windowStoreBuilder(supplier, Serdes.string(), Serdes.longSerde()).build();
        manager.initStores(List.of(store));
        return store;
    }

    private static <K, V> List<KeyValue<K, V>> drain(KeyValueIterator<K, V> it) {
        List<KeyValue<K, V>> out = new ArrayList<>();
        try (it) {
            it.forEachRemaining(out::add);
        }
        return out;
    }

    @ParameterizedTest(name = "persistent={0}")
    @ValueSource(booleans = {true, false})
    void shouldFetchWindowsOfOneKeyInStartTimeOrderAcrossSegments(boolean persistent) {
        WindowStore<String, Long> store = open(persistent, false);
        store.put("a", 1L, 0);
        store.put("a", 2L, 6 * MINUTE);
        store.put("a", 3L, 3 * MINUTE);
        store.put("ab", 9L, 3 * MINUTE);
        store.put("b", 4L, 3 * MINUTE);
        assertThat(store.fetch("a", 3 * MINUTE)).isEqualTo(3L);
        assertThat(store.fetch("a", 4 * MINUTE)).isNull();
        assertThat(drain(store.fetch("a", 0, 10 * MINUTE)))
                .containsExactly(KeyValue.pair(0L, 1L), KeyValue.pair(3 * MINUTE, 3L), KeyValue.pair(6 * MINUTE, 2L));
        assertThat(drain(store.backwardFetch("a", 0, 10 * MINUTE))).extracting(KeyValue::key)
                .containsExactly(6 * MINUTE, 3 * MINUTE, 0L);
        assertThat(drain(store.fetch("a", MINUTE, 5 * MINUTE))).extracting(KeyValue::value).containsExactly(3L);
    }

    @ParameterizedTest(name = "persistent={0}")
    @ValueSource(booleans = {true, false})
    void shouldFetchKeyRangesAndAllWithWindowBounds(boolean persistent) {
        WindowStore<String, Long> store = open(persistent, false);
        store.put("a", 1L, 0);
        store.put("b", 2L, MINUTE);
        store.put("c", 3L, 2 * MINUTE);
        List<KeyValue<Windowed<String>, Long>> range = drain(store.fetch("a", "b", 0, 10 * MINUTE));
        assertThat(range).containsExactly(
                KeyValue.pair(new Windowed<>("a", new Window(0, MINUTE)), 1L),
                KeyValue.pair(new Windowed<>("b", new Window(MINUTE, 2 * MINUTE)), 2L));
        assertThat(drain(store.fetchAll(MINUTE, 2 * MINUTE))).extracting(kv -> kv.key().key()).containsExactly("b", "c");
        assertThat(drain(store.all())).hasSize(3);
        assertThat(drain(store.fetch("b", "a", 0, 10 * MINUTE))).isEmpty();
    }

    @ParameterizedTest(name = "persistent={0}")
    @ValueSource(booleans = {true, false})
    void shouldReplaceOrDeleteWithoutDuplicatesAndKeepEveryPutWithDuplicates(boolean persistent) {
        WindowStore<String, Long> plain = open(persistent, false);
        plain.put("a", 1L, 0);
        plain.put("a", 2L, 0);
        assertThat(drain(plain.fetch("a", 0, 0))).extracting(KeyValue::value).containsExactly(2L);
        plain.put("a", null, 0);
        assertThat(plain.fetch("a", 0)).isNull();
        manager.close();
        changelog = new TestChangelog();
        try (Stream<Path> s = Files.list(dir)) {
            s.forEach(WindowStoreTest::delete);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        WindowStore<String, Long> dups = open(persistent, true);
        dups.put("a", 1L, 0);
        dups.put("a", 2L, 0);
        dups.put("a", null, 0);
        assertThat(drain(dups.fetch("a", 0, 0))).extracting(KeyValue::value).containsExactly(1L, 2L);
    }

    @ParameterizedTest(name = "persistent={0}")
    @ValueSource(booleans = {true, false})
    void shouldDropWholeSegmentsOnceStreamTimePassesRetention(boolean persistent) throws IOException {
        WindowStore<String, Long> store = open(persistent, false);
        store.put("a", 1L, 0);
        store.put("a", 2L, 5 * MINUTE);
        if (persistent) {
            assertThat(segmentDirs()).containsExactly("win.0", "win.300000");
        }
        // stream time 16 min: everything at or before 6 min is expired; segment [0, 5 min) goes
        store.put("a", 3L, 16 * MINUTE);
        if (persistent) {
            assertThat(segmentDirs()).containsExactly("win.300000", "win.900000");
        }
        assertThat(drain(store.fetch("a", 0, 20 * MINUTE))).extracting(KeyValue::value).containsExactly(3L);
        // an expired put is ignored
        store.put("b", 9L, MINUTE);
        assertThat(store.fetch("b", MINUTE)).isNull();
    }

    @Test
    void shouldRestoreWindowsFromTheChangelogIntoSegments() {
        WindowStore<String, Long> store = open(true, true);
        store.put("a", 1L, 0);
        store.put("a", 2L, 0);
        store.put("b", 3L, 7 * MINUTE);
        manager.flush();
        manager.close();
        assertThat(manager.changelogPartitions()).isNotEmpty();
        delete(dir);
        WindowStore<String, Long> restored = open(true, true);
        Map<io.runnel.common.TopicPartition, ChangelogRestorer.Result> results = manager.restore(changelog.consumer(2));
        assertThat(results.values().iterator().next().restoredRecords()).isEqualTo(3);
        assertThat(drain(restored.fetch("a", 0, 0))).extracting(KeyValue::value).containsExactly(1L, 2L);
        assertThat(restored.fetch("b", 7 * MINUTE)).isEqualTo(3L);
    }

    @Test
    void shouldCloseOpenIteratorsWhenClosed() {
        WindowStore<String, Long> store = open(true, false);
        store.put("a", 1L, 0);
        WindowStoreIterator<Long> it = store.fetch("a", 0, MINUTE);
        store.close();
        assertThatThrownBy(it::hasNext).isInstanceOf(InvalidStateStoreException.class);
        assertThatThrownBy(() -> store.fetch("a", 0)).isInstanceOf(InvalidStateStoreException.class);
    }

    @Test
    void shouldDefaultTheChangelogToCompactDeleteWithRetentionPlusADay() {
        StoreBuilder<WindowStore<String, Long>> b = Stores.windowStoreBuilder(
                Stores.persistentWindowStore("w", Duration.ofHours(1), Duration.ofMinutes(5), false),
                Serdes.string(), Serdes.longSerde());
        assertThat(b.logConfig()).containsEntry("cleanup.policy", "compact,delete")
                .containsEntry("retention.ms", String.valueOf(3_600_000L + 86_400_000L));
        assertThat(b.withLoggingEnabled(Map.of("retention.ms", "5")).logConfig()).containsEntry("retention.ms", "5");
        assertThatThrownBy(() -> Stores.persistentWindowStore("w", Duration.ofMinutes(1), Duration.ofMinutes(5), false))
                .isInstanceOf(IllegalArgumentException.class);
        manager = new TestStores(dir, rocks, changelog).manager();
    }

    private List<String> segmentDirs() throws IOException {
        try (Stream<Path> s = Files.list(dir.resolve("win"))) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    static void delete(Path path) {
        try (Stream<Path> walk = Files.walk(path)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
