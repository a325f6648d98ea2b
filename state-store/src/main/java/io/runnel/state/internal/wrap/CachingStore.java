package io.runnel.state.internal.wrap;

import io.runnel.state.Bytes;
import io.runnel.state.CacheFlushListener;
import io.runnel.state.CachedStateStore;
import io.runnel.state.StateStore;
import io.runnel.state.StateStoreContext;
import io.runnel.state.ThreadCache;
import io.runnel.state.internal.StoreState;
import java.util.List;

/**
 * What the caching layers of key-value, window and session stores share: writes are absorbed in
 * the thread's {@link ThreadCache} (namespace {@code <taskId>.<storeName>}) under the inner
 * store's key and reach the inner store — and the {@link CacheFlushListener} — only when the
 * cache flushes them (commit) or evicts them, so repeated updates of a key between two flushes
 * reach the inner store, the changelog and downstream once, with the latest value and the
 * timestamp of that update. Reads see the cache first. With no cache (or a cache of size 0) every
 * write goes through and is forwarded at once. Reads never insert into the cache, so
 * interactive-query threads cannot trigger evictions. Threading: the stream thread writes.
 *
 * @param <S> the inner byte store
 * @param <K> the key the listener sees (the inner store's key, e.g. a windowed key)
 */
public abstract class CachingStore<S extends StateStore, K> extends WrappedStateStore<S>
        implements CachedStateStore<K, byte[]> {
    private final StoreState state;
    private ThreadCache cache;
    private String namespace;
    private StateStoreContext context;
    private CacheFlushListener<K, byte[]> listener;
    private boolean sendOldValues;

    protected CachingStore(S inner) {
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
    public boolean setFlushListener(CacheFlushListener<K, byte[]> listener, boolean sendOldValues) {
        this.listener = listener;
        this.sendOldValues = sendOldValues;
        return true;
    }

    /** The key of {@code key} in the cache (the inner store's key bytes). */
    protected abstract Bytes cacheKey(K key);

    /** What the inner store holds for {@code key}, or null. */
    protected abstract byte[] stored(K key);

    /** Writes {@code key} to the inner store when there is no cache. */
    protected abstract void writeThrough(K key, byte[] value);

    /** Writes the entries the cache flushes or evicts to the inner store and forwards them. */
    protected abstract void flushEntries(List<ThreadCache.DirtyEntry> entries);

    /** The thread cache, or null when writes go through. */
    protected final ThreadCache cache() {
        return cache;
    }

    protected final String namespace() {
        return namespace;
    }

    protected final CacheFlushListener<K, byte[]> listener() {
        return listener;
    }

    protected final boolean sendOldValues() {
        return sendOldValues;
    }

    protected final void checkOpen() {
        state.check();
    }

    /** Whether a flushed entry needs the inner store's old value (deletes always do). */
    protected final boolean needsOldValue(byte[] newValue) {
        return newValue == null || (sendOldValues && listener != null);
    }

    /** A read: the cached value (a cached delete is null), else the inner store's. */
    protected final byte[] read(K key) {
        state.check();
        if (cache != null) {
            ThreadCache.Entry e = cache.get(namespace, cacheKey(key));
            if (e != null) {
                return e.value();
            }
        }
        return stored(key);
    }

    /** A write: absorbed in the cache, or written through and forwarded at once without one. */
    protected final void write(K key, byte[] value) {
        state.check();
        if (cache == null) {
            byte[] old = listener != null && sendOldValues ? stored(key) : null;
            writeThrough(key, value);
            if (listener != null) {
                listener.apply(key, value, old, context.recordTimestamp());
            }
        } else {
            cache.put(namespace, cacheKey(key), new ThreadCache.Entry(value, true, context.recordTimestamp()));
        }
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
