package io.runnel.state;

/**
 * A store of values per key and window start time, kept for a retention period. Data is kept in
 * time segments; a segment is dropped as a whole once the stream time (the largest window start
 * seen) has moved past its end plus the retention period. Puts into dropped segments are ignored.
 * With {@code retainDuplicates} every put adds an entry (for stream-stream joins) and a null
 * value is ignored; otherwise a put replaces and a null value deletes.
 */
public interface WindowStore<K, V> extends StateStore, ReadOnlyWindowStore<K, V> {

    void put(K key, V value, long windowStartTime);
}
