package io.runnel.state.internal.wrap;

import io.runnel.state.Bytes;
import io.runnel.state.CacheFlushListener;
import io.runnel.state.KeyValue;
import io.runnel.state.KeyValueIterator;
import io.runnel.state.StateStore;
import io.runnel.state.ThreadCache;
import io.runnel.state.Windowed;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * The caching layer of segmented stores (window and session stores), as {@link CachingStore}:
 * cache keys are the inner store's keys (a {@link io.runnel.state.internal.segmented.WindowKeySchema}
 * or {@link io.runnel.state.internal.segmented.SessionKeySchema} key), flushed entries are written
 * and forwarded one by one, and range reads merge the cached entries with the inner store's
 * results in the inner store's order (segment of the entry's segment time, then store key), a
 * cached entry winning over a stored one and a cached delete hiding it.
 *
 * @param <S> the inner byte store
 */
public abstract class CachingWindowedStore<S extends StateStore> extends CachingStore<S, Windowed<Bytes>> {
    private final long segmentInterval;

    protected CachingWindowedStore(S inner, long segmentInterval) {
        super(inner);
        this.segmentInterval = segmentInterval;
    }

    /** The windowed key a cache key stands for. */
    protected abstract Windowed<Bytes> windowedKey(byte[] cacheKey);

    /** The time that decides a cache key's segment in the inner store. */
    protected abstract long segmentTime(byte[] cacheKey);

    /** Writes a flushed entry to the inner store (with its timestamp when the inner store logs). */
    protected abstract void writeFlushed(Windowed<Bytes> key, byte[] value, long timestamp);

    protected final long segmentInterval() {
        return segmentInterval;
    }

    @Override
    protected final void flushEntries(List<ThreadCache.DirtyEntry> entries) {
        CacheFlushListener<Windowed<Bytes>, byte[]> listener = listener();
        for (ThreadCache.DirtyEntry e : entries) {
            Windowed<Bytes> key = windowedKey(e.key().get());
            byte[] old = needsOldValue(e.value()) ? stored(key) : null;
            if (e.value() == null && old == null) {
                continue;
            }
            if (!sendOldValues()) {
                old = null;
            }
            writeFlushed(key, e.value(), e.timestamp());
            if (listener != null) {
                listener.apply(key, e.value(), old, e.timestamp());
            }
        }
    }

    /**
     * The inner store's {@code stored} entries merged with the cached ones in {@code [lower, upper]}
     * (cache keys; null = unbounded) that are {@code wanted} (the exact filter of the read).
     */
    protected final KeyValueIterator<Windowed<Bytes>, byte[]> merged(KeyValueIterator<Windowed<Bytes>, byte[]> stored,
                                                                     Bytes lower, Bytes upper,
                                                                     Predicate<Windowed<Bytes>> wanted) {
        checkOpen();
        if (cache() == null) {
            return stored;
        }
        List<KeyValue<Bytes, byte[]>> cached = new ArrayList<>();
        for (Map.Entry<Bytes, ThreadCache.Entry> e : cache().range(namespace(), lower, upper, true)) {
            if (wanted.test(windowedKey(e.getKey().get()))) {
                cached.add(new KeyValue<>(e.getKey(), e.getValue().value()));
            }
        }
        cached.sort((a, b) -> {
            int c = Long.compare(segmentTime(a.key().get()) / segmentInterval, segmentTime(b.key().get()) / segmentInterval);
            return c != 0 ? c : a.key().compareTo(b.key());
        });
        return new MergedCacheIterator<>(cached, stored, true, kv -> cacheKey(kv.key()),
                kv -> new KeyValue<>(windowedKey(kv.key().get()), kv.value()), segmentInterval, this::segmentTime);
    }
}
