package io.runnel.state.internal.wrap;

import io.runnel.state.Bytes;
import io.runnel.state.KeyValue;
import io.runnel.state.KeyValueIterator;
import io.runnel.state.ThreadCache;
import java.util.Map;
import java.util.NoSuchElementException;

/**
 * Merges a snapshot of cache entries with a store iterator, both sorted in the same direction:
 * a key present in both comes from the cache; a cached pending delete (null value) hides the key.
 */
final class MergedSortedCacheIterator implements KeyValueIterator<Bytes, byte[]> {
    private final CacheCursor cache;
    private final KeyValueIterator<Bytes, byte[]> store;
    private final boolean forward;
    private final Bytes prefix;
    private KeyValue<Bytes, byte[]> next;

    /** {@code prefix}: when not null, the cache side ends at the first key without it. */
    MergedSortedCacheIterator(CacheCursor cache, KeyValueIterator<Bytes, byte[]> store, boolean forward, Bytes prefix) {
        this.cache = cache;
        this.store = store;
        this.forward = forward;
        this.prefix = prefix;
    }

    private Map.Entry<Bytes, ThreadCache.Entry> peekCache() {
        Map.Entry<Bytes, ThreadCache.Entry> e = cache.peek();
        if (e != null && prefix != null && !startsWith(e.getKey(), prefix)) {
            return null;
        }
        return e;
    }

    static boolean startsWith(Bytes key, Bytes prefix) {
        return key.length() >= prefix.length()
                && java.util.Arrays.equals(key.get(), 0, prefix.length(), prefix.get(), 0, prefix.length());
    }

    @Override
    public boolean hasNext() {
        while (next == null) {
            Map.Entry<Bytes, ThreadCache.Entry> cached = peekCache();
            boolean hasCache = cached != null;
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
                cmp = cached.getKey().compareTo(store.peekNextKey());
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
                cache.advance();
                if (cached.getValue().value() != null) {
                    next = new KeyValue<>(cached.getKey(), cached.getValue().value());
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
