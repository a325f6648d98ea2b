package io.runnel.state.internal.rocksdb;

import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * A chunk of changelog records buffered during a bulk restore, in arrival (offset) order, that
 * can be listed in key order with one record per key: the last one of the chunk (the changelog's
 * latest write of that key, possibly a tombstone).
 *
 * <p>Layout: the records are copied into one direct buffer (the arena, so that an SST writer can
 * read keys and values without another copy), one after the other:
 * <table>
 * <caption>one record in the arena</caption>
 * <tr><th>bytes</th><th>field</th></tr>
 * <tr><td>4</td><td>key length k (big-endian int)</td></tr>
 * <tr><td>4</td><td>value length v, or -1 for a tombstone</td></tr>
 * <tr><td>k</td><td>key</td></tr>
 * <tr><td>max(v, 0)</td><td>value</td></tr>
 * </table>
 * Next to the arena: the arena offset and the first eight key bytes (big-endian, zero-padded) of
 * each record, by record number (arrival order).
 *
 * <p>Key order is unsigned lexicographic, RocksDB's default comparator. {@link #keyOrder()} sorts
 * record numbers with a stable LSD radix sort on the eight-byte prefix (skipping digits that are
 * the same in every record), then a stable merge sort of each run of equal prefixes on the rest of
 * the key; being stable, records of one key stay in arrival order and the last is kept. The chunk
 * is reused: {@link #clear()} empties it. Not thread-safe.
 */
final class RestoreChunk {
    static final int HEADER_BYTES = 8;
    static final int TOMBSTONE = -1;
    private static final int MIN_RUN_FOR_MERGE = 16;

    private final int maxBytes;
    private final int maxRecords;
    private ByteBuffer arena;
    private int[] offsets;
    private long[] prefixes;
    private int size;

    /**
     * A chunk of at most {@code maxBytes} arena bytes and {@code maxRecords} records; the arena
     * starts at {@code initialBytes} (at most {@code maxBytes}) and doubles when full, so a small
     * restore does not allocate the maximum.
     */
    RestoreChunk(int initialBytes, int maxBytes, int maxRecords) {
        if (maxBytes < HEADER_BYTES) {
            throw new IllegalArgumentException("maxBytes < " + HEADER_BYTES + ": " + maxBytes);
        }
        if (initialBytes <= 0) {
            throw new IllegalArgumentException("initialBytes <= 0: " + initialBytes);
        }
        if (maxRecords <= 0) {
            throw new IllegalArgumentException("maxRecords <= 0: " + maxRecords);
        }
        this.maxBytes = maxBytes;
        this.arena = ByteBuffer.allocateDirect(Math.min(initialBytes, maxBytes));
        this.maxRecords = maxRecords;
        int initial = Math.min(maxRecords, 1024);
        this.offsets = new int[initial];
        this.prefixes = new long[initial];
    }

    /** Bytes a record takes in the arena. */
    static long bytesOf(byte[] key, byte[] value) {
        return (long) HEADER_BYTES + key.length + (value == null ? 0 : value.length);
    }

    /** Appends a record; false (and nothing changed) when the chunk has no room left for it. */
    boolean add(byte[] key, byte[] value) {
        long bytes = bytesOf(key, value);
        if (size == maxRecords || !makeRoom(bytes)) {
            return false;
        }
        if (size == offsets.length) {
            int grown = (int) Math.min(maxRecords, offsets.length * 2L);
            offsets = Arrays.copyOf(offsets, grown);
            prefixes = Arrays.copyOf(prefixes, grown);
        }
        offsets[size] = arena.position();
        prefixes[size] = prefix(key);
        arena.putInt(key.length).putInt(value == null ? TOMBSTONE : value.length).put(key);
        if (value != null) {
            arena.put(value);
        }
        size++;
        return true;
    }

    private boolean makeRoom(long bytes) {
        if (bytes <= arena.remaining()) {
            return true;
        }
        long needed = arena.position() + bytes;
        if (needed > maxBytes) {
            return false;
        }
        long capacity = arena.capacity();
        while (capacity < needed) {
            capacity *= 2;
        }
        ByteBuffer grown = ByteBuffer.allocateDirect((int) Math.min(capacity, maxBytes));
        grown.put(arena.flip());
        arena = grown;
        return true;
    }

    int size() {
        return size;
    }

    boolean isEmpty() {
        return size == 0;
    }

    void clear() {
        arena.clear();
        size = 0;
    }

    /** The arena (read keys and values through a duplicate: positions are the caller's). */
    ByteBuffer arena() {
        return arena;
    }

    int keyOffset(int record) {
        return offsets[record] + HEADER_BYTES;
    }

    int keyLength(int record) {
        return arena.getInt(offsets[record]);
    }

    boolean isTombstone(int record) {
        return arena.getInt(offsets[record] + 4) == TOMBSTONE;
    }

    int valueOffset(int record) {
        return keyOffset(record) + keyLength(record);
    }

    int valueLength(int record) {
        return Math.max(0, arena.getInt(offsets[record] + 4));
    }

    byte[] key(int record) {
        byte[] key = new byte[keyLength(record)];
        arena.get(keyOffset(record), key);
        return key;
    }

    /** Record numbers in key order, one per distinct key: its last record in the chunk. */
    int[] keyOrder() {
        int[] order = radixSortByPrefix();
        sortRunsOfEqualPrefix(order);
        return lastOfEachKey(order);
    }

    private int[] radixSortByPrefix() {
        int[] a = new int[size];
        int[] b = new int[size];
        for (int i = 0; i < size; i++) {
            a[i] = i;
        }
        int[] counts = new int[257];
        for (int shift = 0; shift < Long.SIZE; shift += Byte.SIZE) {
            Arrays.fill(counts, 0);
            for (int i = 0; i < size; i++) {
                counts[(int) ((prefixes[a[i]] >>> shift) & 0xFF) + 1]++;
            }
            if (sameDigitEverywhere(counts)) {
                continue;
            }
            for (int d = 0; d < 256; d++) {
                counts[d + 1] += counts[d];
            }
            for (int i = 0; i < size; i++) {
                int r = a[i];
                b[counts[(int) ((prefixes[r] >>> shift) & 0xFF)]++] = r;
            }
            int[] t = a;
            a = b;
            b = t;
        }
        return a;
    }

    private boolean sameDigitEverywhere(int[] counts) {
        for (int d = 1; d <= 256; d++) {
            if (counts[d] == size) {
                return true;
            }
        }
        return false;
    }

    /** Runs of equal prefixes are ordered by the rest of the key, stably. */
    private void sortRunsOfEqualPrefix(int[] order) {
        int[] scratch = null;
        int i = 0;
        while (i < size) {
            int j = i + 1;
            long p = prefixes[order[i]];
            while (j < size && prefixes[order[j]] == p) {
                j++;
            }
            if (j - i > 1) {
                if (scratch == null) {
                    scratch = new int[size];
                }
                mergeSort(order, scratch, i, j);
            }
            i = j;
        }
    }

    /** Stable merge sort of {@code order[from, to)} by full key. */
    private void mergeSort(int[] order, int[] scratch, int from, int to) {
        if (to - from < MIN_RUN_FOR_MERGE) {
            insertionSort(order, from, to);
            return;
        }
        int mid = (from + to) >>> 1;
        mergeSort(order, scratch, from, mid);
        mergeSort(order, scratch, mid, to);
        if (compareKeys(order[mid - 1], order[mid]) <= 0) {
            return;
        }
        System.arraycopy(order, from, scratch, from, to - from);
        int l = from;
        int r = mid;
        for (int k = from; k < to; k++) {
            if (r >= to || (l < mid && compareKeys(scratch[l], scratch[r]) <= 0)) {
                order[k] = scratch[l++];
            } else {
                order[k] = scratch[r++];
            }
        }
    }

    private void insertionSort(int[] order, int from, int to) {
        for (int i = from + 1; i < to; i++) {
            int x = order[i];
            int j = i - 1;
            while (j >= from && compareKeys(order[j], x) > 0) {
                order[j + 1] = order[j];
                j--;
            }
            order[j + 1] = x;
        }
    }

    private int[] lastOfEachKey(int[] order) {
        int n = 0;
        for (int i = 0; i < size; i++) {
            boolean lastOfKey = i + 1 == size
                    || prefixes[order[i]] != prefixes[order[i + 1]]
                    || compareKeys(order[i], order[i + 1]) != 0;
            if (lastOfKey) {
                order[n++] = order[i];
            }
        }
        return n == size ? order : Arrays.copyOf(order, n);
    }

    /** Unsigned lexicographic comparison of the keys of two records. */
    int compareKeys(int x, int y) {
        int xo = keyOffset(x);
        int yo = keyOffset(y);
        int xl = keyLength(x);
        int yl = keyLength(y);
        int mismatch = arena.slice(xo, xl).mismatch(arena.slice(yo, yl));
        if (mismatch < 0) {
            return 0;
        }
        if (mismatch == xl || mismatch == yl) {
            return Integer.compare(xl, yl);
        }
        return Integer.compare(arena.get(xo + mismatch) & 0xFF, arena.get(yo + mismatch) & 0xFF);
    }

    /** The first eight bytes of a key as an unsigned big-endian number, zero-padded. */
    static long prefix(byte[] key) {
        long p = 0;
        for (int i = 0; i < Long.BYTES; i++) {
            p = (p << Byte.SIZE) | (i < key.length ? key[i] & 0xFF : 0);
        }
        return p;
    }
}
