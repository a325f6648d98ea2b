package io.runnel.state;

/** A key-value store whose values carry the timestamp of their last update (what KTables use). */
public interface TimestampedKeyValueStore<K, V> extends KeyValueStore<K, ValueAndTimestamp<V>> {
}
