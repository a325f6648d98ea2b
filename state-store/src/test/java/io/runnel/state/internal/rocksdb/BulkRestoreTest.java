package io.runnel.state.internal.rocksdb;

import static org.assertj.core.api.Assertions.assertThat;

import io.runnel.state.Bytes;
import io.runnel.state.KeyValue;
import io.runnel.state.KeyValueIterator;
import io.runnel.state.RocksDBResources;
import io.runnel.state.StateRestoreCallback;
import io.runnel.state.TaskStateManager;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bulk-loading restore of RocksDB stores: a store restored through its callback (chunks
 * sorted, written as table files and ingested) holds exactly what a store built by the same
 * writes as puts holds.
 */
class BulkRestoreTest {
    /** Small chunks so that a few thousand records make many table files. */
    static final RocksDBStore.RestoreChunking SMALL = new RocksDBStore.RestoreChunking(4096, 100);
    static RocksDBResources rocks;

    @TempDir
    Path dir;

    @BeforeAll
    static void openRocks() {
        rocks = RocksDBResources.create(64L << 20);
    }

    @AfterAll
    static void closeRocks() {
        rocks.close();
    }

    /** A store opened in {@code stateDir} and the restore callback it registers. */
    private record Opened(RocksDBStore store, StateRestoreCallback callback) {
    }

    private static Opened open(Path stateDir, String name) {
        RocksDBStore store = new RocksDBStore(name, "rocksdb", SMALL);
        store.open(TaskStateManager.builder("app", "0_0", 0, stateDir).rocksDBResources(rocks).build());
        return new Opened(store, new BulkRestoreCallback(store, SMALL));
    }

    /** Restores {@code changelog} as the restorer would: start, batches of {@code batchSize}, end. */
    private static void restore(StateRestoreCallback callback, List<KeyValue<byte[], byte[]>> changelog, int batchSize) {
        callback.onRestoreStart();
        try {
            for (int i = 0; i < changelog.size(); i += batchSize) {
                callback.restoreBatch(changelog.subList(i, Math.min(changelog.size(), i + batchSize)));
            }
        } finally {
            callback.onRestoreEnd();
        }
    }

    /** Everything the store holds, in key order (values wrapped so maps compare them by content). */
    private static Map<Bytes, Bytes> contents(RocksDBStore store) {
        Map<Bytes, Bytes> out = new LinkedHashMap<>();
        try (KeyValueIterator<Bytes, byte[]> it = store.all()) {
            while (it.hasNext()) {
                KeyValue<Bytes, byte[]> kv = it.next();
                out.put(kv.key(), Bytes.wrap(kv.value()));
            }
        }
        return out;
    }

