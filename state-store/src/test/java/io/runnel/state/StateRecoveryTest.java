package io.runnel.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.runnel.common.Serdes;
import io.runnel.common.TopicPartition;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Restore and recovery of a task's stores from their changelog and checkpoint. */
class StateRecoveryTest {
    static RocksDBResources rocks;
    static final TopicPartition CHANGELOG = new TopicPartition("app-kv-changelog", 0);

    @TempDir
    Path dir;
    final TestChangelog changelog = new TestChangelog();

    @BeforeAll
    static void openRocks() {
        rocks = RocksDBResources.create(64L << 20);
    }

    @AfterAll
    static void closeRocks() {
        rocks.close();
    }

    /** One run of a task: a manager and its single store. */
    private final class Run implements AutoCloseable {
        final TaskStateManager manager;
        final KeyValueStore<String, String> store;

        Run(boolean persistent, boolean logged) {
            manager = new TestStores(dir, rocks, changelog).manager();
            StoreBuilder<KeyValueStore<String, String>> b = Stores.keyValueStoreBuilder(
                    persistent ? Stores.persistentKeyValueStore("kv") : Stores.inMemoryKeyValueStore("kv"),
                    Serdes.string(), Serdes.string());
            if (!logged) {
                b.withLoggingDisabled();
            }
            store = b.build();
            manager.initStores(List.of(store));
        }

        long restore() {
            return manager.restore(changelog.consumer(7)).values().stream()
                    .mapToLong(ChangelogRestorer.Result::restoredRecords).sum();
        }

        void commit() {
            manager.flush();
            manager.checkpoint(Map.of(CHANGELOG, changelog.endOffset(CHANGELOG)));
        }

        void put(int from, int to, String suffix) {
            for (int i = from; i < to; i++) {
                store.put("k" + i, "v" + i + suffix);
            }
        }

        @Override
        public void close() {
            manager.close();
        }
    }

    @Test
    void shouldRestoreEverythingWhenTheStateDirectoryWasDeleted() throws IOException {
        try (Run run = new Run(true, true)) {
            run.put(0, 100, "");
            run.commit();
        }
        deleteRecursively(dir);
        try (Run run = new Run(true, true)) {
            assertThat(run.restore()).isEqualTo(100);
            assertThat(run.store.get("k42")).isEqualTo("v42");
            assertThat(run.store.approximateNumEntries()).isPositive();
        }
    }

    @Test
    void shouldRestoreNothingWhenTheCheckpointIsAtTheEndOfTheChangelog() {
        try (Run run = new Run(true, true)) {
            run.put(0, 100, "");
            run.commit();
        }
        try (Run run = new Run(true, true)) {
            assertThat(run.restore()).isZero();
            assertThat(run.store.get("k99")).isEqualTo("v99");
        }
    }

    @Test
    void shouldRestoreOnlyTheTailWhenTheStoreIsBehindItsChangelog() {
        try (Run run = new Run(true, true)) {
            run.put(0, 100, "");
            run.commit();
            run.put(90, 110, "-late");
            // crash: no commit after the last writes
        }
        try (Run run = new Run(true, true)) {
            assertThat(run.restore()).isEqualTo(20);
            assertThat(run.store.get("k95")).isEqualTo("v95-late");
            assertThat(run.store.get("k105")).isEqualTo("v105-late");
            assertThat(run.store.get("k5")).isEqualTo("v5");
        }
    }

    @Test
    void shouldWipeAndRestoreFromTheStartWhenTheCheckpointIsMissing() throws IOException {
        try (Run run = new Run(true, true)) {
            run.put(0, 50, "");
            run.commit();
        }
        try (Run unlogged = new Run(true, false)) {
            unlogged.store.put("ghost", "not in the changelog");
            unlogged.manager.flush();
        }
        Files.delete(dir.resolve(".checkpoint"));
        try (Run run = new Run(true, true)) {
            assertThat(run.restore()).isEqualTo(50);
            assertThat(run.store.get("ghost")).isNull();
            assertThat(run.store.get("k49")).isEqualTo("v49");
        }
    }

    @Test
    void shouldRestoreFromTheStartWhenTheCheckpointIsCorrupt() throws IOException {
        try (Run run = new Run(true, true)) {
            run.put(0, 50, "");
            run.commit();
        }
        Path cp = dir.resolve(".checkpoint");
        String text = Files.readString(cp).replace(" 50\n", " 51\n");
        Files.writeString(cp, text);
        try (Run run = new Run(true, true)) {
            assertThat(run.restore()).isEqualTo(50);
            assertThat(run.store.get("k0")).isEqualTo("v0");
            run.commit();
        }
        assertThat(new OffsetCheckpoint(cp).read()).containsEntry(CHANGELOG, 50L);
    }

    @Test
    void shouldWipeAndRestoreFromTheNewStartWhenRetentionMovedThePastTheCheckpoint() {
        try (Run run = new Run(true, true)) {
            run.put(0, 50, "");
            run.commit();
            run.put(50, 100, "");
        }
        changelog.truncateBefore(CHANGELOG, 80);
        try (Run run = new Run(true, true)) {
            assertThat(run.restore()).isEqualTo(20);
            assertThat(run.store.get("k10")).as("wiped with the store").isNull();
            assertThat(run.store.get("k85")).isEqualTo("v85");
        }
    }

