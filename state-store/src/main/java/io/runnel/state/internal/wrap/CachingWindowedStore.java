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
 * or {@link io.runnel.state.internal.segmented.SessionKeySchema} key), and range reads merge the cached entries with the inner store's
 * results in the inner store's order (segment of the entry's segment time, then store key), a
 * cached entry winning over a stored one and a cached delete hiding it. A flush writes all its
 * entries (window stores: in write batches) before forwarding them.
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

    /**
     * Writes the flushed entries that are kept, in order; one by one unless a store kind batches
     * them. {@code entries} and {@code keys} are parallel.
     */
    protected void writeFlushed(List<ThreadCache.DirtyEntry> entries, List<Windowed<Bytes>> keys) {
        for (int i = 0; i < entries.size(); i++) {
            writeFlushed(keys.get(i), entries.get(i).value(), entries.get(i).timestamp());
        }
    }

    protected final long segmentInterval() {
        return segmentInterval;
    }

    /** Writes the flushed entries to the inner store, then forwards them (as the key-value cache does). */
    @Override
    protected final void flushEntries(List<ThreadCache.DirtyEntry> entries) {
        CacheFlushListener<Windowed<Bytes>, byte[]> listener = listener();
        List<ThreadCache.DirtyEntry> kept = new ArrayList<>(entries.size());
        List<Windowed<Bytes>> keys = new ArrayList<>(entries.size());
        List<byte[]> olds = sendOldValues() ? new ArrayList<>(entries.size()) : null;
        for (ThreadCache.DirtyEntry e : entries) {
            Windowed<Bytes> key = windowedKey(e.key().get());
            byte[] old = needsOldValue(e.value()) ? stored(key) : null;
            if (e.value() == null && old == null) {
                continue;
            }
            kept.add(e);
            keys.add(key);
            if (olds != null) {
                olds.add(old);
            }
        }
        writeFlushed(kept, keys);
        if (listener != null) {
            for (int i = 0; i < kept.size(); i++) {
                ThreadCache.DirtyEntry e = kept.get(i);
                listener.apply(keys.get(i), e.value(), olds == null ? null : olds.get(i), e.timestamp());
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
