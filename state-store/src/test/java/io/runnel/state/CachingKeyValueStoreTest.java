package io.runnel.state;

import static org.assertj.core.api.Assertions.assertThat;

import io.runnel.common.Serdes;
import io.runnel.common.TopicPartition;
import io.runnel.log.ConsumerRecord;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Caching and change logging of key-value stores: what reaches downstream and the changelog, and when. */
class CachingKeyValueStoreTest {
    static RocksDBResources rocks;
    static final TopicPartition CHANGELOG = new TopicPartition("app-counts-changelog", 0);

    @TempDir
    Path dir;
    TestStores t;
    TaskStateManager manager;
    final List<String> forwarded = new ArrayList<>();

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

    private KeyValueStore<String, Long> open(long cacheBytes, boolean caching) {
        t = new TestStores(dir, rocks, new TestChangelog());
        t.cache = new ThreadCache("thread-1", cacheBytes, t.metrics);
        manager = t.manager();
        StoreBuilder<KeyValueStore<String, Long>> b = Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore("counts"), Serdes.string(), Serdes.longSerde());
        if (caching) {
            b.withCachingEnabled();
        }
        KeyValueStore<String, Long> store = b.build();
        manager.initStores(List.of(store));
        @SuppressWarnings("unchecked")
        CachedStateStore<String, Long> cached = (CachedStateStore<String, Long>) store;
        boolean isCached = cached.setFlushListener(
                (key, newValue, oldValue, ts) -> forwarded.add(key + "=" + newValue + "(old " + oldValue + ")@" + ts), true);
        assertThat(isCached).isEqualTo(caching);
        return store;
    }

    private List<String> changelog() {
        List<String> out = new ArrayList<>();
        for (ConsumerRecord<byte[], byte[]> r : t.changelog.records(CHANGELOG)) {
            out.add(new String(r.key(), StandardCharsets.UTF_8) + "="
                    + (r.value() == null ? null : Serdes.longSerde().deserializer().deserialize("", r.value())) + "@" + r.timestamp());
        }
        return out;
    }

    @Test
    void shouldForwardAndLogOnlyTheLatestValueOnFlushWhenSameKeyIsUpdatedRepeatedly() {
        KeyValueStore<String, Long> store = open(1 << 20, true);
        t.recordTimestamp = 10;
        store.put("a", 1L);
        t.recordTimestamp = 20;
        store.put("a", 2L);
        t.recordTimestamp = 30;
        store.put("a", 3L);
        store.put("b", 7L);
        assertThat(store.get("a")).isEqualTo(3L);
        assertThat(forwarded).isEmpty();
        assertThat(changelog()).isEmpty();

        store.flush();

        assertThat(forwarded).containsExactly("a=3(old null)@30", "b=7(old null)@30");
        assertThat(changelog()).containsExactly("a=3@30", "b=7@30");
        forwarded.clear();
        t.recordTimestamp = 40;
        store.put("a", 4L);
        store.flush();
        assertThat(forwarded).containsExactly("a=4(old 3)@40");
    }

    @Test
    void shouldForwardEveryUpdateAtOnceWhenCachingIsDisabled() {
        KeyValueStore<String, Long> store = open(1 << 20, false);
        store.put("a", 1L);
        store.put("a", 2L);
        store.delete("a");
        assertThat(changelog()).containsExactly("a=1@1000", "a=2@1000", "a=null@1000");
    }

    @Test
    void shouldForwardEveryUpdateWhenTheThreadCacheHasNoRoom() {
        KeyValueStore<String, Long> store = open(0, true);
        store.put("a", 1L);
        store.put("a", 2L);
        assertThat(forwarded).containsExactly("a=1(old null)@1000", "a=2(old 1)@1000");
        assertThat(changelog()).hasSize(2);
    }

    @Test
    void shouldForwardDirtyEntriesWhenEvictionNeedsTheSpace() {
        // room for roughly two entries: each is key + 8 value bytes + 64 overhead
        KeyValueStore<String, Long> store = open(2 * (1 + 8 + 64) + 10, true);
        store.put("a", 1L);
        store.put("b", 2L);
        assertThat(forwarded).isEmpty();
        store.put("c", 3L);
        assertThat(forwarded).contains("a=1(old null)@1000");
        assertThat(store.get("a")).isEqualTo(1L);
        assertThat(store.get("c")).isEqualTo(3L);
        assertThat(t.cache.sizeBytes()).isLessThanOrEqualTo(t.cache.maxBytes());
    }

    @Test
    void shouldHideStoredValueBehindCachedDeleteUntilFlushAndThenDeleteIt() {
        KeyValueStore<String, Long> store = open(1 << 20, true);
        store.put("a", 1L);
        store.flush();
        store.delete("a");
        assertThat(store.get("a")).isNull();
        try (KeyValueIterator<String, Long> it = store.all()) {
            assertThat(it.hasNext()).isFalse();
        }
        store.flush();
        assertThat(store.get("a")).isNull();
        assertThat(changelog()).containsExactly("a=1@1000", "a=null@1000");
        assertThat(forwarded).containsExactly("a=1(old null)@1000", "a=null(old 1)@1000");
    }

    @Test
    void shouldFlushTheCacheWhenTheStoreCloses() {
        KeyValueStore<String, Long> store = open(1 << 20, true);
        store.put("a", 1L);
        store.close();
        assertThat(changelog()).containsExactly("a=1@1000");
        assertThat(t.cache.sizeBytes()).isZero();
    }

    @Test
    void shouldMergeLargeCachesWithTheStoreInKeyOrderChunkByChunk() {
        KeyValueStore<String, Long> store = open(1 << 22, true);
        java.util.TreeMap<String, Long> model = new java.util.TreeMap<>();
        for (int i = 0; i < 1000; i++) {
            store.put(String.format("k%03d", i), (long) i);
            model.put(String.format("k%03d", i), (long) i);
        }
        store.flush();
        for (int i = 0; i < 1000; i += 7) {
            store.delete(String.format("k%03d", i));
            model.remove(String.format("k%03d", i));
        }
        for (int i = 0; i < 1000; i += 5) {
            store.put(String.format("k%03d", i), -1L);
            model.put(String.format("k%03d", i), -1L);
        }
        assertThat(drainKv(store.range("k100", "k899"))).containsExactlyElementsOf(entries(model.subMap("k100", true, "k899", true)));
        assertThat(drainKv(store.reverseRange("k100", "k899")))
                .containsExactlyElementsOf(entries(model.subMap("k100", true, "k899", true).descendingMap()));
        assertThat(drainKv(store.all())).containsExactlyElementsOf(entries(model));
        assertThat(drainKv(store.prefixScan("k1", Serdes.string().serializer())))
                .containsExactlyElementsOf(entries(model.subMap("k1", true, "k2", false)));
    }

    private static List<KeyValue<String, Long>> drainKv(KeyValueIterator<String, Long> it) {
        List<KeyValue<String, Long>> out = new ArrayList<>();
        try (it) {
            it.forEachRemaining(out::add);
        }
        return out;
    }

    private static List<KeyValue<String, Long>> entries(java.util.Map<String, Long> m) {
        List<KeyValue<String, Long>> out = new ArrayList<>();
        m.forEach((k, v) -> out.add(KeyValue.pair(k, v)));
        return out;
    }
}
