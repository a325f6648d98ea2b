package io.runnel.state;

/** Entries of one key in a window store: the key of each entry is the window start time. */
public interface WindowStoreIterator<V> extends KeyValueIterator<Long, V> {
}
