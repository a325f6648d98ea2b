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
 * each record, by record number.
 *
 * <p>Key order is unsigned lexicographic, RocksDB's default comparator. {@link #keyOrder()} is
 * built for memory locality, because visiting 64 MiB of records in key order is otherwise one
 * cache miss per record: first the records are moved, in one sequential pass, into a second arena
 * grouped into up to 256 buckets by the eight bits that follow the key-prefix bits all records
 * share (about 256 KiB a bucket for random keys, which stays in a core's cache); then each
 * bucket's record numbers are sorted with a stable LSD radix sort on the eight-byte prefix
 * (skipping digits that are the same throughout) and a stable merge sort of each run of equal
 * prefixes on the rest of the key. Being stable throughout, records of one key stay in arrival
 * order and the last is kept. Record numbers then follow the new arrangement, until
 * {@link #clear()} empties the chunk for reuse. Not thread-safe.
 */
final class RestoreChunk {
    static final int HEADER_BYTES = 8;
    static final int TOMBSTONE = -1;
    private static final int BUCKETS = 256;
    private static final int MIN_RUN_FOR_RADIX = 64;
    private static final int MIN_RUN_FOR_MERGE = 16;

    private final int maxBytes;
    private final int maxRecords;
    private ByteBuffer arena;
    private ByteBuffer spare;
    private int[] offsets;
    private long[] prefixes;
    private int size;

    /**
     * A chunk of at most {@code maxBytes} arena bytes and {@code maxRecords} records; the arena
     * starts at {@code initialBytes} (at most {@code maxBytes}) and doubles when full, so a small
     * restore does not allocate the maximum. Sorting uses a second arena of the same size.
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

    private int bytesOf(int record) {
        return HEADER_BYTES + keyLength(record) + valueLength(record);
    }

    /**
     * Record numbers in key order, one per distinct key: its last record in the chunk. Renumbers
     * the records (see the class comment); call once per filling of the chunk.
     */
    int[] keyOrder() {
        int[] bucketStarts = groupIntoBuckets();
        int[] order = new int[size];
        for (int i = 0; i < size; i++) {
            order[i] = i;
        }
        int[] scratch = new int[size];
        int[] counts = new int[257];
        for (int b = 0; b < bucketStarts.length - 1; b++) {
            sortRange(order, scratch, counts, bucketStarts[b], bucketStarts[b + 1]);
        }
        return lastOfEachKey(order);
    }

    /**
     * Moves the records into the spare arena grouped by bucket (arrival order kept within a
     * bucket) and renumbers them; returns the first record number of each bucket and, last, the
     * size. One bucket (nothing moved) when all records share their first eight bytes.
     */
    private int[] groupIntoBuckets() {
        long differing = 0;
        for (int i = 1; i < size; i++) {
            differing |= prefixes[i] ^ prefixes[0];
        }
        if (differing == 0) {
            return new int[] {0, size};
        }
        int sharedBits = Long.numberOfLeadingZeros(differing);
        int[] recordStarts = new int[BUCKETS + 1];
        int[] byteStarts = new int[BUCKETS + 1];
        for (int i = 0; i < size; i++) {
            int b = bucket(prefixes[i], sharedBits);
            recordStarts[b + 1]++;
            byteStarts[b + 1] += bytesOf(i);
        }
        for (int b = 0; b < BUCKETS; b++) {
            recordStarts[b + 1] += recordStarts[b];
            byteStarts[b + 1] += byteStarts[b];
        }
        if (spare == null || spare.capacity() < arena.capacity()) {
            spare = ByteBuffer.allocateDirect(arena.capacity());
        }
        int[] movedOffsets = new int[offsets.length];
        long[] movedPrefixes = new long[prefixes.length];
        int[] nextRecord = Arrays.copyOf(recordStarts, BUCKETS);
        int[] nextByte = Arrays.copyOf(byteStarts, BUCKETS);
        for (int i = 0; i < size; i++) {
            int b = bucket(prefixes[i], sharedBits);
            int to = nextRecord[b]++;
            int length = bytesOf(i);
            spare.put(nextByte[b], arena, offsets[i], length);
            movedOffsets[to] = nextByte[b];
            movedPrefixes[to] = prefixes[i];
            nextByte[b] += length;
        }
        ByteBuffer filled = arena;
        arena = spare.clear().position(byteStarts[BUCKETS]);
        spare = filled;
        offsets = movedOffsets;
        prefixes = movedPrefixes;
        return recordStarts;
    }

    /** The eight bits after the {@code sharedBits} leading bits every prefix has in common. */
    private static int bucket(long prefix, int sharedBits) {
        return (int) ((prefix << sharedBits) >>> (Long.SIZE - Byte.SIZE));
    }

    /** Sorts {@code order[from, to)} by key, stably. */
    private void sortRange(int[] order, int[] scratch, int[] counts, int from, int to) {
        if (to - from < MIN_RUN_FOR_RADIX) {
            insertionSort(order, from, to);
            return;
        }
        radixSortByPrefix(order, scratch, counts, from, to);
        sortRunsOfEqualPrefix(order, scratch, from, to);
    }

    /** Stable LSD radix sort of {@code order[from, to)} on the prefixes, a byte a pass. */
    private void radixSortByPrefix(int[] order, int[] scratch, int[] counts, int from, int to) {
        int[] a = order;
        int[] b = scratch;
        for (int shift = 0; shift < Long.SIZE; shift += Byte.SIZE) {
            Arrays.fill(counts, 0);
            for (int i = from; i < to; i++) {
                counts[(int) ((prefixes[a[i]] >>> shift) & 0xFF) + 1]++;
            }
            if (sameDigitEverywhere(counts, to - from)) {
                continue;
            }
            counts[0] = from;
            for (int d = 0; d < 256; d++) {
                counts[d + 1] += counts[d];
            }
            for (int i = from; i < to; i++) {
                int r = a[i];
                b[counts[(int) ((prefixes[r] >>> shift) & 0xFF)]++] = r;
            }
            int[] t = a;
            a = b;
            b = t;
        }
        if (a != order) {
            System.arraycopy(a, from, order, from, to - from);
        }
    }

    private static boolean sameDigitEverywhere(int[] counts, int n) {
        for (int d = 1; d <= 256; d++) {
            if (counts[d] == n) {
                return true;
            }
        }
        return false;
    }

    /** Runs of equal prefixes in {@code order[from, to)} are ordered by the rest of the key, stably. */
    private void sortRunsOfEqualPrefix(int[] order, int[] scratch, int from, int to) {
        int i = from;
        while (i < to) {
            int j = i + 1;
            long p = prefixes[order[i]];
            while (j < to && prefixes[order[j]] == p) {
                j++;
            }
            if (j - i > 1) {
                mergeSort(order, scratch, i, j);
            }
            i = j;
        }
    }

    /** Stable merge sort of {@code order[from, to)} by key. */
    private void mergeSort(int[] order, int[] scratch, int from, int to) {
        if (to - from < MIN_RUN_FOR_MERGE) {
            insertionSort(order, from, to);
            return;
        }
        int mid = (from + to) >>> 1;
        mergeSort(order, scratch, from, mid);
        mergeSort(order, scratch, mid, to);
        if (compare(order[mid - 1], order[mid]) <= 0) {
            return;
        }
        System.arraycopy(order, from, scratch, from, to - from);
        int l = from;
        int r = mid;
        for (int k = from; k < to; k++) {
            if (r >= to || (l < mid && compare(scratch[l], scratch[r]) <= 0)) {
                order[k] = scratch[l++];
            } else {
                order[k] = scratch[r++];
            }
        }
    }

    /** Stable insertion sort of {@code order[from, to)} by key. */
    private void insertionSort(int[] order, int from, int to) {
        for (int i = from + 1; i < to; i++) {
            int x = order[i];
            int j = i - 1;
            while (j >= from && compare(order[j], x) > 0) {
                order[j + 1] = order[j];
                j--;
            }
            order[j + 1] = x;
        }
    }

    private int[] lastOfEachKey(int[] order) {
        int n = 0;
        for (int i = 0; i < size; i++) {
            if (i + 1 == size || compare(order[i], order[i + 1]) != 0) {
                order[n++] = order[i];
            }
        }
        return n == size ? order : Arrays.copyOf(order, n);
    }

    /** Key order of two records: by prefix, then by the whole key. */
    private int compare(int x, int y) {
        int byPrefix = Long.compareUnsigned(prefixes[x], prefixes[y]);
        return byPrefix != 0 ? byPrefix : compareKeys(x, y);
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
