package io.runnel.state;

import io.runnel.common.Time;
import io.runnel.common.TopicPartition;
import io.runnel.common.metrics.MetricsRegistry;
import io.runnel.log.Consumer;
import io.runnel.log.OffsetOutOfRangeException;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.function.LongSupplier;

/**
 * The state of one task: its stores, their changelogs and its checkpoint file. It is the
 * {@link StateStoreContext} the task's stores are initialized with, so the streams runtime (and
 * the test driver) can use it as is.
 *
 * <p>Life cycle, all on the task's stream thread:
 * <ol>
 * <li>{@link #initStores(List)}: initializes every store. A store whose files are corrupt
 *     ({@link CorruptedStoreException}) is wiped (its directories deleted) and initialized again,
 *     once: a second failure is thrown, never retried (no crash loop).</li>
 * <li>{@link #restore(Consumer)}: for every store that logs to a changelog, reads the changelog
 *     from the checkpointed offset (persistent stores) or from the start (in-memory stores) to its
 *     end. A persistent store without a checkpoint entry (state dir deleted, checkpoint missing or
 *     corrupt) that had files is wiped first; a checkpoint outside the changelog's range (start
 *     moved by retention, topic recreated) wipes the store and restores from the start, as does an
 *     {@link OffsetOutOfRangeException} during the restore.</li>
 * <li>Processing; on each commit: {@link #flush()}, flush the producer, then
 *     {@link #checkpoint(Map)} with the offsets the changelog acknowledged.</li>
 * <li>{@link #close()}: closes the stores (flush and checkpoint first for a clean close).</li>
 * </ol>
 * The checkpoint file is {@code stateDir/.checkpoint}. At-least-once: a store may hold writes
 * beyond its checkpoint (made after the last commit); replaying the changelog from the checkpoint
 * rewrites them in order, which converges to the same state for key-value, window and session
 * stores (a window store retaining duplicates may keep a replayed duplicate, as in Kafka Streams).
 */
public final class TaskStateManager implements StateStoreContext, AutoCloseable {
    private static final System.Logger LOG = System.getLogger(TaskStateManager.class.getName());
    static final String CHECKPOINT_FILE = ".checkpoint";

    private final String applicationId;
    private final String taskId;
    private final int partition;
    private final Path stateDir;
    private final Time time;
    private final MetricsRegistry metrics;
    private final RocksDBResources rocksDBResources;
    private final ThreadCache cache;
    private final Function<TopicPartition, ChangelogWriter> changelogWriters;
    private final LongSupplier recordTimestamp;
    private final OffsetCheckpoint checkpoint;

    private final Map<String, StateStore> stores = new LinkedHashMap<>();
    private final Map<String, StateRestoreCallback> callbacks = new HashMap<>();
    private final Set<String> logged = new HashSet<>();
    private final Map<TopicPartition, Long> offsets = new HashMap<>();
    private Map<TopicPartition, Long> checkpointed = new HashMap<>();

    private TaskStateManager(Builder b) {
        this.applicationId = b.applicationId;
        this.taskId = b.taskId;
        this.partition = b.partition;
        this.stateDir = b.stateDir;
        this.time = b.time;
        this.metrics = b.metrics != null ? b.metrics : new MetricsRegistry(b.time);
        this.rocksDBResources = b.rocksDBResources;
        this.cache = b.cache;
        this.changelogWriters = b.changelogWriters;
        this.recordTimestamp = b.recordTimestamp != null ? b.recordTimestamp : b.time::milliseconds;
        this.checkpoint = new OffsetCheckpoint(stateDir.resolve(CHECKPOINT_FILE));
    }

    public static Builder builder(String applicationId, String taskId, int partition, Path stateDir) {
        return new Builder(applicationId, taskId, partition, stateDir);
    }

    /** Options of a {@link TaskStateManager}; everything but the identity has a default. */
    public static final class Builder {
        private final String applicationId;
        private final String taskId;
        private final int partition;
        private final Path stateDir;
        private Time time = Time.SYSTEM;
        private MetricsRegistry metrics;
        private RocksDBResources rocksDBResources;
        private ThreadCache cache;
        private Function<TopicPartition, ChangelogWriter> changelogWriters = tp -> ChangelogWriter.NONE;
        private LongSupplier recordTimestamp;

