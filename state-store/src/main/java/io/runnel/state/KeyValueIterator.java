package io.runnel.state;

import java.util.Iterator;

/**
 * An iterator over a store's entries that holds native or snapshot resources: it must be
 * {@link #close() closed} (use try-with-resources). A store closes all iterators still open when
 * the store itself is closed; after that {@link #hasNext()} and {@link #next()} throw
 * {@link InvalidStateStoreException}. Not thread-safe.
 */
public interface KeyValueIterator<K, V> extends Iterator<KeyValue<K, V>>, AutoCloseable {

    /** The key of the next entry without advancing; {@link java.util.NoSuchElementException} when none. */
    K peekNextKey();

    @Override
    void close();
}
