package io.runnel.log.internal.cleaner;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * The cleaner's map from a key to the offset of its latest record, keyed by a 128-bit
 * MurmurHash3 of the key bytes (so keys of any size take 24 bytes a slot, as Kafka's
 * SkimpyOffsetMap does with MD5). Open addressing with linear probing over a fixed number of
 * slots, allocated once and reused ({@link #clear()}) for every cleaning; it reports
 * {@link #isFull()} at 90% load so the cleaner stops mapping there.
 *
 * <p>A false match needs both 64-bit halves of two keys' hashes to collide (≈ 2⁻¹²⁸ per pair).
 * Not thread-safe: owned by one cleaner thread.
 */
public final class OffsetMap {
    private static final double MAX_LOAD = 0.9;
    private final long[] hash1;
    private final long[] hash2;
    private final long[] offsets;
    private final int mask;
    private final int maxEntries;
    private int size;
    private long lastOffset = -1;
    private long h1;
    private long h2;

    /** A map with {@code slots} slots, rounded up to a power of two (at least 16). */
    public OffsetMap(int slots) {
        int capacity = Integer.highestOneBit(Math.max(16, slots - 1)) << 1;
        this.hash1 = new long[capacity];
        this.hash2 = new long[capacity];
        this.offsets = new long[capacity];
        this.mask = capacity - 1;
        this.maxEntries = (int) (capacity * MAX_LOAD);
        Arrays.fill(offsets, -1L);
    }

    /** Records {@code offset} as the latest for {@code key} (bytes from position to limit). */
    public void put(ByteBuffer key, long offset) {
        if (isFull()) {
            throw new IllegalStateException("offset map full at " + size + " entries");
        }
        hash(key);
        int i = (int) (h1 ^ (h1 >>> 32)) & mask;
        while (offsets[i] >= 0) {
            if (hash1[i] == h1 && hash2[i] == h2) {
                offsets[i] = Math.max(offsets[i], offset);
                lastOffset = Math.max(lastOffset, offset);
                return;
            }
            i = (i + 1) & mask;
        }
        hash1[i] = h1;
        hash2[i] = h2;
        offsets[i] = offset;
        size++;
        lastOffset = Math.max(lastOffset, offset);
    }

    /** The latest offset recorded for {@code key}, or −1. */
    public long get(ByteBuffer key) {
        hash(key);
        int i = (int) (h1 ^ (h1 >>> 32)) & mask;
        while (offsets[i] >= 0) {
            if (hash1[i] == h1 && hash2[i] == h2) {
                return offsets[i];
            }
            i = (i + 1) & mask;
        }
        return -1;
    }

    /** Number of slots. */
    public int capacity() {
        return offsets.length;
    }

    public boolean isFull() {
        return size >= maxEntries;
    }

    public int size() {
        return size;
    }

    /** The largest offset put since the last clear, −1 if none. */
    public long lastOffset() {
        return lastOffset;
    }

    public void clear() {
        Arrays.fill(offsets, -1L);
        size = 0;
        lastOffset = -1;
    }

    /** MurmurHash3 x64-128 of the buffer's remaining bytes (not consumed) into {@code h1}, {@code h2}. */
    private void hash(ByteBuffer key) {
        long seed = 0x9747b28cL;
        ByteBuffer b = key.duplicate().order(ByteOrder.LITTLE_ENDIAN);
        int start = b.position();
        int len = b.remaining();
        long h1 = seed;
        long h2 = seed;
        final long c1 = 0x87c37b91114253d5L;
        final long c2 = 0x4cf5ad432745937fL;
        int blocks = len / 16;
        for (int i = 0; i < blocks; i++) {
            long k1 = b.getLong(start + i * 16);
            long k2 = b.getLong(start + i * 16 + 8);
            k1 *= c1;
            k1 = Long.rotateLeft(k1, 31);
            k1 *= c2;
            h1 ^= k1;
            h1 = Long.rotateLeft(h1, 27);
            h1 += h2;
            h1 = h1 * 5 + 0x52dce729;
            k2 *= c2;
            k2 = Long.rotateLeft(k2, 33);
            k2 *= c1;
            h2 ^= k2;
            h2 = Long.rotateLeft(h2, 31);
            h2 += h1;
            h2 = h2 * 5 + 0x38495ab5;
        }
        long k1 = 0;
        long k2 = 0;
        int tail = start + blocks * 16;
        int rem = len & 15;
        for (int i = rem - 1; i >= 8; i--) {
            k2 = (k2 << 8) | (b.get(tail + i) & 0xffL);
        }
        for (int i = Math.min(rem, 8) - 1; i >= 0; i--) {
            k1 = (k1 << 8) | (b.get(tail + i) & 0xffL);
        }
        if (rem > 8) {
            k2 *= c2;
            k2 = Long.rotateLeft(k2, 33);
            k2 *= c1;
            h2 ^= k2;
        }
        if (rem > 0) {
            k1 *= c1;
            k1 = Long.rotateLeft(k1, 31);
            k1 *= c2;
            h1 ^= k1;
        }
        h1 ^= len;
        h2 ^= len;
        h1 += h2;
        h2 += h1;
        h1 = fmix(h1);
        h2 = fmix(h2);
        h1 += h2;
        h2 += h1;
        this.h1 = h1;
        this.h2 = h2;
    }

    private static long fmix(long k) {
        k ^= k >>> 33;
        k *= 0xff51afd7ed558ccdL;
        k ^= k >>> 33;
        k *= 0xc4ceb9fe1a85ec53L;
        k ^= k >>> 33;
        return k;
    }
}
