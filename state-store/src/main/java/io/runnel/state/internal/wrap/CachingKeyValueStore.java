package io.runnel.state.internal.wrap;

import io.runnel.common.Serializer;
import io.runnel.state.Bytes;
import io.runnel.state.CacheFlushListener;
import io.runnel.state.CachedStateStore;
import io.runnel.state.KeyValue;
import io.runnel.state.KeyValueIterator;
import io.runnel.state.KeyValueStore;
import io.runnel.state.StateStore;
import io.runnel.state.StateStoreContext;
import io.runnel.state.ThreadCache;
import io.runnel.state.internal.StoreState;
import java.util.ArrayList;
import java.util.List;

/**
 * Absorbs writes in the thread's {@link ThreadCache} (namespace {@code <taskId>.<storeName>}) and
 * writes them to the inner store — and forwards them to the {@link CacheFlushListener} — only when
 * the cache flushes them (commit) or evicts them. Repeated updates of a key between two flushes
 * reach the inner store, the changelog and downstream once, with the latest value and the
 * timestamp of that update. Reads see the cache first. With no cache (or a cache of size 0) every
 * write goes through and is forwarded at once. Reads never insert into the cache, so
 * interactive-query threads cannot trigger evictions. Threading: the stream thread writes.
 */
public final class CachingKeyValueStore extends WrappedStateStore<KeyValueStore<Bytes, byte[]>>
        implements KeyValueStore<Bytes, byte[]>, CachedStateStore<Bytes, byte[]> {
    private final StoreState state;
    private ThreadCache cache;
    private String namespace;
    private StateStoreContext context;
    private CacheFlushListener<Bytes, byte[]> listener;
    private boolean sendOldValues;

    public CachingKeyValueStore(KeyValueStore<Bytes, byte[]> inner) {
        super(inner);
        this.state = new StoreState(inner.name());
    }

    @Override
    public void init(StateStoreContext context, StateStore root) {
        this.context = context;
        this.namespace = context.taskId() + "." + name();
        ThreadCache c = context.cache();
        this.cache = c != null && c.maxBytes() > 0 ? c : null;
        if (cache != null) {
            cache.addDirtyEntryFlushListener(namespace, this::flushEntries);
        }
        super.init(context, root);
        state.opened();
    }

    @Override
    public boolean setFlushListener(CacheFlushListener<Bytes, byte[]> listener, boolean sendOldValues) {
        this.listener = listener;
        this.sendOldValues = sendOldValues;
        return true;
    }

    /**
     * Writes flushed entries to the inner store (one batch) and forwards them. As in Kafka Streams,
     * a delete of a key the inner store does not hold is neither written nor forwarded.
     */
    private void flushEntries(List<ThreadCache.DirtyEntry> entries) {
        List<KeyValue<Bytes, byte[]>> writes = new ArrayList<>(entries.size());
        List<byte[]> olds = new ArrayList<>(entries.size());
        List<ThreadCache.DirtyEntry> kept = new ArrayList<>(entries.size());
        for (ThreadCache.DirtyEntry e : entries) {
            byte[] old = e.value() == null || (sendOldValues && listener != null) ? wrapped().get(e.key()) : null;
            if (e.value() == null && old == null) {
                continue;
            }
            kept.add(e);
            olds.add(sendOldValues ? old : null);
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
        state.check();
        if (cache != null) {
            ThreadCache.Entry e = cache.get(namespace, key);
            if (e != null) {
                return e.value();
            }
        }
        return wrapped().get(key);
    }

    @Override
    public void put(Bytes key, byte[] value) {
        state.check();
        if (cache == null) {
            byte[] old = listener != null && sendOldValues ? wrapped().get(key) : null;
            wrapped().put(key, value);
            if (listener != null) {
                listener.apply(key, value, old, context.recordTimestamp());
            }
        } else {
            cache.put(namespace, key, new ThreadCache.Entry(value, true, context.recordTimestamp()));
        }
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
        state.check();
        KeyValueIterator<Bytes, byte[]> inner = wrapped().prefixScan(prefix, prefixKeySerializer);
        if (cache == null) {
            return inner;
        }
        Bytes from = Bytes.wrap(prefixKeySerializer.serialize(null, prefix));
        return new MergedSortedCacheIterator(new CacheCursor(cache, namespace, from, null, true), inner, true, from);
    }

    private KeyValueIterator<Bytes, byte[]> merged(Bytes from, Bytes to, boolean forward,
                                                   KeyValueIterator<Bytes, byte[]> inner) {
        state.check();
        if (cache == null) {
            return inner;
        }
        return new MergedSortedCacheIterator(new CacheCursor(cache, namespace, from, to, forward), inner, forward, null);
    }

    @Override
    public long approximateNumEntries() {
        state.check();
        return wrapped().approximateNumEntries();
    }

    @Override
    public void flush() {
        state.check();
        if (cache != null) {
            cache.flush(namespace);
        }
        wrapped().flush();
    }

    @Override
    public void close() {
        if (!state.isOpen()) {
            return;
        }
        try {
            if (cache != null) {
                cache.flush(namespace);
            }
        } finally {
            state.closed();
            if (cache != null) {
                cache.close(namespace);
            }
            wrapped().close();
        }
    }

    @Override
    public boolean isOpen() {
        return state.isOpen();
    }
}
