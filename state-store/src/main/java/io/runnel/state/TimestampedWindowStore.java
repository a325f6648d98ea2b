package io.runnel.state;

/** A window store whose values carry the timestamp of their last update (what windowed KTables use). */
public interface TimestampedWindowStore<K, V> extends WindowStore<K, ValueAndTimestamp<V>> {
}
