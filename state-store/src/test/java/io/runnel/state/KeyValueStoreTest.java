package io.runnel.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.runnel.common.Serdes;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The key-value store contract, for every combination of RocksDB/in-memory, cached or not, logged or not. */
class KeyValueStoreTest {
    static RocksDBResources rocks;

    @TempDir
    Path dir;
    TaskStateManager manager;
    KeyValueStore<String, String> store;

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
        if (manager != null) {
            manager.close();
        }
    }

    static Stream<Arguments> variants() {
        List<Arguments> out = new ArrayList<>();
        for (boolean persistent : new boolean[] {true, false}) {
            for (boolean cached : new boolean[] {true, false}) {
                for (boolean logged : new boolean[] {true, false}) {
                    out.add(Arguments.of(persistent, cached, logged));
                }
            }
        }
        return out.stream();
    }

    private void open(boolean persistent, boolean cached, boolean logged) {
        TestStores t = new TestStores(dir, rocks, new TestChangelog());
        t.cache = new ThreadCache("t", 1 << 20, t.metrics);
        manager = t.manager();
        KeyValueBytesStoreSupplier supplier = persistent ? Stores.persistentKeyValueStore("kv") : Stores.inMemoryKeyValueStore("kv");
        StoreBuilder<KeyValueStore<String, String>> b = Stores.keyValueStoreBuilder(supplier, Serdes.string(), Serdes.string());
        if (cached) {
            b.withCachingEnabled();
        }
        if (!logged) {
            b.withLoggingDisabled();
        }
        store = b.build();
        manager.initStores(List.of(store));
    }

    private static List<KeyValue<String, String>> drain(KeyValueIterator<String, String> it) {
        List<KeyValue<String, String>> out = new ArrayList<>();
        try (it) {
            it.forEachRemaining(out::add);
        }
        return out;
    }

    @ParameterizedTest(name = "persistent={0} cached={1} logged={2}")
    @MethodSource("variants")
    void shouldReturnWhatWasPutAndNullAfterDelete(boolean persistent, boolean cached, boolean logged) {
        open(persistent, cached, logged);
        store.put("a", "1");
        store.put("b", "2");
        store.put("a", "3");
        assertThat(store.get("a")).isEqualTo("3");
        assertThat(store.delete("a")).isEqualTo("3");
        assertThat(store.get("a")).isNull();
        assertThat(store.get("b")).isEqualTo("2");
        store.put("b", null);
        assertThat(store.get("b")).isNull();
        store.flush();
        assertThat(store.get("b")).isNull();
    }

    @ParameterizedTest(name = "persistent={0} cached={1} logged={2}")
    @MethodSource("variants")
    void shouldKeepTheLastOfRepeatedKeysInALargePutAllAndDeleteNullValues(boolean persistent, boolean cached,
                                                                        boolean logged) {
        open(persistent, cached, logged);
        List<KeyValue<String, String>> batch = new ArrayList<>();
        java.util.Random random = new java.util.Random(7);
        java.util.Map<String, String> expected = new java.util.TreeMap<>();
        for (int i = 0; i < 500; i++) {
            // keys sharing 8-byte prefixes and keys that are prefixes of others
            String k = random.nextBoolean() ? "prefix-" + random.nextInt(40) : "p" + random.nextInt(40);
            String v = random.nextInt(8) == 0 ? null : "v" + i;
            batch.add(KeyValue.pair(k, v));
            if (v == null) {
                expected.remove(k);
            } else {
                expected.put(k, v);
            }
        }
        store.putAll(batch);
        store.flush();
        assertThat(drain(store.all())).containsExactlyElementsOf(expected.entrySet().stream()
                .map(e -> KeyValue.pair(e.getKey(), e.getValue())).toList());
    }

    @ParameterizedTest(name = "persistent={0} cached={1} logged={2}")
    @MethodSource("variants")
    void shouldPutIfAbsentOnlyWhenAbsent(boolean persistent, boolean cached, boolean logged) {
        open(persistent, cached, logged);
        assertThat(store.putIfAbsent("k", "1")).isNull();
        assertThat(store.putIfAbsent("k", "2")).isEqualTo("1");
        assertThat(store.get("k")).isEqualTo("1");
        store.putAll(List.of(KeyValue.pair("x", "9"), KeyValue.pair("y", "8")));
        assertThat(store.get("y")).isEqualTo("8");
    }

    @ParameterizedTest(name = "persistent={0} cached={1} logged={2}")
    @MethodSource("variants")
    void shouldIterateRangesInUnsignedByteOrderInclusiveOfBothEnds(boolean persistent, boolean cached, boolean logged) {
        open(persistent, cached, logged);
        for (String k : List.of("d", "a", "c", "b", "e", "ab", "\u00e9")) {
            store.put(k, k.toUpperCase());
        }
        // half flushed, half still in the cache when cached
        store.flush();
        store.put("bb", "BB");
        store.delete("c");
        assertThat(drain(store.range("b", "d"))).extracting(KeyValue::key).containsExactly("b", "bb", "d");
        assertThat(drain(store.reverseRange("b", "d"))).extracting(KeyValue::key).containsExactly("d", "bb", "b");
        assertThat(drain(store.all())).extracting(KeyValue::key).containsExactly("a", "ab", "b", "bb", "d", "e", "\u00e9");
        assertThat(drain(store.reverseAll())).extracting(KeyValue::key).containsExactly("\u00e9", "e", "d", "bb", "b", "ab", "a");
        assertThat(drain(store.range(null, "ab"))).extracting(KeyValue::key).containsExactly("a", "ab");
        assertThat(drain(store.range("e", null))).extracting(KeyValue::key).containsExactly("e", "\u00e9");
        assertThat(drain(store.range("d", "b"))).isEmpty();
        assertThat(drain(store.prefixScan("b", Serdes.string().serializer())))
                .containsExactly(KeyValue.pair("b", "B"), KeyValue.pair("bb", "BB"));
        try (KeyValueIterator<String, String> it = store.range("a", "z")) {
            assertThat(it.peekNextKey()).isEqualTo("a");
            assertThat(it.next().key()).isEqualTo("a");
        }
    }

    @ParameterizedTest(name = "persistent={0} cached={1} logged={2}")
    @MethodSource("variants")
    void shouldThrowInvalidStateStoreExceptionWhenUsedAfterClose(boolean persistent, boolean cached, boolean logged) {
        open(persistent, cached, logged);
        store.put("a", "1");
        KeyValueIterator<String, String> open = store.all();
        store.close();
        assertThat(store.isOpen()).isFalse();
        assertThatThrownBy(() -> store.get("a")).isInstanceOf(InvalidStateStoreException.class).hasMessageContaining("kv");
        assertThatThrownBy(() -> store.put("a", "2")).isInstanceOf(InvalidStateStoreException.class);
        assertThatThrownBy(() -> store.all()).isInstanceOf(InvalidStateStoreException.class);
        assertThatThrownBy(open::hasNext).isInstanceOf(InvalidStateStoreException.class);
        store.close();
    }

    @ParameterizedTest(name = "persistent={0} cached={1} logged={2}")
    @MethodSource("variants")
    void shouldRejectNullKeys(boolean persistent, boolean cached, boolean logged) {
        open(persistent, cached, logged);
        assertThatThrownBy(() -> store.put(null, "1")).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> store.get(null)).isInstanceOf(NullPointerException.class);
    }

    @ParameterizedTest(name = "persistent={0} cached={1} logged={2}")
    @MethodSource("variants")
    void shouldCountEntries(boolean persistent, boolean cached, boolean logged) {
        open(persistent, cached, logged);
        for (int i = 0; i < 100; i++) {
            store.put("k" + i, "v");
        }
        store.flush();
        assertThat(store.approximateNumEntries()).isBetween(50L, 200L);
        assertThat(store.persistent()).isEqualTo(persistent);
    }

    @ParameterizedTest(name = "persistent={0} cached={1} logged={2}")
    @MethodSource("variants")
    void shouldServeTimestampedValues(boolean persistent, boolean cached, boolean logged) {
        TestStores t = new TestStores(dir, rocks, new TestChangelog());
        manager = t.manager();
        KeyValueBytesStoreSupplier supplier = persistent ? Stores.persistentTimestampedKeyValueStore("ts") : Stores.inMemoryKeyValueStore("ts");
        StoreBuilder<TimestampedKeyValueStore<String, Long>> b =
                Stores.timestampedKeyValueStoreBuilder(supplier, Serdes.string(), Serdes.longSerde());
        if (cached) {
            b.withCachingEnabled();
        }
        if (!logged) {
            b.withLoggingDisabled();
        }
        TimestampedKeyValueStore<String, Long> ts = b.build();
        manager.initStores(List.of(ts));
        ts.put("a", ValueAndTimestamp.make(5L, 77L));
        assertThat(ts.get("a")).isEqualTo(new ValueAndTimestamp<>(5L, 77L));
        ts.put("a", null);
        assertThat(ts.get("a")).isNull();
    }
}
