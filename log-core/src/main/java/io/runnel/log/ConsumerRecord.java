package io.runnel.log;

import io.runnel.common.Header;
import io.runnel.common.TopicPartition;
import java.util.List;
import java.util.Objects;

/** A record read from the log. {@code value} null = a tombstone. */
public record ConsumerRecord<K, V>(String topic, int partition, long offset, long timestamp,
                                   TimestampType timestampType, K key, V value, List<Header> headers) {

    public ConsumerRecord {
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(timestampType, "timestampType");
        headers = headers == null ? List.of() : headers;
    }

    public TopicPartition topicPartition() {
        return new TopicPartition(topic, partition);
    }
}
