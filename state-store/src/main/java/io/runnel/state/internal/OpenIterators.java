package io.runnel.state.internal;

import io.runnel.state.KeyValueIterator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The iterators a store has handed out and that are not closed yet, so that closing the store
 * closes them (no native iterator outlives its RocksDB instance). Thread-safe.
 */
public final class OpenIterators {
    private final Set<KeyValueIterator<?, ?>> open = ConcurrentHashMap.newKeySet();

    public <I extends KeyValueIterator<?, ?>> I add(I iterator) {
        open.add(iterator);
        return iterator;
    }

    public void remove(KeyValueIterator<?, ?> iterator) {
        open.remove(iterator);
    }

    public int size() {
        return open.size();
    }

    /** Closes every open iterator. */
    public void closeAll() {
        for (KeyValueIterator<?, ?> it : List.copyOf(open)) {
            it.close();
        }
        open.clear();
    }
}
