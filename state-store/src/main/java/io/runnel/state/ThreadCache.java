package io.runnel.state;

import io.runnel.common.metrics.Counter;
import io.runnel.common.metrics.MetricName;
import io.runnel.common.metrics.MetricsRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The record cache shared by the cached stores of one stream thread, bounded by a byte size, as
 * Kafka Streams' {@code ThreadCache}. Each store owns a namespace (its name plus task); within a
 * namespace entries are sorted by key (for range reads merged with the store) and kept in LRU order.
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
        long sizeBytes(Bytes key) {
            return key.length() + (value == null ? 0 : value.length) + ENTRY_OVERHEAD;
        }
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
        for (String ns : List.copyOf(caches.keySet())) {
            maybeEvict(ns);
        }
    }

    /** Registers the namespace of a store with the listener its dirty entries go to. */
    public void addDirtyEntryFlushListener(String namespace, DirtyEntryFlushListener listener) {
        Objects.requireNonNull(listener, "listener");
        caches.computeIfAbsent(namespace, NamedCache::new).listener = listener;
    }

    public Entry get(String namespace, Bytes key) {
        NamedCache cache = caches.get(namespace);
        Entry e = cache == null ? null : cache.get(key);
        if (e == null) {
            misses.increment();
        } else {
            hits.increment();
        }
        return e;
    }

    public void put(String namespace, Bytes key, Entry entry) {
        cache(namespace).put(key, entry);
        maybeEvict(namespace);
    }

    /** Puts a dirty entry unless one is there; returns the entry that was there. */
    public Entry putIfAbsent(String namespace, Bytes key, Entry entry) {
        Entry existing = cache(namespace).putIfAbsent(key, entry);
        if (existing == null) {
            maybeEvict(namespace);
        }
        return existing;
    }

    /** Removes the key from the cache without flushing it (its store deletes it itself). */
    public Entry delete(String namespace, Bytes key) {
        NamedCache cache = caches.get(namespace);
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
        NamedCache cache = caches.get(namespace);
        return cache == null ? List.of() : cache.range(from, fromInclusive, to, toInclusive, forward, limit);
    }

    /** Flushes the namespace's dirty entries to its listener. */
    public void flush(String namespace) {
        NamedCache cache = caches.get(namespace);
        if (cache != null) {
            cache.flush();
        }
    }

    /** Drops the namespace and its entries, without flushing (the store flushes before closing). */
    public void close(String namespace) {
        NamedCache cache = caches.remove(namespace);
        if (cache != null) {
            cache.clear();
        }
    }

    /** Number of entries in the namespace. */
    public int size(String namespace) {
        NamedCache cache = caches.get(namespace);
        return cache == null ? 0 : cache.size();
    }

    private NamedCache cache(String namespace) {
        return caches.computeIfAbsent(namespace, NamedCache::new);
    }

    private void maybeEvict(String namespace) {
        NamedCache cache = caches.get(namespace);
        if (cache == null) {
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

    /** One namespace: sorted entries plus an LRU list and the order of dirty keys. */
    private final class NamedCache {
        private final String namespace;
        private final TreeMap<Bytes, Node> entries = new TreeMap<>();
        private final java.util.LinkedHashSet<Bytes> dirtyKeys = new java.util.LinkedHashSet<>();
        private Node head;
        private Node tail;
        private long bytes;
        volatile DirtyEntryFlushListener listener;

        NamedCache(String namespace) {
            this.namespace = namespace;
        }

        synchronized Entry get(Bytes key) {
            Node n = entries.get(key);
            if (n == null) {
                return null;
            }
            moveToTail(n);
            return n.entry;
        }

        synchronized void put(Bytes key, Entry entry) {
            Node n = entries.get(key);
            if (n == null) {
                n = new Node(key, entry);
                entries.put(key, n);
                append(n);
                account(entry.sizeBytes(key));
            } else {
                account(entry.sizeBytes(key) - n.entry.sizeBytes(key));
                n.entry = entry;
                moveToTail(n);
            }
            if (entry.dirty()) {
                dirtyKeys.add(key);
            }
        }

        synchronized Entry putIfAbsent(Bytes key, Entry entry) {
            Node n = entries.get(key);
            if (n != null && n.entry.value() != null) {
                moveToTail(n);
                return n.entry;
            }
            put(key, entry);
            return null;
        }

        synchronized Entry remove(Bytes key) {
            Node n = entries.remove(key);
            if (n == null) {
                return null;
            }
            unlink(n);
            dirtyKeys.remove(key);
            account(-n.entry.sizeBytes(key));
            return n.entry;
        }

        synchronized List<Map.Entry<Bytes, Entry>> range(Bytes from, boolean fromInclusive, Bytes to, boolean toInclusive,
                                                         boolean forward, int limit) {
            if (from != null && to != null && from.compareTo(to) > 0) {
                return List.of();
            }
            NavigableMap<Bytes, Node> sub = entries;
            if (from != null) {
                sub = sub.tailMap(from, fromInclusive);
            }
            if (to != null) {
                sub = sub.headMap(to, toInclusive);
            }
            if (!forward) {
                sub = sub.descendingMap();
            }
            List<Map.Entry<Bytes, Entry>> out = new ArrayList<>(Math.min(limit, 64));
            for (Node n : sub.values()) {
                if (out.size() >= limit) {
                    break;
                }
                out.add(Map.entry(n.key, n.entry));
            }
            return out;
        }

        synchronized int size() {
            return entries.size();
        }

        synchronized void clear() {
            account(-bytes);
            entries.clear();
            dirtyKeys.clear();
            head = null;
            tail = null;
        }

        /** Removes the least recently used entry, flushing the namespace first when it is dirty. */
        boolean evictEldest() {
            boolean dirty;
            synchronized (this) {
                if (head == null) {
                    return false;
                }
                dirty = head.entry.dirty();
            }
            if (dirty) {
                flush();
            }
            synchronized (this) {
                if (head == null) {
                    return true;
                }
                remove(head.key);
                return true;
            }
        }

        void flush() {
            List<DirtyEntry> batch;
            synchronized (this) {
                if (dirtyKeys.isEmpty()) {
                    return;
                }
                batch = new ArrayList<>(dirtyKeys.size());
                for (Bytes key : dirtyKeys) {
                    Node n = entries.get(key);
                    batch.add(new DirtyEntry(key, n.entry.value(), n.entry.timestamp()));
                    if (n.entry.value() == null) {
                        entries.remove(key);
                        unlink(n);
                        account(-n.entry.sizeBytes(key));
                    } else {
                        n.entry = new Entry(n.entry.value(), false, n.entry.timestamp());
                    }
                }
                dirtyKeys.clear();
            }
            DirtyEntryFlushListener l = listener;
            if (l == null) {
                throw new IllegalStateException("no flush listener for cache namespace " + namespace);
            }
            l.apply(batch);
        }

        private void account(long delta) {
            bytes += delta;
            sizeBytes.addAndGet(delta);
        }

        private void append(Node n) {
            n.prev = tail;
            n.next = null;
            if (tail != null) {
                tail.next = n;
            } else {
                head = n;
            }
            tail = n;
        }

        private void unlink(Node n) {
            if (n.prev != null) {
                n.prev.next = n.next;
            } else {
                head = n.next;
            }
            if (n.next != null) {
                n.next.prev = n.prev;
            } else {
                tail = n.prev;
            }
            n.prev = null;
            n.next = null;
        }

        private void moveToTail(Node n) {
            if (tail != n) {
                unlink(n);
                append(n);
            }
        }
    }

    private static final class Node {
        final Bytes key;
        Entry entry;
        Node prev;
        Node next;

        Node(Bytes key, Entry entry) {
            this.key = key;
            this.entry = entry;
        }
    }

    @Override
    public String toString() {
        return "ThreadCache[" + name + ", " + sizeBytes.get() + "/" + maxBytes + " bytes]";
    }
}
