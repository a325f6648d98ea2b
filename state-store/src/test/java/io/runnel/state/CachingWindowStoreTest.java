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

/** Cached window stores: absorbed updates, forwarding on flush, reads merging cache and store. */
class CachingWindowStoreTest {
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

    private WindowStore<String, Long> open(boolean persistent) {
        TestStores t = new TestStores(dir, rocks, changelog);
        t.cache = new ThreadCache("thread", 1 << 20, t.metrics);
        manager = t.manager();
        Duration retention = Duration.ofMinutes(10);
        WindowBytesStoreSupplier supplier = persistent
                ? Stores.persistentWindowStore("win", retention, Duration.ofMinutes(1), false)
                : Stores.inMemoryWindowStore("win", retention, Duration.ofMinutes(1), false);
        WindowStore<String, Long> store = Stores.windowStoreBuilder(supplier, Serdes.string(), Serdes.longSerde())
                .withCachingEnabled().build();
        manager.initStores(List.of(store));
        @SuppressWarnings("unchecked")
        CachedStateStore<Windowed<String>, Long> cached = (CachedStateStore<Windowed<String>, Long>) store;
        assertThat(cached.setFlushListener((k, v, old, ts) -> forwarded.add(k + "=" + v + "(old " + old + ")"), true)).isTrue();
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
    void shouldForwardOnlyTheLatestValueOfAWindowOnFlush(boolean persistent) {
        WindowStore<String, Long> store = open(persistent);
        store.put("a", 1L, 0);
        store.put("a", 2L, 0);
        store.put("b", 3L, MINUTE);
        assertThat(store.fetch("a", 0)).isEqualTo(2L);
        assertThat(forwarded).isEmpty();
        assertThat(changelog.records(manager.changelogPartition("win"))).isEmpty();
        store.flush();
        assertThat(forwarded).containsExactly("[a@0/60000]=2(old null)", "[b@60000/120000]=3(old null)");
        assertThat(changelog.records(manager.changelogPartition("win"))).hasSize(2);
        forwarded.clear();
        store.put("a", 5L, 0);
        store.flush();
        assertThat(forwarded).containsExactly("[a@0/60000]=5(old 2)");
    }

    @ParameterizedTest(name = "persistent={0}")
    @ValueSource(booleans = {true, false})
    void shouldMergeCachedAndStoredWindowsInStoreOrder(boolean persistent) {
        WindowStore<String, Long> store = open(persistent);
        store.put("a", 1L, 0);
        store.put("a", 2L, 6 * MINUTE);
        store.put("b", 3L, MINUTE);
        store.flush();
        store.put("a", 4L, 3 * MINUTE);
        store.put("a", 20L, 6 * MINUTE);
        store.put("b", null, MINUTE);
        store.put("c", 7L, 7 * MINUTE);
        assertThat(drain(store.fetch("a", 0, 10 * MINUTE)))
                .containsExactly(KeyValue.pair(0L, 1L), KeyValue.pair(3 * MINUTE, 4L), KeyValue.pair(6 * MINUTE, 20L));
        assertThat(drain(store.backwardFetch("a", 0, 10 * MINUTE))).extracting(KeyValue::value).containsExactly(20L, 4L, 1L);
        assertThat(drain(store.fetchAll(0, 10 * MINUTE))).extracting(kv -> kv.key().key() + "@" + kv.key().window().start())
                .containsExactly("a@0", "a@180000", "a@360000", "c@420000");
        assertThat(drain(store.fetch("b", "c", 0, 10 * MINUTE))).extracting(KeyValue::value).containsExactly(7L);
        assertThat(drain(store.all())).hasSize(4);
        assertThat(store.fetch("b", MINUTE)).isNull();
        store.flush();
        assertThat(drain(store.fetchAll(0, 10 * MINUTE))).hasSize(4);
    }

    @ParameterizedTest(name = "persistent={0}")
    @ValueSource(booleans = {true, false})
    void shouldLeaveAFlushAcrossSegmentsAndExpiryAsTheSamePutsWithoutACacheWould(boolean persistent) {
        TestStores t = new TestStores(dir, rocks, changelog);
        t.cache = new ThreadCache("thread", 1 << 20, t.metrics);
        manager = t.manager();
        Duration retention = Duration.ofMinutes(10);
        List<WindowStore<String, Long>> stores = new ArrayList<>();
        for (String name : List.of("cached", "plain")) {
            WindowBytesStoreSupplier supplier = persistent
                    ? Stores.persistentWindowStore(name, retention, Duration.ofMinutes(1), false)
                    : Stores.inMemoryWindowStore(name, retention, Duration.ofMinutes(1), false);
            var builder = Stores.windowStoreBuilder(supplier, Serdes.string(), Serdes.longSerde());
            stores.add(name.equals("cached") ? builder.withCachingEnabled().build() : builder.build());
        }
        manager.initStores(List.copyOf(stores));
        // segments of 5 minutes; the write at 17 minutes expires everything before 7 minutes (+1 ms)
        long[][] puts = {{0, 1}, {6, 2}, {1, 3}, {12, 4}, {2, 5}, {17, 6}, {8, 7}, {3, 8}, {6, 9}, {17, 10}};
        for (long[] p : puts) {
            for (WindowStore<String, Long> store : stores) {
                store.put("k" + (p[0] % 3), p[1] == 9 ? null : p[1], p[0] * MINUTE);
            }
        }
        stores.get(0).flush();
        // windows still within retention (the cache keeps serving expired windows it holds until it evicts them)
        long live = 7 * MINUTE + 1;
        List<String> cached = drain(stores.get(0).fetchAll(live, 30 * MINUTE)).stream().map(kv -> kv.key() + "=" + kv.value()).toList();
        List<String> plain = drain(stores.get(1).fetchAll(live, 30 * MINUTE)).stream().map(kv -> kv.key() + "=" + kv.value()).toList();
        assertThat(cached).isEqualTo(plain).isNotEmpty();
        // the latest value per window, in first-write order; the delete of a never-stored window is dropped
        assertThat(changelog.records(manager.changelogPartition("cached"))).extracting(r -> r.value() == null ? null
                : Serdes.longSerde().deserializer().deserialize("", r.value())).containsExactly(1L, 3L, 4L, 5L, 10L, 7L, 8L);
    }

    @Test
    void shouldNotCacheStoresThatRetainDuplicates() {
        TestStores t = new TestStores(dir, rocks, changelog);
        t.cache = new ThreadCache("thread", 1 << 20, t.metrics);
        manager = t.manager();
        WindowStore<String, Long> store = Stores.windowStoreBuilder(
                Stores.persistentWindowStore("join", Duration.ofMinutes(10), Duration.ofMinutes(1), true),
                Serdes.string(), Serdes.longSerde()).withCachingEnabled().build();
        manager.initStores(List.of(store));
        @SuppressWarnings("unchecked")
        CachedStateStore<Windowed<String>, Long> cached = (CachedStateStore<Windowed<String>, Long>) store;
        assertThat(cached.setFlushListener((k, v, old, ts) -> { }, false)).isFalse();
    }
}
