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
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Cached session stores: a merged session reaches downstream once, a never-stored session not at all. */
class CachingSessionStoreTest {
    static final long MINUTE = 60_000;
    static RocksDBResources rocks;

    @TempDir
    Path dir;
    final TestChangelog changelog = new TestChangelog();
    final List<String> forwarded = new ArrayList<>();
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
        TestStores t = new TestStores(dir, rocks, changelog);
        t.cache = new ThreadCache("thread", 1 << 20, t.metrics);
        manager = t.manager();
        SessionBytesStoreSupplier supplier = persistent
                ? Stores.persistentSessionStore("sess", Duration.ofMinutes(10))
                : Stores.inMemorySessionStore("sess", Duration.ofMinutes(10));
        SessionStore<String, Long> store = Stores.sessionStoreBuilder(supplier, Serdes.string(), Serdes.longSerde())
                .withCachingEnabled().build();
        manager.initStores(List.of(store));
        @SuppressWarnings("unchecked")
        CachedStateStore<Windowed<String>, Long> cached = (CachedStateStore<Windowed<String>, Long>) store;
        assertThat(cached.setFlushListener((k, v, old, ts) -> forwarded.add(k + "=" + v + "(old " + old + ")"), true)).isTrue();
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
    void shouldForwardOnlyTheMergedSessionWhenSessionsMergeBetweenFlushes(boolean persistent) {
        SessionStore<String, Long> store = open(persistent);
        store.put(session("a", 0, 0), 1L);
        assertThat(drain(store.findSessions("a", 0, MINUTE))).containsExactly(KeyValue.pair(session("a", 0, 0), 1L));
        // a record at 1 min merges with the session [0, 0]
        store.remove(session("a", 0, 0));
        store.put(session("a", 0, MINUTE), 2L);
        assertThat(drain(store.fetch("a"))).containsExactly(KeyValue.pair(session("a", 0, MINUTE), 2L));
        store.flush();
        assertThat(forwarded).containsExactly("[a@0/60000]=2(old null)");
        assertThat(changelog.records(manager.changelogPartition("sess"))).hasSize(1);
        forwarded.clear();
        store.remove(session("a", 0, MINUTE));
        store.put(session("a", 0, 2 * MINUTE), 3L);
        store.put(session("b", 6 * MINUTE, 6 * MINUTE), 9L);
        assertThat(drain(store.fetch("a", "b"))).extracting(KeyValue::value).containsExactly(3L, 9L);
        store.flush();
        assertThat(forwarded).containsExactly("[a@0/60000]=null(old 2)", "[a@0/120000]=3(old null)", "[b@360000/360000]=9(old null)");
        assertThat(store.fetchSession("a", 0, 2 * MINUTE)).isEqualTo(3L);
        assertThat(store.fetchSession("a", 0, MINUTE)).isNull();
    }
}
