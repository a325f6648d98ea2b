package io.runnel.state.internal.wrap;

import io.runnel.state.Bytes;
import io.runnel.state.CacheFlushListener;
import io.runnel.state.CachedStateStore;
import io.runnel.state.KeyValue;
import io.runnel.state.KeyValueIterator;
import io.runnel.state.StateStore;
import io.runnel.state.StateStoreContext;
import io.runnel.state.ThreadCache;
import io.runnel.state.Window;
import io.runnel.state.WindowStore;
import io.runnel.state.WindowStoreIterator;
import io.runnel.state.Windowed;
import io.runnel.state.internal.StoreState;
import io.runnel.state.internal.segmented.WindowKeySchema;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The caching layer of window stores (not used with {@code retainDuplicates}): writes are absorbed
 * in the thread cache under their {@link WindowKeySchema} store key and reach the inner store, the
 * changelog and the {@link CacheFlushListener} when the cache flushes or evicts them, as
 * {@link CachingKeyValueStore} does. Reads merge cached entries with the inner store's results in
 * the inner store's order (segment, then store key), a cached entry winning over a stored one and a
 * cached delete hiding it. Threading: the stream thread writes; reads never insert into the cache.
 */
public final class CachingWindowStore extends WrappedStateStore<WindowStore<Bytes, byte[]>>
        implements WindowStore<Bytes, byte[]>, CachedStateStore<Windowed<Bytes>, byte[]> {
    private final long windowSize;
    private final long segmentInterval;
    private final StoreState state;
    private ThreadCache cache;
    private String namespace;
    private StateStoreContext context;
    private CacheFlushListener<Windowed<Bytes>, byte[]> listener;
    private boolean sendOldValues;

    public CachingWindowStore(WindowStore<Bytes, byte[]> inner, long windowSize, long segmentInterval) {
        super(inner);
        this.windowSize = windowSize;
        this.segmentInterval = segmentInterval;
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
    public boolean setFlushListener(CacheFlushListener<Windowed<Bytes>, byte[]> listener, boolean sendOldValues) {
        this.listener = listener;
        this.sendOldValues = sendOldValues;
        return true;
    }

    private Windowed<Bytes> windowed(Bytes key, long start) {
        return new Windowed<>(key, new Window(start, start + windowSize));
    }

    private void flushEntries(List<ThreadCache.DirtyEntry> entries) {
        for (ThreadCache.DirtyEntry e : entries) {
            byte[] storeKey = e.key().get();
            Bytes key = WindowKeySchema.key(storeKey);
            long start = WindowKeySchema.timestamp(storeKey);
            byte[] old = e.value() == null || (sendOldValues && listener != null) ? wrapped().fetch(key, start) : null;
            if (e.value() == null && old == null) {
                continue;
            }
            if (!sendOldValues) {
                old = null;
            }
            if (wrapped() instanceof ChangeLoggingWindowBytesStore logging) {
                logging.put(key, e.value(), start, e.timestamp());
            } else {
                wrapped().put(key, e.value(), start);
            }
            if (listener != null) {
                listener.apply(windowed(key, start), e.value(), old, e.timestamp());
            }
        }
    }

    @Override
    public void put(Bytes key, byte[] value, long windowStartTime) {
        state.check();
        if (cache == null) {
            byte[] old = listener != null && sendOldValues ? wrapped().fetch(key, windowStartTime) : null;
            wrapped().put(key, value, windowStartTime);
            if (listener != null) {
                listener.apply(windowed(key, windowStartTime), value, old, context.recordTimestamp());
            }
        } else {
            cache.put(namespace, WindowKeySchema.toStoreKey(key, windowStartTime, 0),
                    new ThreadCache.Entry(value, true, context.recordTimestamp()));
        }
    }

    @Override
    public byte[] fetch(Bytes key, long windowStartTime) {
        state.check();
        if (cache != null) {
            ThreadCache.Entry e = cache.get(namespace, WindowKeySchema.toStoreKey(key, windowStartTime, 0));
            if (e != null) {
                return e.value();
            }
        }
        return wrapped().fetch(key, windowStartTime);
    }

    @Override
    public WindowStoreIterator<byte[]> fetch(Bytes key, long timeFrom, long timeTo) {
        return single(key, timeFrom, timeTo, true, wrapped().fetch(key, timeFrom, timeTo));
    }

    @Override
    public WindowStoreIterator<byte[]> backwardFetch(Bytes key, long timeFrom, long timeTo) {
        return single(key, timeFrom, timeTo, false, wrapped().backwardFetch(key, timeFrom, timeTo));
    }

    private WindowStoreIterator<byte[]> single(Bytes key, long timeFrom, long timeTo, boolean forward,
                                               WindowStoreIterator<byte[]> stored) {
        state.check();
        if (cache == null) {
            return stored;
        }
        List<KeyValue<Bytes, byte[]>> cached = new ArrayList<>();
        for (Map.Entry<Bytes, ThreadCache.Entry> e : cache.range(namespace,
                WindowKeySchema.toStoreKey(key, Math.max(0, timeFrom), 0), WindowKeySchema.toStoreKey(key, timeTo, 0), forward)) {
            byte[] sk = e.getKey().get();
            if (sk.length == key.length() + 12 && WindowKeySchema.key(sk).equals(key)) {
                cached.add(new KeyValue<>(e.getKey(), e.getValue().value()));
            }
        }
        MergedCacheIterator<Long> merged = new MergedCacheIterator<>(cached, stored, forward,
                kv -> WindowKeySchema.toStoreKey(key, kv.key(), 0),
                kv -> new KeyValue<>(WindowKeySchema.timestamp(kv.key().get()), kv.value()), segmentInterval, WindowKeySchema::timestamp);
        return new WindowStoreIterator<>() {
            @Override
            public Long peekNextKey() {
                return merged.peekNextKey();
            }

            @Override
            public void close() {
                merged.close();
            }

            @Override
            public boolean hasNext() {
                return merged.hasNext();
            }

            @Override
            public KeyValue<Long, byte[]> next() {
                return merged.next();
            }
        };
    }

    @Override
    public KeyValueIterator<Windowed<Bytes>, byte[]> fetch(Bytes keyFrom, Bytes keyTo, long timeFrom, long timeTo) {
        return range(keyFrom, keyTo, timeFrom, timeTo, wrapped().fetch(keyFrom, keyTo, timeFrom, timeTo));
    }

    @Override
    public KeyValueIterator<Windowed<Bytes>, byte[]> fetchAll(long timeFrom, long timeTo) {
        return range(null, null, timeFrom, timeTo, wrapped().fetchAll(timeFrom, timeTo));
    }

    @Override
    public KeyValueIterator<Windowed<Bytes>, byte[]> all() {
        return range(null, null, 0, Long.MAX_VALUE, wrapped().all());
    }

    private KeyValueIterator<Windowed<Bytes>, byte[]> range(Bytes keyFrom, Bytes keyTo, long timeFrom, long timeTo,
                                                            KeyValueIterator<Windowed<Bytes>, byte[]> stored) {
        state.check();
        if (cache == null) {
            return stored;
        }
        List<KeyValue<Bytes, byte[]>> cached = new ArrayList<>();
        // the inner store's key bounds (then the exact filter below); the whole namespace when unbounded
        Bytes lower = keyFrom == null ? null : WindowKeySchema.toStoreKey(keyFrom, Math.max(0, timeFrom), 0);
        Bytes upper = keyTo == null ? null : WindowKeySchema.toStoreKey(keyTo, timeTo, -1);
        for (Map.Entry<Bytes, ThreadCache.Entry> e : cache.range(namespace, lower, upper, true)) {
            byte[] sk = e.getKey().get();
            long ts = WindowKeySchema.timestamp(sk);
            Bytes k = WindowKeySchema.key(sk);
            if (ts >= timeFrom && ts <= timeTo && (keyFrom == null || k.compareTo(keyFrom) >= 0)
                    && (keyTo == null || k.compareTo(keyTo) <= 0)) {
                cached.add(new KeyValue<>(e.getKey(), e.getValue().value()));
            }
        }
        // inner order: segment, then store key
        cached.sort((a, b) -> {
            int c = Long.compare(WindowKeySchema.timestamp(a.key().get()) / segmentInterval,
                    WindowKeySchema.timestamp(b.key().get()) / segmentInterval);
            return c != 0 ? c : a.key().compareTo(b.key());
        });
        return new MergedCacheIterator<>(cached, stored, true,
                kv -> WindowKeySchema.toStoreKey(kv.key().key(), kv.key().window().start(), 0),
                kv -> new KeyValue<>(windowed(WindowKeySchema.key(kv.key().get()), WindowKeySchema.timestamp(kv.key().get())),
                        kv.value()), segmentInterval, WindowKeySchema::timestamp);
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
