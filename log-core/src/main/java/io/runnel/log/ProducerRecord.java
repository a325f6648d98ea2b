package io.runnel.log;

import io.runnel.common.Header;
import java.util.List;
import java.util.Objects;

/**
 * A record to send. {@code partition} null = chosen by the partitioner; {@code timestamp} null =
 * the producer's clock; {@code value} null = a tombstone.
 */
public record ProducerRecord<K, V>(String topic, Integer partition, Long timestamp, K key, V value, List<Header> headers) {

    public ProducerRecord {
        Objects.requireNonNull(topic, "topic");
        if (partition != null && partition < 0) {
            throw new IllegalArgumentException("partition < 0: " + partition);
        }
        if (timestamp != null && timestamp < 0) {
            throw new IllegalArgumentException("timestamp < 0: " + timestamp);
        }
        headers = headers == null || headers.isEmpty() ? List.of() : List.copyOf(headers);
    }

    public ProducerRecord(String topic, K key, V value) {
        this(topic, null, null, key, value, List.of());
    }

    public ProducerRecord(String topic, Integer partition, K key, V value) {
        this(topic, partition, null, key, value, List.of());
    }
}
