package io.runnel.state.internal.rocksdb;

import static org.assertj.core.api.Assertions.assertThat;

import io.runnel.common.Time;
import io.runnel.common.metrics.MetricsRegistry;
import io.runnel.state.Bytes;
import io.runnel.state.ChangelogWriter;
import io.runnel.state.KeyValue;
import io.runnel.state.KeyValueIterator;
import io.runnel.state.RocksDBResources;
import io.runnel.state.StateRestoreCallback;
import io.runnel.state.StateStore;
import io.runnel.state.StateStoreContext;
import io.runnel.state.TaskStateManager;
import io.runnel.state.ThreadCache;
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

    /** A task context that keeps the restore callback the store registers. */
    private static final class Context implements StateStoreContext {
        private final TaskStateManager delegate;
        StateRestoreCallback callback;

        Context(Path stateDir) {
            delegate = TaskStateManager.builder("app", "0_0", 0, stateDir).rocksDBResources(rocks).build();
        }

        @Override
        public String applicationId() {
            return delegate.applicationId();
        }

        @Override
        public String taskId() {
            return delegate.taskId();
        }

        @Override
        public int partition() {
            return delegate.partition();
        }

        @Override
        public Path stateDir() {
            return delegate.stateDir();
        }

        @Override
        public Time time() {
            return delegate.time();
        }

        @Override
        public MetricsRegistry metrics() {
            return delegate.metrics();
        }

        @Override
        public RocksDBResources rocksDBResources() {
            return rocks;
        }

        @Override
        public ThreadCache cache() {
            return null;
        }

        @Override
        public ChangelogWriter changelogWriter(String storeName) {
            return ChangelogWriter.NONE;
        }

        @Override
        public long recordTimestamp() {
            return 0;
        }

        @Override
        public void register(StateStore store, StateRestoreCallback restoreCallback) {
            callback = restoreCallback;
        }
    }

    private RocksDBStore open(String name, RocksDBStore.RestoreChunking chunking, Context context) {
        RocksDBStore store = new RocksDBStore(name, "rocksdb", chunking);
        store.init(context, store);
        return store;
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
            Context context = new Context(dir.resolve("seed-" + seed));
            RocksDBStore restored = open("restored", SMALL, context);
            StateRestoreCallback callback = context.callback;
            RocksDBStore built = open("built", SMALL, context);
            try {
                restore(callback, changelog, 7);
                put(built, changelog);

                Map<Bytes, Bytes> expected = contents(built);
                assertThat(expected).as("seed %d", seed).isNotEmpty();
                assertThat(contents(restored)).as("seed %d", seed).containsExactlyEntriesOf(expected);
                for (KeyValue<byte[], byte[]> w : changelog) {
                    assertThat(restored.get(Bytes.wrap(w.key()))).as("seed %d", seed).isEqualTo(built.get(Bytes.wrap(w.key())));
                }
            } finally {
                restored.close();
                built.close();
            }
        }
    }

    @Test
    void shouldKeepTheChangelogOrderAroundRecordsLargerThanAChunk() {
        Context context = new Context(dir);
        RocksDBStore store = open("kv", SMALL, context);
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
            restore(context.callback, changelog, 2);

            assertThat(store.get(Bytes.wrap(new byte[] {1}))).isEqualTo(big);
            assertThat(store.get(Bytes.wrap(new byte[] {2}))).containsExactly(22);
            assertThat(store.get(Bytes.wrap(new byte[] {3}))).isEqualTo(big);
        } finally {
            store.close();
        }
    }

    @Test
    void shouldOverrideWhatTheStoreHeldOnDiskAndInItsMemtable() {
        Context context = new Context(dir);
        RocksDBStore store = open("kv", SMALL, context);
        try {
            put(store, List.of(kv("a", "old-a"), kv("b", "old-b"), kv("c", "old-c")));
            store.flush();
            put(store, List.of(kv("d", "unflushed-d"), kv("e", "unflushed-e")));

            restore(context.callback, List.of(kv("a", null), kv("b", "new-b"), kv("d", null), kv("e", "new-e")), 10);

            TreeMap<String, String> got = new TreeMap<>();
            contents(store).forEach((k, v) -> got.put(new String(k.get()), new String(v.get())));
            assertThat(got).containsExactlyEntriesOf(new TreeMap<>(Map.of("b", "new-b", "c", "old-c", "e", "new-e")));
        } finally {
            store.close();
        }
    }

    @Test
    void shouldCompactBeforeTheRestoreEndsWhenItLeftManyLevel0Files() {
        Context context = new Context(dir);
        RocksDBStore store = open("kv", SMALL, context);
        try {
            List<KeyValue<byte[], byte[]>> changelog = randomChangelog(42, 3_000);
            StateRestoreCallback callback = context.callback;
            callback.onRestoreStart();
            for (KeyValue<byte[], byte[]> r : changelog) {
                callback.restoreBatch(List.of(r));
            }
            assertThat(store.level0Files())
                    .isGreaterThan(RocksDBStore.MAX_LEVEL0_FILES_AFTER_RESTORE);

            callback.onRestoreEnd();

            assertThat(store.level0Files())
                    .isLessThanOrEqualTo(RocksDBStore.MAX_LEVEL0_FILES_AFTER_RESTORE);
            RocksDBStore built = open("built", SMALL, context);
            put(built, changelog);
            assertThat(contents(store)).containsExactlyEntriesOf(contents(built));
            built.close();
        } finally {
            store.close();
        }
    }

    @Test
    void shouldLeaveNoBulkLoadFilesAndRemoveThoseACrashLeftWhenOpening() throws IOException {
        Context context = new Context(dir);
        RocksDBStore store = open("kv", SMALL, context);
        Path bulkDir = store.directory().resolve(SstBulkLoader.DIRECTORY);
        restore(context.callback, randomChangelog(3, 1_000), 50);
        try (var files = Files.list(bulkDir)) {
            assertThat(files.toList()).isEmpty();
        }
        Files.writeString(bulkDir.resolve("chunk-9.sst"), "half a table file");
        store.close();

        store = open("kv", SMALL, context);

        assertThat(bulkDir).doesNotExist();
        assertThat(contents(store)).isNotEmpty();
        store.close();
    }

    @Test
    void shouldWriteBatchesThatArriveOutsideARestoreDirectly() {
        Context context = new Context(dir);
        RocksDBStore store = open("kv", SMALL, context);
        try {
            context.callback.restoreBatch(List.of(kv("a", "1"), kv("a", "2"), kv("b", "1"), kv("b", null)));

            assertThat(store.get(Bytes.wrap("a".getBytes()))).isEqualTo("2".getBytes());
            assertThat(store.get(Bytes.wrap("b".getBytes()))).isNull();
            assertThat(store.directory().resolve(SstBulkLoader.DIRECTORY)).doesNotExist();
        } finally {
            store.close();
        }
    }

    private static KeyValue<byte[], byte[]> kv(String key, String value) {
        return new KeyValue<>(key.getBytes(), value == null ? null : value.getBytes());
    }
}
