package io.runnel.state;

import java.util.Arrays;
import java.util.Objects;

/**
 * An immutable-by-contract wrapper of a byte array with value equality and unsigned lexicographic
 * order (the order RocksDB's default comparator uses), as Kafka's {@code Bytes}. The array is not
 * copied: callers must not change it after wrapping.
 */
public final class Bytes implements Comparable<Bytes> {
    private final byte[] bytes;
    private int hash;

    private Bytes(byte[] bytes) {
        this.bytes = bytes;
    }

    /** Wraps the array, or returns null for null. */
    public static Bytes wrap(byte[] bytes) {
        return bytes == null ? null : new Bytes(bytes);
    }

    public byte[] get() {
        return bytes;
    }

    public int length() {
        return bytes.length;
    }

    /**
     * The smallest byte string greater than every string starting with this one, or null when
     * there is none (all bytes 0xFF): the exclusive upper bound of a prefix scan.
     */
    public Bytes prefixUpperBound() {
        byte[] copy = bytes.clone();
        for (int i = copy.length - 1; i >= 0; i--) {
            if (copy[i] != (byte) 0xFF) {
                copy[i]++;
                return new Bytes(Arrays.copyOf(copy, i + 1));
            }
        }
        return null;
    }

    @Override
    public int compareTo(Bytes o) {
        return Arrays.compareUnsigned(bytes, o.bytes);
    }

    @Override
    public boolean equals(Object o) {
        return this == o || (o instanceof Bytes b && Arrays.equals(bytes, b.bytes));
    }

    @Override
    public int hashCode() {
        int h = hash;
        if (h == 0) {
            h = Arrays.hashCode(bytes);
            hash = h;
        }
        return h;
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(bytes.length * 2);
        for (byte b : bytes) {
            if (b >= 0x20 && b < 0x7F && b != '\\') {
                sb.append((char) b);
            } else {
                sb.append(String.format("\\x%02X", b & 0xFF));
            }
        }
        return sb.toString();
    }

    /** Null-safe comparison by {@link #compareTo}; null sorts first. */
    public static int compare(Bytes a, Bytes b) {
        return Objects.compare(a, b, (x, y) -> x.compareTo(y));
    }
}
