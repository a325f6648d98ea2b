package io.runnel.state;

import io.runnel.common.metrics.Counter;
import io.runnel.common.metrics.MetricName;
import io.runnel.common.metrics.MetricsRegistry;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The record cache shared by the cached stores of one stream thread, bounded by a byte size, as
 * Kafka Streams' {@code ThreadCache}. Each store owns a namespace (its name plus task); within a
 * namespace entries are found by hash, kept in LRU order, and sorted by key when a range read (merged
 * with the store) asks for order: point reads and writes cost O(1) and no comparisons.
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
        for (NamedCache cache : List.copyOf(caches.values())) {
            maybeEvict(cache);
        }
    }

    /** Registers the namespace of a store with the listener its dirty entries go to. */
    public void addDirtyEntryFlushListener(String namespace, DirtyEntryFlushListener listener) {
        Objects.requireNonNull(listener, "listener");
        caches.computeIfAbsent(namespace, NamedCache::new).listener = listener;
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
        cache.put(key, entry);
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
            cache = caches.computeIfAbsent(namespace, NamedCache::new);
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

    /**
     * One namespace. Point reads and writes go through a hash index; the LRU order and the order of
     * dirty entries are intrusive linked lists through the nodes, so neither costs a lookup or an
     * allocation. Range reads need key order: a sorted index holds the nodes that existed at the
     * last range read, and nodes created since wait in {@code unsorted} until the next range read
     * moves them in. A namespace that is never range-read (counts, windowed aggregates: point
     * lookups only) thus never pays for sorting; one range-read for every write pays one sorted
     * insert per new key, as a sorted map alone would.
     */
    private final class NamedCache {
        private final String namespace;
        private final HashMap<Bytes, Node> index = new HashMap<>();
        private final TreeMap<Bytes, Node> sorted = new TreeMap<>();
        private final ArrayList<Node> unsorted = new ArrayList<>();
        private Node head;
        private Node tail;
        private Node dirtyHead;
        private Node dirtyTail;
        private int dirtyCount;
        private long bytes;
        private volatile boolean closed;
        volatile DirtyEntryFlushListener listener;

        NamedCache(String namespace) {
            this.namespace = namespace;
        }

        synchronized Entry get(Bytes key) {
            Node n = index.get(key);
            if (n == null) {
                return null;
            }
            moveToTail(n);
            return n.entry;
        }

        synchronized void put(Bytes key, Entry entry) {
            Node n = index.get(key);
            if (n == null) {
                n = new Node(key, entry);
                index.put(key, n);
                unsorted.add(n);
                append(n);
                account(entry.sizeBytes(key));
            } else {
                account(entry.sizeBytes(key) - n.entry.sizeBytes(key));
                n.entry = entry;
                moveToTail(n);
            }
            if (entry.dirty() && !n.inDirty) {
                appendDirty(n);
            }
        }

        synchronized Entry putIfAbsent(Bytes key, Entry entry) {
            Node n = index.get(key);
            if (n != null && n.entry.value() != null) {
                moveToTail(n);
                return n.entry;
            }
            put(key, entry);
            return null;
        }

        synchronized Entry remove(Bytes key) {
            Node n = index.get(key);
            if (n == null) {
                return null;
            }
            removeNode(n);
            return n.entry;
        }

        synchronized List<Map.Entry<Bytes, Entry>> range(Bytes from, boolean fromInclusive, Bytes to, boolean toInclusive,
                                                         boolean forward, int limit) {
            if (from != null && to != null) {
                int c = from.compareTo(to);
                if (c > 0 || (c == 0 && !(fromInclusive && toInclusive))) {
                    return List.of();
                }
            }
            sortNewNodes();
            NavigableMap<Bytes, Node> sub = sorted;
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
            return index.size();
        }

        synchronized void clear() {
            account(-bytes);
            index.clear();
            sorted.clear();
            unsorted.clear();
            head = null;
            tail = null;
            dirtyHead = null;
            dirtyTail = null;
            dirtyCount = 0;
        }

        /** Removes the least recently used entry, flushing the namespace first when it is dirty. */
        boolean evictEldest() {
            boolean dirty;
            synchronized (this) {
                if (head == null) {
                    return false;
                }
                dirty = head.inDirty;
            }
            if (dirty) {
                flush();
            }
            synchronized (this) {
                if (head != null) {
                    removeNode(head);
                }
                return true;
            }
        }

        void flush() {
            List<DirtyEntry> batch;
            synchronized (this) {
                if (dirtyHead == null) {
                    return;
                }
                batch = new ArrayList<>(dirtyCount);
                Node n = dirtyHead;
                while (n != null) {
                    Node next = n.dirtyNext;
                    Entry e = n.entry;
                    batch.add(new DirtyEntry(n.key, e.value(), e.timestamp()));
                    n.inDirty = false;
                    n.dirtyPrev = null;
                    n.dirtyNext = null;
                    if (e.value() == null) {
                        removeNode(n);
                    } else {
                        n.entry = new Entry(e.value(), false, e.timestamp());
                    }
                    n = next;
                }
                dirtyHead = null;
                dirtyTail = null;
                dirtyCount = 0;
            }
            DirtyEntryFlushListener l = listener;
            if (l == null) {
                throw new IllegalStateException("no flush listener for cache namespace " + namespace);
            }
            l.apply(batch);
        }

        /** Moves the nodes created since the last range read into the sorted index. */
        private void sortNewNodes() {
            for (Node n : unsorted) {
                if (!n.removed) {
                    sorted.put(n.key, n);
                    n.inSorted = true;
                }
            }
            unsorted.clear();
        }

        private void removeNode(Node n) {
            index.remove(n.key);
            if (n.inSorted) {
                sorted.remove(n.key);
                n.inSorted = false;
            } else {
                n.removed = true;
                if (unsorted.size() > 1024 && unsorted.size() > 2 * index.size()) {
                    unsorted.removeIf(u -> u.removed);
                }
            }
            unlink(n);
            if (n.inDirty) {
                unlinkDirty(n);
            }
            account(-n.entry.sizeBytes(n.key));
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

        private void appendDirty(Node n) {
            n.inDirty = true;
            n.dirtyPrev = dirtyTail;
            n.dirtyNext = null;
            if (dirtyTail != null) {
                dirtyTail.dirtyNext = n;
            } else {
                dirtyHead = n;
            }
            dirtyTail = n;
            dirtyCount++;
        }

        private void unlinkDirty(Node n) {
            if (n.dirtyPrev != null) {
                n.dirtyPrev.dirtyNext = n.dirtyNext;
            } else {
                dirtyHead = n.dirtyNext;
            }
            if (n.dirtyNext != null) {
                n.dirtyNext.dirtyPrev = n.dirtyPrev;
            } else {
                dirtyTail = n.dirtyPrev;
            }
            n.dirtyPrev = null;
            n.dirtyNext = null;
            n.inDirty = false;
            dirtyCount--;
        }
    }

    /** A cache entry's place in its namespace: the LRU list, the dirty list and the sorted index. */
    private static final class Node {
        final Bytes key;
        Entry entry;
        Node prev;
        Node next;
        Node dirtyPrev;
        Node dirtyNext;
        boolean inDirty;
        boolean inSorted;
        boolean removed;

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
