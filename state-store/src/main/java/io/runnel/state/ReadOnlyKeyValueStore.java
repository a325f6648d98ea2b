package io.runnel.state;

import io.runnel.common.Serializer;

/**
 * Read access to a key-value store, as used by processors and interactive queries.
 * Ranges are by the serialized key bytes in unsigned lexicographic order; bounds are inclusive;
 * a null bound means unbounded on that side; {@code from > to} yields an empty iterator.
 * Iterators must be closed.
 */
public interface ReadOnlyKeyValueStore<K, V> {

    /** The value of the key, or null when absent. */
    V get(K key);

    KeyValueIterator<K, V> range(K from, K to);

    KeyValueIterator<K, V> reverseRange(K from, K to);

    KeyValueIterator<K, V> all();

    KeyValueIterator<K, V> reverseAll();

    /** Entries whose serialized key starts with the serialized prefix. */
    <P> KeyValueIterator<K, V> prefixScan(P prefix, Serializer<P> prefixKeySerializer);

    /** An estimate of the number of entries (exact for in-memory stores). */
    long approximateNumEntries();
}
