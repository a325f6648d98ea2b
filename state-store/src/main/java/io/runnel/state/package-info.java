/**
 * Runnel's state stores, shaped like Kafka Streams': key-value ({@link io.runnel.state.KeyValueStore},
 * {@link io.runnel.state.TimestampedKeyValueStore}), window ({@link io.runnel.state.WindowStore}) and
 * session ({@link io.runnel.state.SessionStore}) stores over RocksDB (the default) or memory, made with
 * {@link io.runnel.state.Stores} and {@link io.runnel.state.StoreBuilder}.
 *
 * <p>A built store is a chain of layers, outermost first: metered (serdes, metrics) → caching
 * (optional, the thread's {@link io.runnel.state.ThreadCache}) → change-logging (optional) → the byte
 * store. The runtime gives stores a {@link io.runnel.state.StateStoreContext} (usually a
 * {@link io.runnel.state.TaskStateManager}), restores them from their changelogs with
 * {@link io.runnel.state.ChangelogRestorer} and the {@link io.runnel.state.OffsetCheckpoint}, bounds
 * their RocksDB memory with one {@link io.runnel.state.RocksDBResources} per process, and exposes them to
 * interactive queries through {@link io.runnel.state.QueryableStores}.
 */
package io.runnel.state;
