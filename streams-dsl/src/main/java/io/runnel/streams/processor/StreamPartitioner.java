package io.runnel.streams.processor;

/**
 * Chooses the partition of a record a sink writes; {@code null} means the default (murmur2 of the
 * serialized key, as Kafka).
 */
@FunctionalInterface
public interface StreamPartitioner<K, V> {

    Integer partition(String topic, K key, V value, int numPartitions);
}
