package io.runnel.state;

import io.runnel.common.Time;
import io.runnel.common.metrics.MetricsRegistry;
import java.nio.file.Path;

/**
 * What a store gets from its runtime: THE contract between state stores and the streams runtime
 * (tasks of a stream thread, or the test driver). The runtime implements it (or uses
 * {@link TaskStateManager}, which does) and passes it to {@link StateStore#init}; stores keep what
 * they need from it during init and must not call it from other threads.
 *
 * <h2>Directory layout</h2>
 * {@link #stateDir()} is the task's directory, e.g. {@code <state.dir>/<applicationId>/<taskId>}.
 * A RocksDB key-value store keeps its files in {@code stateDir/rocksdb/<storeName>}; a segmented
 * (window or session) store in {@code stateDir/<storeName>/<storeName>.<segmentStartMs>}; the
 * checkpoint file is {@code stateDir/.checkpoint}. Wiping a store = deleting those directories.
 *
 * <h2>Change logging</h2>
 * A store built with logging enabled asks {@link #changelogWriter(String)} once, during init, for
 * the sink of its changelog (topic {@code <applicationId>-<storeName>-changelog}, the task's
 * {@link #partition()}) and then logs every write in write order: key and value bytes as the byte
 * store holds them (null value = delete), with {@link #recordTimestamp()} as the record timestamp.
 * The runtime must flush the producer behind the writer before it writes a checkpoint.
 *
 * <h2>Caching</h2>
 * A store built with caching enabled uses {@link #cache()} (one per stream thread, namespaced by
 * {@code <taskId>.<storeName>}). When the cache is null or has size 0, caching stores write
 * through and forward every update at once. Forwarding goes through the
 * {@link CacheFlushListener} the owning processor set with
 * {@link CachedStateStore#setFlushListener}; the listener runs on the stream thread, inside
 * {@link StateStore#flush()} (commit) or inside a put that evicts, with the record timestamp of the
 * update that made the entry dirty.
 *
 * <h2>Restore</h2>
 * During init every store calls {@link #register(StateStore, StateRestoreCallback)} once with
 * its root store and a callback that writes changelog records straight into its byte layer (not
 * through the cache, not back into the changelog). The runtime then restores each registered
 * store from its changelog ({@link ChangelogRestorer}) before it processes any record, and writes
 * the checkpoint ({@link OffsetCheckpoint}) after each commit's flush.
 *
 * <h2>Commit order (at-least-once)</h2>
 * {@code store.flush()} for every store (cache → changelog + byte store, memtables → disk), then
 * flush the producer, then write the checkpoint with the changelog offsets acknowledged so far.
 */
public interface StateStoreContext {

    String applicationId();

    /** The task's id as the runtime prints it, e.g. {@code 0_1} (subtopology _ partition). */
    String taskId();

    /** The task's partition, which is also the partition of each of its stores' changelogs. */
    int partition();

    /** The task's state directory (created by the runtime; see the layout above). */
    Path stateDir();

    Time time();

    MetricsRegistry metrics();

    /** The process-wide RocksDB memory every RocksDB store must use. */
    RocksDBResources rocksDBResources();

    /** The stream thread's record cache, or null when caching is off for the thread. */
    ThreadCache cache();

    /** The sink of the store's changelog; asked once per init by change-logging stores. */
    ChangelogWriter changelogWriter(String storeName);

    /**
     * The timestamp of the record being processed (or the punctuation time): stamped on changelog
     * records and cache entries.
     */
    long recordTimestamp();

    /**
     * Registers a store for restore: {@code store} is the root store (the one the runtime holds),
     * {@code restoreCallback} writes the changelog's bytes into the store's byte layer.
     * Called by the innermost store during {@link StateStore#init}.
     */
    void register(StateStore store, StateRestoreCallback restoreCallback);
}