        private Builder(String applicationId, String taskId, int partition, Path stateDir) {
            this.applicationId = Objects.requireNonNull(applicationId, "applicationId");
            this.taskId = Objects.requireNonNull(taskId, "taskId");
            if (partition < 0) {
                throw new IllegalArgumentException("partition < 0: " + partition);
            }
            this.partition = partition;
            this.stateDir = Objects.requireNonNull(stateDir, "stateDir");
        }

        public Builder time(Time time) {
            this.time = Objects.requireNonNull(time, "time");
            return this;
        }

        public Builder metrics(MetricsRegistry metrics) {
            this.metrics = Objects.requireNonNull(metrics, "metrics");
            return this;
        }

        /** The shared RocksDB memory (required when a store is persistent). */
        public Builder rocksDBResources(RocksDBResources resources) {
            this.rocksDBResources = Objects.requireNonNull(resources, "resources");
            return this;
        }

        /** The stream thread's cache; none = caching stores write through. */
        public Builder cache(ThreadCache cache) {
            this.cache = cache;
            return this;
        }

        /** Makes the sink of a changelog partition (over the runtime's producer). */
        public Builder changelogWriters(Function<TopicPartition, ChangelogWriter> factory) {
            this.changelogWriters = Objects.requireNonNull(factory, "factory");
            return this;
        }

        /** The timestamp of the record being processed; default: the clock. */
        public Builder recordTimestamp(LongSupplier recordTimestamp) {
            this.recordTimestamp = Objects.requireNonNull(recordTimestamp, "recordTimestamp");
            return this;
        }

        public TaskStateManager build() {
            return new TaskStateManager(this);
        }
    }