    /** A changelog of {@code n} writes over a few hundred keys, many repeated, a fifth tombstones. */
    private static List<KeyValue<byte[], byte[]>> randomChangelog(long seed, int n) {
        Random random = new Random(seed);
        List<KeyValue<byte[], byte[]>> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            byte[] key = ("key-" + random.nextInt(300)).getBytes(java.nio.charset.StandardCharsets.UTF_8);
            byte[] value = random.nextInt(5) == 0 ? null : ("value-" + i).getBytes(java.nio.charset.StandardCharsets.UTF_8);
            out.add(new KeyValue<>(key, value));
        }
        return out;
    }

    private static void put(RocksDBStore store, List<KeyValue<byte[], byte[]>> writes) {
        for (KeyValue<byte[], byte[]> w : writes) {
            store.put(Bytes.wrap(w.key()), w.value());
        }
    }

    @Test
    void shouldEqualAStoreBuiltByPutsAfterARestoreOfManyChunksWithRepeatedKeysAndTombstones() {
        for (long seed = 1; seed <= 5; seed++) {
            List<KeyValue<byte[], byte[]>> changelog = randomChangelog(seed, 5_000);
            Opened restored = open(dir.resolve("seed-" + seed), "restored");
            Opened built = open(dir.resolve("seed-" + seed), "built");
            try {
                restore(restored.callback(), changelog, 7);
                put(built.store(), changelog);

                Map<Bytes, Bytes> expected = contents(built.store());
                assertThat(expected).as("seed %d", seed).isNotEmpty();
                assertThat(contents(restored.store())).as("seed %d", seed).containsExactlyEntriesOf(expected);
                for (KeyValue<byte[], byte[]> w : changelog) {
                    Bytes key = Bytes.wrap(w.key());
                    assertThat(restored.store().get(key)).as("seed %d", seed).isEqualTo(built.store().get(key));
                }
            } finally {
                restored.store().close();
                built.store().close();
            }
        }
    }

    @Test
    void shouldKeepTheChangelogOrderAroundRecordsLargerThanAChunk() {
        Opened kv = open(dir, "kv");
        byte[] big = new byte[10_000];
        big[0] = 7;
        List<KeyValue<byte[], byte[]>> changelog = List.of(
                new KeyValue<>(new byte[] {1}, new byte[] {1}),
                new KeyValue<>(new byte[] {2}, new byte[] {2}),
                new KeyValue<>(new byte[] {1}, big),
                new KeyValue<>(new byte[] {2}, big),
                new KeyValue<>(new byte[] {2}, new byte[] {22}),
                new KeyValue<>(new byte[] {3}, big));
        try {
            restore(kv.callback(), changelog, 2);

            assertThat(kv.store().get(Bytes.wrap(new byte[] {1}))).isEqualTo(big);
            assertThat(kv.store().get(Bytes.wrap(new byte[] {2}))).containsExactly(22);
            assertThat(kv.store().get(Bytes.wrap(new byte[] {3}))).isEqualTo(big);
        } finally {
            kv.store().close();
        }
    }

    @Test
    void shouldOverrideWhatTheStoreHeldOnDiskAndInItsMemtable() {
        Opened kv = open(dir, "kv");
        try {
            put(kv.store(), List.of(kv("a", "old-a"), kv("b", "old-b"), kv("c", "old-c")));
            kv.store().flush();
            put(kv.store(), List.of(kv("d", "unflushed-d"), kv("e", "unflushed-e")));

            restore(kv.callback(), List.of(kv("a", null), kv("b", "new-b"), kv("d", null), kv("e", "new-e")), 10);

            TreeMap<String, String> got = new TreeMap<>();
            contents(kv.store()).forEach((k, v) -> got.put(new String(k.get()), new String(v.get())));
            assertThat(got).containsExactlyEntriesOf(new TreeMap<>(Map.of("b", "new-b", "c", "old-c", "e", "new-e")));
        } finally {
            kv.store().close();
        }
    }

    @Test
    void shouldCompactBeforeTheRestoreEndsWhenItLeftManyLevel0Files() {
        Opened kv = open(dir, "kv");
        Opened built = open(dir, "built");
        try {
            List<KeyValue<byte[], byte[]>> changelog = randomChangelog(42, 3_000);
            kv.callback().onRestoreStart();
            for (KeyValue<byte[], byte[]> r : changelog) {
                kv.callback().restoreBatch(List.of(r));
            }
            assertThat(kv.store().level0Files()).isGreaterThan(RocksDBStore.MAX_LEVEL0_FILES_AFTER_RESTORE);

            kv.callback().onRestoreEnd();

            assertThat(kv.store().level0Files()).isLessThanOrEqualTo(RocksDBStore.MAX_LEVEL0_FILES_AFTER_RESTORE);
            put(built.store(), changelog);
            assertThat(contents(kv.store())).containsExactlyEntriesOf(contents(built.store()));
        } finally {
            kv.store().close();
            built.store().close();
        }
    }

    @Test
    void shouldLeaveNoBulkLoadFilesAndRemoveThoseACrashLeftWhenOpening() throws IOException {
        Opened kv = open(dir, "kv");
        Path bulkDir = kv.store().directory().resolve(SstBulkLoader.DIRECTORY);
        restore(kv.callback(), randomChangelog(3, 1_000), 50);
        try (var files = Files.list(bulkDir)) {
            assertThat(files.toList()).isEmpty();
        }
        Files.writeString(bulkDir.resolve("chunk-9.sst"), "half a table file");
        kv.store().close();

        Opened reopened = open(dir, "kv");

        assertThat(bulkDir).doesNotExist();
        assertThat(contents(reopened.store())).isNotEmpty();
        reopened.store().close();
    }

    @Test
    void shouldWriteBatchesThatArriveOutsideARestoreDirectly() {
        Opened kv = open(dir, "kv");
        try {
            kv.callback().restoreBatch(List.of(kv("a", "1"), kv("a", "2"), kv("b", "1"), kv("b", null)));

            assertThat(kv.store().get(Bytes.wrap("a".getBytes()))).isEqualTo("2".getBytes());
            assertThat(kv.store().get(Bytes.wrap("b".getBytes()))).isNull();
            assertThat(kv.store().directory().resolve(SstBulkLoader.DIRECTORY)).doesNotExist();
        } finally {
            kv.store().close();
        }
    }

    private static KeyValue<byte[], byte[]> kv(String key, String value) {
        return new KeyValue<>(key.getBytes(), value == null ? null : value.getBytes());
    }
}
