package io.runnel.state.internal.wrap;

import io.runnel.state.Bytes;
import io.runnel.state.KeyValue;
import io.runnel.state.KeyValueIterator;
import io.runnel.state.ThreadCache;
import io.runnel.state.Window;
import io.runnel.state.WindowStore;
import io.runnel.state.WindowStoreIterator;
import io.runnel.state.Windowed;
import io.runnel.state.internal.WindowIterators;
import io.runnel.state.internal.segmented.WindowKeySchema;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The caching layer of window stores (not used with {@code retainDuplicates}; see
 * {@link CachingWindowedStore}): cache keys are {@link WindowKeySchema} keys (sequence number 0),
 * segments follow the window start.
 */
public final class CachingWindowStore extends CachingWindowedStore<WindowStore<Bytes, byte[]>>
        implements WindowStore<Bytes, byte[]> {
    private final long windowSize;

    public CachingWindowStore(WindowStore<Bytes, byte[]> inner, long windowSize, long segmentInterval) {
        super(inner, segmentInterval);
        this.windowSize = windowSize;
    }

    private Windowed<Bytes> windowed(Bytes key, long start) {
        return new Windowed<>(key, new Window(start, start + windowSize));
    }

    @Override
    protected Bytes cacheKey(Windowed<Bytes> key) {
        return WindowKeySchema.toStoreKey(key.key(), key.window().start(), 0);
    }

    @Override
    protected Windowed<Bytes> windowedKey(byte[] cacheKey) {
        return windowed(WindowKeySchema.key(cacheKey), WindowKeySchema.timestamp(cacheKey));
    }

    @Override
    protected long segmentTime(byte[] cacheKey) {
        return WindowKeySchema.timestamp(cacheKey);
    }

    @Override
    protected byte[] stored(Windowed<Bytes> key) {
        return wrapped().fetch(key.key(), key.window().start());
    }

    @Override
    protected void writeThrough(Windowed<Bytes> key, byte[] value) {
        wrapped().put(key.key(), value, key.window().start());
    }

    @Override
    protected void writeFlushed(Windowed<Bytes> key, byte[] value, long timestamp) {
        if (wrapped() instanceof ChangeLoggingWindowBytesStore logging) {
            logging.put(key.key(), value, key.window().start(), timestamp);
        } else {
            wrapped().put(key.key(), value, key.window().start());
        }
    }

    /** Cache keys are the inner store's keys: the whole flush goes down in write batches. */
    @Override
    protected void writeFlushed(List<ThreadCache.DirtyEntry> entries, List<Windowed<Bytes>> keys) {
        if (!(wrapped() instanceof ChangeLoggingWindowBytesStore logging)) {
            super.writeFlushed(entries, keys);
            return;
        }
        List<KeyValue<Bytes, byte[]>> storeKeyed = new ArrayList<>(entries.size());
        long[] timestamps = new long[entries.size()];
        for (int i = 0; i < entries.size(); i++) {
            ThreadCache.DirtyEntry e = entries.get(i);
            storeKeyed.add(new KeyValue<>(e.key(), e.value()));
            timestamps[i] = e.timestamp();
        }
        logging.putAllFlushed(storeKeyed, timestamps);
    }

    @Override
    public void put(Bytes key, byte[] value, long windowStartTime) {
        write(windowed(key, windowStartTime), value);
    }

    @Override
    public byte[] fetch(Bytes key, long windowStartTime) {
        return read(windowed(key, windowStartTime));
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
        checkOpen();
        if (cache() == null) {
            return stored;
        }
        List<KeyValue<Bytes, byte[]>> cached = new ArrayList<>();
        for (Map.Entry<Bytes, ThreadCache.Entry> e : cache().range(namespace(),
                WindowKeySchema.toStoreKey(key, Math.max(0, timeFrom), 0), WindowKeySchema.toStoreKey(key, timeTo, 0), forward)) {
            byte[] sk = e.getKey().get();
            if (sk.length == key.length() + 12 && WindowKeySchema.key(sk).equals(key)) {
                cached.add(new KeyValue<>(e.getKey(), e.getValue().value()));
            }
        }
        MergedCacheIterator<Long> merged = new MergedCacheIterator<>(cached, stored, forward,
                kv -> WindowKeySchema.toStoreKey(key, kv.key(), 0),
                kv -> new KeyValue<>(WindowKeySchema.timestamp(kv.key().get()), kv.value()), segmentInterval(), WindowKeySchema::timestamp);
        return WindowIterators.of(merged);
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
        // the inner store's key bounds (then the exact filter); the whole namespace when unbounded
        Bytes lower = keyFrom == null ? null : WindowKeySchema.toStoreKey(keyFrom, Math.max(0, timeFrom), 0);
        Bytes upper = keyTo == null ? null : WindowKeySchema.toStoreKey(keyTo, timeTo, -1);
        return merged(stored, lower, upper, w -> w.window().start() >= timeFrom && w.window().start() <= timeTo
                && (keyFrom == null || w.key().compareTo(keyFrom) >= 0) && (keyTo == null || w.key().compareTo(keyTo) <= 0));
    }
}
