package io.runnel.state;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One namespace of a {@link ThreadCache}. Point reads and writes go through a
 * {@link CacheNodeTable}; the eviction order and the order of dirty entries are intrusive linked
 * lists through the {@link CacheNode}s, so neither costs a lookup or an allocation.
 *
 * <p>Eviction order is least recently used with second chance (CLOCK): a read or an update only
 * marks its node as referenced, without relinking it (which would touch two more nodes, usually
 * cold); eviction gives a referenced head one more round at the tail. Entries not touched since
 * they were written go first, as with strict LRU.
 *
 * <p>Range reads need key order: a sorted index holds the nodes that existed at the last range
 * read, and nodes created since wait in {@code unsorted} until the next range read moves them in.
 * A namespace that is never range-read (counts, windowed aggregates: point lookups only) never
 * pays for sorting; one range read per write pays one sorted insert per new key, as a sorted map
 * alone would.
 *
 * <p>Threading: every method but {@link #flush} and {@link #evictEldest} runs under this object's
 * monitor; those two call the listener outside it.
 */
final class NamedCache {
    final String namespace;
    private final AtomicLong totalBytes;
    private final CacheNodeTable index = new CacheNodeTable();
    private final TreeMap<Bytes, CacheNode> sorted = new TreeMap<>();
    private final ArrayList<CacheNode> unsorted = new ArrayList<>();
    private CacheNode head;
    private CacheNode tail;
    private CacheNode dirtyHead;
    private CacheNode dirtyTail;
    private int dirtyCount;
    private long bytes;
    volatile boolean closed;
    volatile ThreadCache.DirtyEntryFlushListener listener;

    /** {@code totalBytes}: the size of the whole thread cache, which this namespace's changes add to. */
    NamedCache(String namespace, AtomicLong totalBytes) {
        this.namespace = namespace;
        this.totalBytes = totalBytes;
    }

    synchronized ThreadCache.Entry get(Bytes key) {
        CacheNode n = index.get(key);
        if (n == null) {
            return null;
        }
        n.referenced = true;
        return n.entry();
    }

    synchronized void put(Bytes key, byte[] value, boolean dirty, long timestamp) {
        CacheNode n = index.get(key);
        if (n == null) {
            n = new CacheNode(key, value, timestamp);
            index.add(n);
            unsorted.add(n);
            append(n);
            account(n.sizeBytes());
        } else {
            long before = n.sizeBytes();
            n.value = value;
            n.timestamp = timestamp;
            n.referenced = true;
            account(n.sizeBytes() - before);
        }
        if (dirty && !n.inDirty) {
            appendDirty(n);
        }
    }

    synchronized ThreadCache.Entry putIfAbsent(Bytes key, ThreadCache.Entry entry) {
        CacheNode n = index.get(key);
        if (n != null && n.value != null) {
            n.referenced = true;
            return n.entry();
        }
        put(key, entry.value(), entry.dirty(), entry.timestamp());
        return null;
    }

    synchronized ThreadCache.Entry remove(Bytes key) {
        CacheNode n = index.get(key);
        if (n == null) {
            return null;
        }
        ThreadCache.Entry e = n.entry();
        removeNode(n);
        return e;
    }

    synchronized List<Map.Entry<Bytes, ThreadCache.Entry>> range(Bytes from, boolean fromInclusive, Bytes to,
                                                                 boolean toInclusive, boolean forward, int limit) {
        if (from != null && to != null) {
            int c = from.compareTo(to);
            if (c > 0 || (c == 0 && !(fromInclusive && toInclusive))) {
                return List.of();
            }
        }
        sortNewNodes();
        NavigableMap<Bytes, CacheNode> sub = sorted;
        if (from != null) {
            sub = sub.tailMap(from, fromInclusive);
        }
        if (to != null) {
            sub = sub.headMap(to, toInclusive);
        }
        if (!forward) {
            sub = sub.descendingMap();
        }
        List<Map.Entry<Bytes, ThreadCache.Entry>> out = new ArrayList<>(Math.min(limit, 64));
        for (CacheNode n : sub.values()) {
            if (out.size() >= limit) {
                break;
            }
            out.add(Map.entry(n.key, n.entry()));
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

    /**
     * Removes the least recently used entry (referenced heads get a second chance at the tail),
     * flushing the namespace first when that entry is dirty; false when the namespace is empty.
     */
    boolean evictEldest() {
        boolean dirty;
        synchronized (this) {
            if (head == null) {
                return false;
            }
            for (int passes = index.size(); head.referenced && passes > 0; passes--) {
                CacheNode n = head;
                n.referenced = false;
                unlink(n);
                append(n);
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

    /** Hands the dirty entries, in the order they were first dirtied, to the listener; drops flushed deletes. */
    void flush() {
        List<ThreadCache.DirtyEntry> batch;
        synchronized (this) {
            if (dirtyHead == null) {
                return;
            }
            batch = new ArrayList<>(dirtyCount);
            CacheNode n = dirtyHead;
            while (n != null) {
                CacheNode next = n.dirtyNext;
                batch.add(new ThreadCache.DirtyEntry(n.key, n.value, n.timestamp));
                n.inDirty = false;
                n.dirtyPrev = null;
                n.dirtyNext = null;
                if (n.value == null) {
                    removeNode(n);
                }
                n = next;
            }
            dirtyHead = null;
            dirtyTail = null;
            dirtyCount = 0;
        }
        ThreadCache.DirtyEntryFlushListener l = listener;
        if (l == null) {
            throw new IllegalStateException("no flush listener for cache namespace " + namespace);
        }
        l.apply(batch);
    }

    /** Moves the nodes created since the last range read into the sorted index. */
    private void sortNewNodes() {
        for (CacheNode n : unsorted) {
            if (!n.removed) {
                sorted.put(n.key, n);
                n.inSorted = true;
            }
        }
        unsorted.clear();
    }

    private void removeNode(CacheNode n) {
        index.remove(n);
        n.removed = true;
        if (n.inSorted) {
            sorted.remove(n.key);
            n.inSorted = false;
        } else if (unsorted.size() > 1024 && unsorted.size() > 2 * index.size()) {
            unsorted.removeIf(u -> u.removed);
        }
        unlink(n);
        if (n.inDirty) {
            unlinkDirty(n);
        }
        account(-n.sizeBytes());
    }

    private void account(long delta) {
        bytes += delta;
        totalBytes.addAndGet(delta);
    }

    private void append(CacheNode n) {
        n.prev = tail;
        n.next = null;
        if (tail != null) {
            tail.next = n;
        } else {
            head = n;
        }
        tail = n;
    }

    private void unlink(CacheNode n) {
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

    private void appendDirty(CacheNode n) {
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

    private void unlinkDirty(CacheNode n) {
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
