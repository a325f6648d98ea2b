package io.runnel.log.internal.client;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Chooses the partition of a record exactly as Kafka's default partitioner does: a keyed record
 * goes to {@code toPositive(murmur2(keyBytes)) % partitions}; records without a key stick to one
 * partition until the batch being filled there is closed ({@link #onNewBatch}), then move to
 * another one chosen at random (Kafka's sticky partitioning, KIP-480).
 *
 * <p>Thread-safe: the sticky choice per topic is kept in a concurrent map.
 */
public final class Partitioner {
    private final ConcurrentHashMap<String, Integer> sticky = new ConcurrentHashMap<>();

    /** The partition for a record with the given serialized key (null = no key). */
    public int partition(String topic, byte[] keyBytes, int partitions) {
        if (keyBytes == null) {
            Integer p = sticky.get(topic);
            if (p == null || p >= partitions) {
                p = sticky.compute(topic, (t, cur) -> cur != null && cur < partitions
                        ? cur : ThreadLocalRandom.current().nextInt(partitions));
            }
            return p;
        }
        return keyedPartition(keyBytes, partitions);
    }

    /** Kafka's partition for a keyed record. */
    public static int keyedPartition(byte[] keyBytes, int partitions) {
        return keyedPartition(keyBytes, keyBytes.length, partitions);
    }

    /** Kafka's partition for a record keyed by the first {@code length} bytes of {@code keyBytes}. */
    public static int keyedPartition(byte[] keyBytes, int length, int partitions) {
        return toPositive(murmur2(keyBytes, length)) % partitions;
    }

    /**
     * Told that the batch for {@code previousPartition} of {@code topic} was closed: keyless
     * records of the topic move to another partition (chosen at random among the others).
     */
    public void onNewBatch(String topic, int previousPartition, int partitions) {
        Integer current = sticky.get(topic);
        if (current == null || current != previousPartition) {
            return;
        }
        int next = previousPartition;
        if (partitions > 1) {
            next = ThreadLocalRandom.current().nextInt(partitions - 1);
            if (next >= previousPartition) {
                next++;
            }
        }
        sticky.replace(topic, current, next);
    }

    /** Kafka's {@code Utils.toPositive}: clears the sign bit (not {@code Math.abs}). */
    public static int toPositive(int number) {
        return number & 0x7fffffff;
    }

    /**
     * Kafka's {@code Utils.murmur2}: the 32-bit MurmurHash2 with seed {@code 0x9747b28c}, reading
     * the bytes as little-endian 4-byte words.
     */
    public static int murmur2(byte[] data) {
        return murmur2(data, data.length);
    }

    /** {@link #murmur2(byte[])} of the first {@code length} bytes of {@code data}. */
    public static int murmur2(byte[] data, int length) {
        if (length < 0 || length > data.length) {
            throw new IllegalArgumentException("length " + length + " outside 0.." + data.length);
        }
        int seed = 0x9747b28c;
        final int m = 0x5bd1e995;
        final int r = 24;
        int h = seed ^ length;
        int length4 = length / 4;
        for (int i = 0; i < length4; i++) {
            final int i4 = i * 4;
            int k = (data[i4] & 0xff) + ((data[i4 + 1] & 0xff) << 8) + ((data[i4 + 2] & 0xff) << 16)
                    + ((data[i4 + 3] & 0xff) << 24);
            k *= m;
            k ^= k >>> r;
            k *= m;
            h *= m;
            h ^= k;
        }
        int tail = length & ~3;
        switch (length % 4) {
            case 3:
                h ^= (data[tail + 2] & 0xff) << 16;
                // fall through
            case 2:
                h ^= (data[tail + 1] & 0xff) << 8;
                // fall through
            case 1:
                h ^= data[tail] & 0xff;
                h *= m;
                break;
            default:
                break;
        }
        h ^= h >>> 13;
        h *= m;
        h ^= h >>> 15;
        return h;
    }
}
