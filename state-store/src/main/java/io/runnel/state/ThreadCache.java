package io.runnel.state;

import io.runnel.common.metrics.Counter;
import io.runnel.common.metrics.MetricName;
import io.runnel.common.metrics.MetricsRegistry;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The record cache shared by the cached stores of one stream thread, bounded by a byte size, as
 * Kafka Streams' {@code ThreadCache}. Each store owns a namespace (its name plus task); within a
 * namespace entries are found by hash, evicted least recently used first (with second chance), and
 * sorted by key only when a range read (merged with the store) asks for order: point reads and
 * writes cost O(1) and no comparisons ({@link NamedCache}).
 *
 * <p>A write makes an entry <em>dirty</em>. Dirty entries leave the cache through the namespace's
 * {@link DirtyEntryFlushListener}, in the order they were first dirtied, when the namespace is
 * {@link #flush flushed} (on commit) or when eviction needs the space: evicting a dirty entry
 * flushes its whole namespace first (so the downstream sees updates in order). Entries whose value
 * is null (pending deletes) are dropped from the cache once flushed.
 *
 * <p>Size of an entry: key bytes + value bytes + {@value #ENTRY_OVERHEAD} bytes of bookkeeping.
 * Eviction happens after each put, from the namespace put into, until the whole cache fits.
 *
 * <p>Threading: one stream thread writes; interactive-query threads may read; each namespace is
 * guarded by its own monitor. Listeners run on the writing thread, outside any namespace lock of
 * the namespace being flushed.
 *
 * <p>The runtime makes one per stream thread ({@code cache.max.bytes.buffering} divided among the
 * threads) and hands it to stores via {@link StateStoreContext#cache()}. The namespace methods are
 * for store implementations.
 */
public final class ThreadCache {
    static final int ENTRY_OVERHEAD = 64;

    private final String name;
    private volatile long maxBytes;
    private final AtomicLong sizeBytes = new AtomicLong();
    private final Map<String, NamedCache> caches = new java.util.concurrent.ConcurrentHashMap<>();
    private final Counter hits;
    private final Counter misses;
    private final Counter evictions;
    /** The namespace cache used last (one reference, so a racing reader sees a whole one); never trusted once closed. */
    private NamedCache lastUsed;

    public ThreadCache(String name, long maxBytes, MetricsRegistry metrics) {
        this.name = Objects.requireNonNull(name, "name");
        if (maxBytes < 0) {
            throw new IllegalArgumentException("maxBytes < 0: " + maxBytes);
        }
        this.maxBytes = maxBytes;
        this.hits = metrics.counter(MetricName.of("record-cache", "hits", "cache", name));
        this.misses = metrics.counter(MetricName.of("record-cache", "misses", "cache", name));
        this.evictions = metrics.counter(MetricName.of("record-cache", "evictions", "cache", name));
    }

    /** A cache entry: the value bytes (null = a pending delete), whether it must still be written, its record time. */
    public record Entry(byte[] value, boolean dirty, long timestamp) {
    }

    /** An entry leaving the cache towards the store and downstream. */
    public record DirtyEntry(Bytes key, byte[] value, long timestamp) {
    }

    /** Writes flushed dirty entries of one namespace to its store and forwards them. */
    @FunctionalInterface
    public interface DirtyEntryFlushListener {
        void apply(List<DirtyEntry> entries);
    }

    public String name() {
        return name;
    }

    public long maxBytes() {
        return maxBytes;
    }

    public long sizeBytes() {
        return sizeBytes.get();
    }

    /** Changes the bound (when threads are added or removed); evicts when it shrank. */
    public void resize(long newMaxBytes) {
        if (newMaxBytes < 0) {
            throw new IllegalArgumentException("maxBytes < 0: " + newMaxBytes);
        }
        this.maxBytes = newMaxBytes;
        for (NamedCache cache : List.copyOf(caches.values())) {
            maybeEvict(cache);
        }
    }

    /** Registers the namespace of a store with the listener its dirty entries go to. */
    public void addDirtyEntryFlushListener(String namespace, DirtyEntryFlushListener listener) {
        Objects.requireNonNull(listener, "listener");
        caches.computeIfAbsent(namespace, ns -> new NamedCache(ns, sizeBytes)).listener = listener;
    }

    public Entry get(String namespace, Bytes key) {
        NamedCache cache = lookup(namespace);
        Entry e = cache == null ? null : cache.get(key);
        if (e == null) {
            misses.increment();
        } else {
            hits.increment();
        }
        return e;
    }

    public void put(String namespace, Bytes key, Entry entry) {
        NamedCache cache = cache(namespace);
        cache.put(key, entry.value(), entry.dirty(), entry.timestamp());
        maybeEvict(cache);
    }

    /** Puts a dirty entry unless one is there; returns the entry that was there. */
    public Entry putIfAbsent(String namespace, Bytes key, Entry entry) {
        NamedCache cache = cache(namespace);
        Entry existing = cache.putIfAbsent(key, entry);
        if (existing == null) {
            maybeEvict(cache);
        }
        return existing;
    }

    /** Removes the key from the cache without flushing it (its store deletes it itself). */
    public Entry delete(String namespace, Bytes key) {
        NamedCache cache = lookup(namespace);
        return cache == null ? null : cache.remove(key);
    }

    /**
     * A snapshot of the namespace's entries with keys in {@code [from, to]} (null = unbounded),
     * pending deletes included, in ascending or descending key order.
     */
    public List<Map.Entry<Bytes, Entry>> range(String namespace, Bytes from, Bytes to, boolean forward) {
        return range(namespace, from, true, to, true, forward, Integer.MAX_VALUE);
    }

    /**
     * At most {@code limit} entries of the namespace between the bounds (null = unbounded, each
     * inclusive or not), in ascending or descending key order: one chunk of a lazy range read, so
     * that a range over a large cache copies only what the reader consumes.
     */
    public List<Map.Entry<Bytes, Entry>> range(String namespace, Bytes from, boolean fromInclusive, Bytes to,
                                               boolean toInclusive, boolean forward, int limit) {
        NamedCache cache = lookup(namespace);
        return cache == null ? List.of() : cache.range(from, fromInclusive, to, toInclusive, forward, limit);
    }

    /** Flushes the namespace's dirty entries to its listener. */
    public void flush(String namespace) {
        NamedCache cache = lookup(namespace);
        if (cache != null) {
            cache.flush();
        }
    }

    /** Drops the namespace and its entries, without flushing (the store flushes before closing). */
    public void close(String namespace) {
        NamedCache cache = caches.remove(namespace);
        if (cache != null) {
            cache.closed = true;
            cache.clear();
        }
    }

    /** Number of entries in the namespace. */
    public int size(String namespace) {
        NamedCache cache = caches.get(namespace);
        return cache == null ? 0 : cache.size();
    }

    /** The namespace's cache, or null: the one used last when it is the same (one store's run of writes), else a map lookup. */
    private NamedCache lookup(String namespace) {
        NamedCache last = lastUsed;
        if (last != null && last.namespace.equals(namespace) && !last.closed) {
            return last;
        }
        NamedCache cache = caches.get(namespace);
        if (cache != null) {
            lastUsed = cache;
        }
        return cache;
    }

    private NamedCache cache(String namespace) {
        NamedCache cache = lookup(namespace);
        if (cache == null) {
            cache = caches.computeIfAbsent(namespace, ns -> new NamedCache(ns, sizeBytes));
            lastUsed = cache;
        }
        return cache;
    }

    private void maybeEvict(NamedCache cache) {
        if (sizeBytes.get() <= maxBytes) {
            return;
        }
        int budget = cache.size();
        while (sizeBytes.get() > maxBytes && budget-- > 0) {
            if (!cache.evictEldest()) {
                return;
            }
            evictions.increment();
        }
    }

    @Override
    public String toString() {
        return "ThreadCache[" + name + ", " + sizeBytes.get() + "/" + maxBytes + " bytes]";
    }
}
