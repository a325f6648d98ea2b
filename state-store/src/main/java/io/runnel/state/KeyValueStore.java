package io.runnel.state;

import java.util.List;

/** A key-value store. A null value is a delete (a tombstone in the changelog). */
public interface KeyValueStore<K, V> extends StateStore, ReadOnlyKeyValueStore<K, V> {

    void put(K key, V value);

    /** Puts the value when the key is absent; returns the previous value (null when it was put). */
    V putIfAbsent(K key, V value);

    void putAll(List<KeyValue<K, V>> entries);

    /** Deletes the key and returns its old value (null when absent). */
    V delete(K key);
}
