package io.runnel.state;

import io.runnel.common.ManualTime;
import io.runnel.common.metrics.MetricsRegistry;
import java.nio.file.Path;

/** A task state manager over a temp dir with a manual clock, an in-memory changelog and shared RocksDB memory. */
final class TestStores {
    final Path dir;
    final ManualTime time = new ManualTime();
    final MetricsRegistry metrics = new MetricsRegistry(time);
    final RocksDBResources rocks;
    final TestChangelog changelog;
    ThreadCache cache;
    long recordTimestamp = 1_000;

    TestStores(Path dir, RocksDBResources rocks, TestChangelog changelog) {
        this.dir = dir;
        this.rocks = rocks;
        this.changelog = changelog;
    }

    TaskStateManager manager() {
        TaskStateManager.Builder b = TaskStateManager.builder("app", "0_0", 0, dir)
                .time(time)
                .metrics(metrics)
                .cache(cache)
                .changelogWriters(changelog.writers())
                .recordTimestamp(() -> recordTimestamp);
        if (rocks != null) {
            b.rocksDBResources(rocks);
        }
        return b.build();
    }
}
