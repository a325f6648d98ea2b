package io.runnel.bench.e2e;

/**
 * An open-addressing map from 64-bit key hashes to longs (absent = 0), so that the output tracker
 * of a run with millions of keys holds two long arrays instead of millions of boxed entries.
 * Distinct keys whose 64-bit hashes collide would be merged; with a few million keys the chance is
 * below one in a million. Not thread-safe.
 */
final class LongLongMap {
    private long[] keys;
    private long[] values;
    private boolean[] used;
    private int size;

    LongLongMap(int capacity) {
        int c = Integer.highestOneBit(Math.max(16, capacity) - 1) << 1;
        keys = new long[c];
        values = new long[c];
        used = new boolean[c];
    }

    /** Sets the value and returns the previous one (0 if absent). */
    long put(long key, long value) {
        if (size * 2 >= keys.length) {
            grow();
        }
        int mask = keys.length - 1;
        int i = (int) mix(key) & mask;
        while (used[i]) {
            if (keys[i] == key) {
                long old = values[i];
                values[i] = value;
                return old;
            }
            i = (i + 1) & mask;
        }
        used[i] = true;
        keys[i] = key;
        values[i] = value;
        size++;
        return 0;
    }

    int size() {
        return size;
    }

    private void grow() {
        long[] oldKeys = keys;
        long[] oldValues = values;
        boolean[] oldUsed = used;
        keys = new long[oldKeys.length * 2];
        values = new long[oldKeys.length * 2];
        used = new boolean[oldKeys.length * 2];
        size = 0;
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldUsed[i]) {
                put(oldKeys[i], oldValues[i]);
            }
        }
    }

    private static long mix(long h) {
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        return h;
    }

    /** A 64-bit FNV-1a hash of the bytes, finished with a mixer. */
    static long hash(byte[] bytes) {
        long h = 0xcbf29ce484222325L;
        if (bytes != null) {
            for (byte b : bytes) {
                h ^= b & 0xff;
                h *= 0x100000001b3L;
            }
        }
        return mix(h ^ (bytes == null ? -1 : bytes.length));
    }
}
