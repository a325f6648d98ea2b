package io.runnel.streams.internal.runtime;

import io.runnel.common.Time;
import io.runnel.common.metrics.MetricsRegistry;
import io.runnel.state.ChangelogWriter;
import io.runnel.state.RocksDBResources;
import io.runnel.state.StateRestoreCallback;
import io.runnel.state.StateStore;
import io.runnel.state.StateStoreContext;
import io.runnel.state.StoreBuilder;
import io.runnel.state.ThreadCache;
import io.runnel.streams.internal.topology.InternalTopologyBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.function.LongSupplier;
import java.util.stream.Stream;

/**
 * Builds and initializes the stores of tasks, implementing {@link StateStoreContext} for them.
 * This variant serves the test driver: no changelog (writes are not logged), no record cache
 * (every update is forwarded), no restore, and a temporary state directory created only if a
 * persistent store asks for it and deleted on {@link #close()}. RocksDB resources are created
 * only when a RocksDB store asks. Runs on the driver's thread.
 */
public final class StoreOpener implements AutoCloseable {
    private final String applicationId;
    private final Time time;
    private final MetricsRegistry metrics;
    private Path stateRoot;
    private RocksDBResources rocksDB;

    private StoreOpener(String applicationId, Time time) {
        this.applicationId = applicationId;
        this.time = time;
        this.metrics = new MetricsRegistry(time);
    }

    public static StoreOpener inMemoryForTests(String applicationId, Time time) {
        return new StoreOpener(applicationId, time);
    }

    public MetricsRegistry metrics() {
        return metrics;
    }

    public StateStore open(InternalTopologyBuilder.StoreDef def, TaskContext task) {
        StateStore store = def.builder().build();
        store.init(new Context(task.taskId().toString(), task.taskId().partition(), task::recordTimestamp), store);
        return store;
    }

    public StateStore openGlobal(StoreBuilder<?> builder) {
        StateStore store = builder.build();
        store.init(new Context("global", 0, () -> 0L), store);
        return store;
    }

    private synchronized Path stateDir(String taskId) {
        try {
            if (stateRoot == null) {
                stateRoot = Files.createTempDirectory("runnel-test-driver-");
            }
            Path dir = stateRoot.resolve(applicationId).resolve(taskId);
            Files.createDirectories(dir);
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the state directory", e);
        }
    }

    private synchronized RocksDBResources rocksDB() {
        if (rocksDB == null) {
            rocksDB = RocksDBResources.create(64L * 1024 * 1024);
        }
        return rocksDB;
    }

    private final class Context implements StateStoreContext {
        private final String taskId;
        private final int partition;
        private final LongSupplier recordTimestamp;

        Context(String taskId, int partition, LongSupplier recordTimestamp) {
            this.taskId = taskId;
            this.partition = partition;
            this.recordTimestamp = recordTimestamp;
        }

        @Override
        public String applicationId() {
            return applicationId;
        }

        @Override
        public String taskId() {
            return taskId;
        }

        @Override
        public int partition() {
            return partition;
        }

        @Override
        public Path stateDir() {
            return StoreOpener.this.stateDir(taskId);
        }

        @Override
        public Time time() {
            return time;
        }

        @Override
        public MetricsRegistry metrics() {
            return metrics;
        }

        @Override
        public RocksDBResources rocksDBResources() {
            return rocksDB();
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
            return recordTimestamp.getAsLong();
        }

        @Override
        public void register(StateStore store, StateRestoreCallback restoreCallback) {
            // nothing to restore in the test driver
        }
    }

    @Override
    public synchronized void close() {
        if (rocksDB != null) {
            rocksDB.close();
            rocksDB = null;
        }
        if (stateRoot != null) {
            try (Stream<Path> paths = Files.walk(stateRoot)) {
                paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException e) {
                throw new UncheckedIOException("cannot delete " + stateRoot, e);
            }
            stateRoot = null;
        }
    }
}
