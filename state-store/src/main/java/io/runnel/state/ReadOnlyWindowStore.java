package io.runnel.state;

/**
 * Read access to a window store. Time bounds are window start times, inclusive. Results of one
 * key are in ascending window-start order; range results are ordered by segment, then key, then
 * window start. Iterators must be closed.
 */
public interface ReadOnlyWindowStore<K, V> {

    /** The value of the key in the window starting at {@code windowStartTime}, or null. */
    V fetch(K key, long windowStartTime);

    WindowStoreIterator<V> fetch(K key, long timeFrom, long timeTo);

    /** Windows of keys in {@code [keyFrom, keyTo]} (null = unbounded) starting in {@code [timeFrom, timeTo]}. */
    KeyValueIterator<Windowed<K>, V> fetch(K keyFrom, K keyTo, long timeFrom, long timeTo);

    KeyValueIterator<Windowed<K>, V> fetchAll(long timeFrom, long timeTo);

    KeyValueIterator<Windowed<K>, V> all();

    /** As {@link #fetch(Object, long, long)}, newest window first. */
    WindowStoreIterator<V> backwardFetch(K key, long timeFrom, long timeTo);
}