    @Test
    void shouldWipeAndRestoreWhenRocksDbFilesAreCorrupt() throws IOException {
        try (Run run = new Run(true, true)) {
            run.put(0, 100, "");
            run.commit();
        }
        Path storeDir = dir.resolve("rocksdb").resolve("kv");
        try (Stream<Path> files = Files.list(storeDir)) {
            for (Path f : files.toList()) {
                String name = f.getFileName().toString();
                if (name.endsWith(".sst") || name.startsWith("MANIFEST")) {
                    Files.write(f, "garbage, not a table".getBytes(StandardCharsets.UTF_8));
                }
            }
        }
        try (Run run = new Run(true, true)) {
            assertThat(run.restore()).isEqualTo(100);
            assertThat(run.store.get("k77")).isEqualTo("v77");
        }
        // and the next start is a normal one, not another wipe
        try (Run run = new Run(true, true)) {
            run.commit();
        }
        try (Run run = new Run(true, true)) {
            assertThat(run.restore()).isZero();
            assertThat(run.store.get("k77")).isEqualTo("v77");
        }
    }

    @Test
    void shouldRestoreInMemoryStoresFromTheStartOnEveryStart() {
        try (Run run = new Run(false, true)) {
            run.put(0, 30, "");
            run.commit();
        }
        try (Run run = new Run(false, true)) {
            assertThat(run.restore()).isEqualTo(30);
            assertThat(run.store.get("k29")).isEqualTo("v29");
        }
    }

    @Test
    void shouldApplyTombstonesDuringRestore() {
        try (Run run = new Run(true, true)) {
            run.put(0, 10, "");
            run.store.delete("k3");
            run.commit();
        }
        deleteRecursively(dir);
        try (Run run = new Run(true, true)) {
            assertThat(run.restore()).isEqualTo(11);
            assertThat(run.store.get("k3")).isNull();
            assertThat(run.store.get("k4")).isEqualTo("v4");
        }
    }

    @Test
    void shouldRestoreTheLastWriteOfEachKeyWhenTheChangelogRepeatsKeysAndHasTombstones() {
        try (Run run = new Run(true, true)) {
            for (int round = 0; round < 5; round++) {
                run.put(0, 200, "-" + round);
                for (int i = round; i < 200; i += 7) {
                    run.store.delete("k" + i);
                }
            }
            run.store.put("k4", "revived");
            run.commit();
        }
        deleteRecursively(dir);
        try (Run run = new Run(true, true)) {
            assertThat(run.restore()).isEqualTo(changelog.endOffset(CHANGELOG));
            for (int i = 0; i < 200; i++) {
                // the last round wrote "-4" everywhere, then deleted every 7th key from k4; k4 came back
                String expected = i % 7 != 4 ? "v" + i + "-4" : i == 4 ? "revived" : null;
                assertThat(run.store.get("k" + i)).as("k%d", i).isEqualTo(expected);
            }
        }
    }

    @Test
    void shouldRestoreEveryWriteAgainAfterACrashInTheMiddleOfARestore() {
        try (Run run = new Run(true, true)) {
            run.put(0, 100, "");
            run.commit();
            run.put(50, 150, "-late");
            for (int i = 10; i < 20; i++) {
                run.store.delete("k" + i);
            }
            // crash: no commit after the last writes
        }
        try (Run run = new Run(true, true)) {
            assertThatThrownBy(() -> run.manager.restore(changelog.consumerFailingAt(7, 4)))
                    .hasMessageContaining("crash in poll 4");
            // crash again: the restore never finished, no checkpoint written
        }
        try (Run run = new Run(true, true)) {
            assertThat(run.restore()).isEqualTo(110);
            assertThat(run.store.get("k5")).isEqualTo("v5");
            assertThat(run.store.get("k15")).isNull();
            assertThat(run.store.get("k60")).isEqualTo("v60-late");
            assertThat(run.store.get("k149")).isEqualTo("v149-late");
            run.commit();
        }
        try (Run run = new Run(true, true)) {
            assertThat(run.restore()).isZero();
            assertThat(run.store.get("k149")).isEqualTo("v149-late");
            assertThat(run.store.get("k15")).isNull();
        }
    }

    @Test
    void shouldReportRestoredRecordsInMetrics() {
        TestStores t = new TestStores(dir, rocks, changelog);
        for (int i = 0; i < 25; i++) {
            changelog.append(CHANGELOG, ("k" + i).getBytes(StandardCharsets.UTF_8), "v".getBytes(StandardCharsets.UTF_8));
        }
        try (TaskStateManager m = t.manager()) {
            KeyValueStore<String, String> s = Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore("kv"),
                    Serdes.string(), Serdes.string()).build();
            m.initStores(List.of(s));
            m.restore(changelog.consumer(10));
            var counter = (io.runnel.common.metrics.Counter) t.metrics.metric(io.runnel.common.metrics.MetricName.of(
                    "state-store", "restored-records", "task", "0_0", "store", "kv", "type", "rocksdb"));
            assertThat(counter.count()).isEqualTo(25);
        }
    }

    private static void deleteRecursively(Path path) {
        try (Stream<Path> walk = Files.walk(path)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
