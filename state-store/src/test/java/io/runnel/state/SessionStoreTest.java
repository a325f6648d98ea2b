package io.runnel.state;

import static org.assertj.core.api.Assertions.assertThat;

import io.runnel.common.Serdes;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Session stores, RocksDB and in-memory. */
class SessionStoreTest {
    static final long MINUTE = 60_000;
    static RocksDBResources rocks;

    @TempDir
    Path dir;
    final TestChangelog changelog = new TestChangelog();
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

    private SessionStore<String, Long> open(boolean persistent) {
        manager = new TestStores(dir, rocks, changelog).manager();
        SessionBytesStoreSupplier supplier = persistent
                ? Stores.persistentSessionStore("sess", Duration.ofMinutes(10))
                : Stores.inMemorySessionStore("sess", Duration.ofMinutes(10));
        SessionStore<String, Long> store = Stores.sessionStoreBuilder(supplier, Serdes.string(), Serdes.longSerde()).build();
        manager.initStores(List.of(store));
        return store;
    }

    private static Windowed<String> session(String key, long start, long end) {
        return new Windowed<>(key, new Window(start, end));
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
    void shouldFindTheSessionsANewRecordCanMergeWith(boolean persistent) {
        SessionStore<String, Long> store = open(persistent);
        store.put(session("a", 0, MINUTE), 1L);
        store.put(session("a", 3 * MINUTE, 4 * MINUTE), 2L);
        store.put(session("a", 7 * MINUTE, 8 * MINUTE), 3L);
        store.put(session("ab", 3 * MINUTE, 4 * MINUTE), 9L);
        store.put(session("b", 3 * MINUTE, 3 * MINUTE), 4L);
        // a record at 4.5 min with a 1 min gap merges with sessions ending >= 3.5 min and starting <= 5.5 min
        assertThat(drain(store.findSessions("a", 3 * MINUTE + MINUTE / 2, 5 * MINUTE + MINUTE / 2)))
                .containsExactly(KeyValue.pair(session("a", 3 * MINUTE, 4 * MINUTE), 2L));
        assertThat(drain(store.fetch("a"))).extracting(KeyValue::value).containsExactly(1L, 2L, 3L);
        assertThat(drain(store.fetch("a", "ab"))).hasSize(4);
        assertThat(store.fetchSession("a", 3 * MINUTE, 4 * MINUTE)).isEqualTo(2L);
        store.remove(session("a", 3 * MINUTE, 4 * MINUTE));
        assertThat(store.fetchSession("a", 3 * MINUTE, 4 * MINUTE)).isNull();
        assertThat(drain(store.findSessions("a", "b", 0, Long.MAX_VALUE))).extracting(kv -> kv.key().key())
                .containsExactlyInAnyOrder("a", "a", "ab", "b");
    }

    @ParameterizedTest(name = "persistent={0}")
    @ValueSource(booleans = {true, false})
    void shouldDropSessionsThatEndedBeforeRetention(boolean persistent) {
        SessionStore<String, Long> store = open(persistent);
        store.put(session("a", 0, MINUTE), 1L);
        store.put(session("a", 20 * MINUTE, 21 * MINUTE), 2L);
        assertThat(drain(store.fetch("a"))).extracting(KeyValue::value).containsExactly(2L);
        store.put(session("b", 0, MINUTE), 5L);
        assertThat(store.fetchSession("b", 0, MINUTE)).isNull();
    }

    @Test
    void shouldRestoreSessionsFromTheChangelog() {
        SessionStore<String, Long> store = open(true);
        store.put(session("a", 0, MINUTE), 1L);
        store.put(session("a", 0, 2 * MINUTE), 2L);
        store.remove(session("a", 0, MINUTE));
        manager.close();
        WindowStoreTest.delete(dir);
        SessionStore<String, Long> restored = open(true);
        manager.restore(changelog.consumer(100));
        assertThat(drain(restored.fetch("a"))).containsExactly(KeyValue.pair(session("a", 0, 2 * MINUTE), 2L));
    }
}