    // ---- StateStoreContext -------------------------------------------------------------------

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
        return stateDir;
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
        if (rocksDBResources == null) {
            throw new IllegalStateException("task " + taskId + " has no RocksDB resources; pass them to the builder");
        }
        return rocksDBResources;
    }

    @Override
    public ThreadCache cache() {
        return cache;
    }

    @Override
    public ChangelogWriter changelogWriter(String storeName) {
        logged.add(storeName);
        return changelogWriters.apply(changelogPartition(storeName));
    }

    @Override
    public long recordTimestamp() {
        return recordTimestamp.getAsLong();
    }

    @Override
    public void register(StateStore store, StateRestoreCallback restoreCallback) {
        Objects.requireNonNull(store, "store");
        Objects.requireNonNull(restoreCallback, "restoreCallback");
        callbacks.put(store.name(), restoreCallback);
    }

    // ---- life cycle --------------------------------------------------------------------------

    /** The changelog partition of a store of this task. */
    public TopicPartition changelogPartition(String storeName) {
        return new TopicPartition(Stores.changelogTopic(applicationId, storeName), partition);
    }

    /** Initializes the stores (see the class comment) and reads the checkpoint. */
    public void initStores(List<? extends StateStore> toInit) {
        try {
            Files.createDirectories(stateDir);
        } catch (IOException e) {
            throw new ProcessorStateException("cannot create state directory " + stateDir, e);
        }
        try {
            checkpointed = new HashMap<>(checkpoint.read());
        } catch (ProcessorStateException e) {
            LOG.log(Level.WARNING, "task {0}: {1}; restoring every store from the start of its changelog",
                    taskId, e.getMessage());
            checkpointed = new HashMap<>();
        }
        for (StateStore store : toInit) {
            if (stores.containsKey(store.name())) {
                throw new IllegalArgumentException("store " + store.name() + " registered twice in task " + taskId);
            }
            boolean hadFiles = hasFiles(store.name());
            initStore(store);
            stores.put(store.name(), store);
            TopicPartition tp = changelogPartition(store.name());
            if (store.persistent() && logged.contains(store.name()) && !checkpointed.containsKey(tp) && hadFiles) {
                LOG.log(Level.INFO, "task {0}: store {1} has no checkpoint; wiping it to restore from the start",
                        taskId, store.name());
                wipe(store);
            }
        }
    }

    private void initStore(StateStore store) {
        try {
            store.init(this, store);
        } catch (CorruptedStoreException e) {
            LOG.log(Level.WARNING, "task {0}: store {1} is corrupt ({2}); wiping it to restore from its changelog",
                    taskId, store.name(), e.getMessage());
            store.close();
            deleteStoreFiles(store.name());
            checkpointed.remove(changelogPartition(store.name()));
            store.init(this, store);
        }
    }

    /**
     * Restores every change-logged store to the end of its changelog. Returns the records
     * restored per changelog partition.
     */
    public Map<TopicPartition, ChangelogRestorer.Result> restore(Consumer<byte[], byte[]> consumer) {
        ChangelogRestorer restorer = new ChangelogRestorer(consumer, time);
        Map<TopicPartition, ChangelogRestorer.Result> results = new LinkedHashMap<>();
        for (StateStore store : stores.values()) {
            if (!logged.contains(store.name())) {
                continue;
            }
            TopicPartition tp = changelogPartition(store.name());
            Long from = store.persistent() ? checkpointed.get(tp) : null;
            ChangelogRestorer.Plan plan = restorer.plan(tp, from);
            if (plan.wipe()) {
                LOG.log(Level.INFO, "task {0}: checkpoint {1} of {2} is outside [{3}, {4}]; wiping store {5}",
                        taskId, from, tp, plan.beginning(), plan.end(), store.name());
                wipe(store);
            }
            ChangelogRestorer.Result result;
            try {
                result = restorer.restore(plan, callback(store));
            } catch (OffsetOutOfRangeException e) {
                LOG.log(Level.INFO, "task {0}: {1} moved during restore ({2}); wiping store {3}",
                        taskId, tp, e.getMessage(), store.name());
                wipe(store);
                plan = restorer.plan(tp, null);
                result = restorer.restore(plan, callback(store));
            }
            offsets.put(tp, result.end());
            results.put(tp, result);
        }
        return results;
    }

    private StateRestoreCallback callback(StateStore store) {
        StateRestoreCallback cb = callbacks.get(store.name());
        if (cb == null) {
            throw new IllegalStateException("store " + store.name() + " did not register a restore callback");
        }
        return cb;
    }

    /** Closes the store, deletes its files and initializes it again, empty. */
    public void wipe(StateStore store) {
        store.close();
        deleteStoreFiles(store.name());
        checkpointed.remove(changelogPartition(store.name()));
        offsets.remove(changelogPartition(store.name()));
        callbacks.remove(store.name());
        store.init(this, store);
    }

    /** Flushes every store (cache entries forwarded and written to the changelog, memtables to disk). */
    public void flush() {
        for (StateStore store : stores.values()) {
            store.flush();
        }
    }

    /**
     * Records the changelog offsets acknowledged so far (the offset after the last written
     * record, per changelog partition) and writes the checkpoint of the persistent stores.
     * Call after {@link #flush()} and the producer flush.
     */
    public void checkpoint(Map<TopicPartition, Long> changelogOffsets) {
        offsets.putAll(changelogOffsets);
        Map<TopicPartition, Long> toWrite = new HashMap<>();
        for (StateStore store : stores.values()) {
            TopicPartition tp = changelogPartition(store.name());
            Long offset = offsets.get(tp);
            if (store.persistent() && logged.contains(store.name()) && offset != null) {
                toWrite.put(tp, offset);
            }
        }
        checkpoint.write(toWrite);
    }

    /** The changelog offsets known so far (restored ends and checkpointed commits). */
    public Map<TopicPartition, Long> changelogOffsets() {
        return Collections.unmodifiableMap(new HashMap<>(offsets));
    }

    public StateStore store(String name) {
        return stores.get(name);
    }

    public List<StateStore> stores() {
        return List.copyOf(stores.values());
    }

    /** The changelog partitions of the task's change-logged stores. */
    public List<TopicPartition> changelogPartitions() {
        List<TopicPartition> out = new ArrayList<>();
        for (String name : stores.keySet()) {
            if (logged.contains(name)) {
                out.add(changelogPartition(name));
            }
        }
        return out;
    }

    /** Closes every store (best effort: all are closed even if one fails; the first error is thrown). */
    @Override
    public void close() {
        RuntimeException first = null;
        for (StateStore store : stores.values()) {
            try {
                store.close();
            } catch (RuntimeException e) {
                if (first == null) {
                    first = e;
                } else {
                    first.addSuppressed(e);
                }
            }
        }
        if (first != null) {
            throw first;
        }
    }

    private boolean hasFiles(String storeName) {
        return Files.exists(stateDir.resolve("rocksdb").resolve(storeName)) || Files.exists(stateDir.resolve(storeName));
    }

    private void deleteStoreFiles(String storeName) {
        deleteRecursively(stateDir.resolve("rocksdb").resolve(storeName));
        deleteRecursively(stateDir.resolve(storeName));
    }

    private static void deleteRecursively(Path path) {
        if (!Files.exists(path)) {
            return;
        }
        try (var walk = Files.walk(path)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new ProcessorStateException("cannot delete " + path, e);
        }
    }
}
