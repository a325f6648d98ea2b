package io.runnel.state;

import java.util.Arrays;

/**
 * The hash index of a {@link NamedCache}: open addressing with linear probing over one array of
 * nodes, at most half full, deletions by backward shift (no tombstones). A lookup reads one slot
 * and, on a hash match, the node and its key bytes: fewer dependent memory loads than a
 * {@code HashMap<Bytes, ...>} (table, map node, key wrapper, key bytes, value node), which is what
 * a lookup costs once a namespace outgrows the CPU caches. Slots come from the key's hash mixed by
 * Fibonacci hashing, so similar keys (consecutive numbers) do not cluster. Not thread-safe.
 */
final class CacheNodeTable {
    private static final int MIN_CAPACITY = 16;
    private CacheNode[] slots = new CacheNode[MIN_CAPACITY];
    private int shift = 32 - Integer.numberOfTrailingZeros(MIN_CAPACITY);
    private int size;

    int size() {
        return size;
    }

    private int slot(int hash) {
        return (hash * 0x9E3779B9) >>> shift;
    }

    CacheNode get(Bytes key) {
        byte[] k = key.get();
        int h = key.hashCode();
        CacheNode[] s = slots;
        int mask = s.length - 1;
        for (int i = slot(h); ; i = (i + 1) & mask) {
            CacheNode n = s[i];
            if (n == null) {
                return null;
            }
            if (n.hash == h && Arrays.equals(n.keyBytes, k)) {
                return n;
            }
        }
    }

    /** Adds a node whose key is not in the table. */
    void add(CacheNode node) {
        if (size + 1 > slots.length >> 1) {
            resize(slots.length << 1);
        }
        insert(slots, node);
        size++;
    }

    void remove(CacheNode node) {
        CacheNode[] s = slots;
        int mask = s.length - 1;
        int i = slot(node.hash);
        while (s[i] != node) {
            if (s[i] == null) {
                return;
            }
            i = (i + 1) & mask;
        }
        // backward shift: move later members of the probe run into the hole when their home allows
        int hole = i;
        for (int j = (hole + 1) & mask; s[j] != null; j = (j + 1) & mask) {
            int home = slot(s[j].hash);
            boolean homeInRun = hole <= j ? hole < home && home <= j : hole < home || home <= j;
            if (!homeInRun) {
                s[hole] = s[j];
                hole = j;
            }
        }
        s[hole] = null;
        size--;
        if (s.length > MIN_CAPACITY && size < s.length >> 3) {
            resize(s.length >> 1);
        }
    }

    void clear() {
        slots = new CacheNode[MIN_CAPACITY];
        shift = 32 - Integer.numberOfTrailingZeros(MIN_CAPACITY);
        size = 0;
    }

    private void resize(int capacity) {
        CacheNode[] old = slots;
        slots = new CacheNode[capacity];
        shift = 32 - Integer.numberOfTrailingZeros(capacity);
        for (CacheNode n : old) {
            if (n != null) {
                insert(slots, n);
            }
        }
    }

    private void insert(CacheNode[] s, CacheNode node) {
        int mask = s.length - 1;
        int i = slot(node.hash);
        while (s[i] != null) {
            i = (i + 1) & mask;
        }
        s[i] = node;
    }
}
