package io.runnel.state.internal.wrap;

import io.runnel.common.Serializer;
import io.runnel.state.Bytes;
import io.runnel.state.CacheFlushListener;
import io.runnel.state.KeyValue;
import io.runnel.state.KeyValueIterator;
import io.runnel.state.KeyValueStore;
import io.runnel.state.ThreadCache;
import java.util.ArrayList;
import java.util.List;

/**
 * The caching layer of key-value stores (see {@link CachingStore}): the cache key is the key,
 * flushed entries reach the inner store in one write batch before they are forwarded, and range
 * reads merge a sorted cursor over the cache with the inner store's iterator.
 */
public final class CachingKeyValueStore extends CachingStore<KeyValueStore<Bytes, byte[]>, Bytes>
        implements KeyValueStore<Bytes, byte[]> {

    public CachingKeyValueStore(KeyValueStore<Bytes, byte[]> inner) {
        super(inner);
    }

    @Override
    protected Bytes cacheKey(Bytes key) {
        return key;
    }

    @Override
    protected byte[] stored(Bytes key) {
        return wrapped().get(key);
    }

    @Override
    protected void writeThrough(Bytes key, byte[] value) {
        wrapped().put(key, value);
    }

    /**
     * Writes flushed entries to the inner store (one batch) and forwards them. As in Kafka Streams,
     * a delete of a key the inner store does not hold is neither written nor forwarded.
     */
    @Override
    protected void flushEntries(List<ThreadCache.DirtyEntry> entries) {
        CacheFlushListener<Bytes, byte[]> listener = listener();
        List<KeyValue<Bytes, byte[]>> writes = new ArrayList<>(entries.size());
        List<byte[]> olds = new ArrayList<>(entries.size());
        List<ThreadCache.DirtyEntry> kept = new ArrayList<>(entries.size());
        for (ThreadCache.DirtyEntry e : entries) {
            byte[] old = needsOldValue(e.value()) ? stored(e.key()) : null;
            if (e.value() == null && old == null) {
                continue;
            }
            kept.add(e);
            olds.add(sendOldValues() ? old : null);
            writes.add(new KeyValue<>(e.key(), e.value()));
        }
        long[] timestamps = new long[kept.size()];
        for (int i = 0; i < kept.size(); i++) {
            timestamps[i] = kept.get(i).timestamp();
        }
        if (wrapped() instanceof ChangeLoggingKeyValueBytesStore logging) {
            logging.putAllWithTimestamps(writes, timestamps);
        } else {
            wrapped().putAll(writes);
        }
        if (listener != null) {
            for (int i = 0; i < kept.size(); i++) {
                ThreadCache.DirtyEntry e = kept.get(i);
                listener.apply(e.key(), e.value(), olds.get(i), e.timestamp());
            }
        }
    }

    @Override
    public byte[] get(Bytes key) {
        return read(key);
    }

    @Override
    public void put(Bytes key, byte[] value) {
        write(key, value);
    }

    @Override
    public byte[] putIfAbsent(Bytes key, byte[] value) {
        byte[] old = get(key);
        if (old == null) {
            put(key, value);
        }
        return old;
    }

    @Override
    public void putAll(List<KeyValue<Bytes, byte[]>> entries) {
        for (KeyValue<Bytes, byte[]> e : entries) {
            put(e.key(), e.value());
        }
    }

    @Override
    public byte[] delete(Bytes key) {
        byte[] old = get(key);
        put(key, null);
        return old;
    }

    @Override
    public KeyValueIterator<Bytes, byte[]> range(Bytes from, Bytes to) {
        return merged(from, to, true, wrapped().range(from, to));
    }

    @Override
    public KeyValueIterator<Bytes, byte[]> reverseRange(Bytes from, Bytes to) {
        return merged(from, to, false, wrapped().reverseRange(from, to));
    }

    @Override
    public KeyValueIterator<Bytes, byte[]> all() {
        return merged(null, null, true, wrapped().all());
    }

    @Override
    public KeyValueIterator<Bytes, byte[]> reverseAll() {
        return merged(null, null, false, wrapped().reverseAll());
    }

    @Override
    public <P> KeyValueIterator<Bytes, byte[]> prefixScan(P prefix, Serializer<P> prefixKeySerializer) {
        checkOpen();
        KeyValueIterator<Bytes, byte[]> inner = wrapped().prefixScan(prefix, prefixKeySerializer);
        if (cache() == null) {
            return inner;
        }
        Bytes from = Bytes.wrap(prefixKeySerializer.serialize(null, prefix));
        return new MergedSortedCacheIterator(new CacheCursor(cache(), namespace(), from, null, true), inner, true, from);
    }

    private KeyValueIterator<Bytes, byte[]> merged(Bytes from, Bytes to, boolean forward,
                                                   KeyValueIterator<Bytes, byte[]> inner) {
        checkOpen();
        if (cache() == null) {
            return inner;
        }
        return new MergedSortedCacheIterator(new CacheCursor(cache(), namespace(), from, to, forward), inner, forward, null);
    }

    @Override
    public long approximateNumEntries() {
        checkOpen();
        return wrapped().approximateNumEntries();
    }
}
