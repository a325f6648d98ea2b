package io.runnel.state.internal.wrap;

import io.runnel.state.Bytes;
import io.runnel.state.KeyValue;
import io.runnel.state.KeyValueIterator;
import io.runnel.state.ThreadCache;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;

/**
 * Merges a snapshot of cache entries with a store iterator, both sorted in the same direction:
 * a key present in both comes from the cache; a cached pending delete (null value) hides the key.
 */
final class MergedSortedCacheIterator implements KeyValueIterator<Bytes, byte[]> {
    private final List<Map.Entry<Bytes, ThreadCache.Entry>> cache;
    private final KeyValueIterator<Bytes, byte[]> store;
    private final boolean forward;
    private int c;
    private KeyValue<Bytes, byte[]> next;

    MergedSortedCacheIterator(List<Map.Entry<Bytes, ThreadCache.Entry>> cache, KeyValueIterator<Bytes, byte[]> store,
                              boolean forward) {
        this.cache = cache;
        this.store = store;
        this.forward = forward;
    }

    @Override
    public boolean hasNext() {
        while (next == null) {
            boolean hasCache = c < cache.size();
            boolean hasStore = store.hasNext();
            if (!hasCache && !hasStore) {
                return false;
            }
            int cmp;
            if (!hasCache) {
                cmp = 1;
            } else if (!hasStore) {
                cmp = -1;
            } else {
                cmp = cache.get(c).getKey().compareTo(store.peekNextKey());
                if (!forward) {
                    cmp = -cmp;
                }
            }
            if (cmp > 0) {
                next = store.next();
            } else {
                if (cmp == 0) {
                    store.next();
                }
                Map.Entry<Bytes, ThreadCache.Entry> e = cache.get(c++);
                if (e.getValue().value() != null) {
                    next = new KeyValue<>(e.getKey(), e.getValue().value());
                }
            }
        }
        return true;
    }

    @Override
    public KeyValue<Bytes, byte[]> next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        KeyValue<Bytes, byte[]> kv = next;
        next = null;
        return kv;
    }

    @Override
    public Bytes peekNextKey() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        return next.key();
    }

    @Override
    public void close() {
        store.close();
    }
}
