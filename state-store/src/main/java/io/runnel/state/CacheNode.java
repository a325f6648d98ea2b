package io.runnel.state;

/**
 * One entry of a {@link NamedCache}, holding its value in place (no separate entry object to
 * reach) and its links: the hash table slot is found from {@link #hash}, the eviction list, the
 * list of dirty entries in the order they were first dirtied, and the sorted index. Accessed
 * under the namespace's monitor only.
 */
final class CacheNode {
    final Bytes key;
    final byte[] keyBytes;
    final int hash;
    byte[] value;
    long timestamp;
    /** Read or written since it last reached the head of the eviction list (second chance). */
    boolean referenced;
    CacheNode prev;
    CacheNode next;
    boolean inDirty;
    CacheNode dirtyPrev;
    CacheNode dirtyNext;
    boolean inSorted;
    boolean removed;

    CacheNode(Bytes key, byte[] value, long timestamp) {
        this.key = key;
        this.keyBytes = key.get();
        this.hash = key.hashCode();
        this.value = value;
        this.timestamp = timestamp;
    }

    long sizeBytes() {
        return keyBytes.length + (value == null ? 0 : value.length) + ThreadCache.ENTRY_OVERHEAD;
    }

    ThreadCache.Entry entry() {
        return new ThreadCache.Entry(value, inDirty, timestamp);
    }
}
