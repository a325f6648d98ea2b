package io.runnel.state.internal.wrap;

import io.runnel.state.Bytes;
import io.runnel.state.KeyValue;
import io.runnel.state.KeyValueIterator;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * Merges cached entries of a segmented store (store keys, sorted in the inner store's order) with
 * the inner store's iterator; both compared by (segment of {@code segmentTime}, store key), reversed
 * when backward. A key in both comes from the cache; a cached delete (null value) hides it.
 */
final class MergedCacheIterator<K> implements KeyValueIterator<K, byte[]> {
    private final List<KeyValue<Bytes, byte[]>> cached;
    private final KeyValueIterator<K, byte[]> stored;
    private final boolean forward;
    private final java.util.function.Function<KeyValue<K, byte[]>, Bytes> storeKeyOf;
    private final java.util.function.Function<KeyValue<Bytes, byte[]>, KeyValue<K, byte[]>> fromCache;
    private final long segmentInterval;
    private final java.util.function.ToLongFunction<byte[]> segmentTime;
    private int c;
    private KeyValue<K, byte[]> next;
    private KeyValue<K, byte[]> storedPeek;

    MergedCacheIterator(List<KeyValue<Bytes, byte[]>> cached, KeyValueIterator<K, byte[]> stored, boolean forward,
                         java.util.function.Function<KeyValue<K, byte[]>, Bytes> storeKeyOf,
                         java.util.function.Function<KeyValue<Bytes, byte[]>, KeyValue<K, byte[]>> fromCache,
                         long segmentInterval, java.util.function.ToLongFunction<byte[]> segmentTime) {
        this.segmentTime = segmentTime;
        this.cached = cached;
        this.stored = stored;
        this.forward = forward;
        this.storeKeyOf = storeKeyOf;
        this.fromCache = fromCache;
        this.segmentInterval = segmentInterval;
    }

    private int compare(Bytes a, Bytes b) {
        int cmp = Long.compare(segmentTime.applyAsLong(a.get()) / segmentInterval,
                segmentTime.applyAsLong(b.get()) / segmentInterval);
        if (cmp == 0) {
            cmp = a.compareTo(b);
        }
        return forward ? cmp : -cmp;
    }

    @Override
    public boolean hasNext() {
        while (next == null) {
            if (storedPeek == null && stored.hasNext()) {
                storedPeek = stored.next();
            }
            boolean hasCache = c < cached.size();
            if (!hasCache && storedPeek == null) {
                return false;
            }
            int cmp;
            if (!hasCache) {
                cmp = 1;
            } else if (storedPeek == null) {
                cmp = -1;
            } else {
                cmp = compare(cached.get(c).key(), storeKeyOf.apply(storedPeek));
            }
            if (cmp > 0) {
                next = storedPeek;
                storedPeek = null;
            } else {
                if (cmp == 0) {
                    storedPeek = null;
                }
                KeyValue<Bytes, byte[]> e = cached.get(c++);
                if (e.value() != null) {
                    next = fromCache.apply(e);
                }
            }
        }
        return true;
    }

    @Override
    public KeyValue<K, byte[]> next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        KeyValue<K, byte[]> kv = next;
        next = null;
        return kv;
    }

    @Override
    public K peekNextKey() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        return next.key();
    }

    @Override
    public void close() {
        stored.close();
    }
}
