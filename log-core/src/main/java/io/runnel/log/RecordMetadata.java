package io.runnel.log;

import io.runnel.common.TopicPartition;
import java.util.Objects;

/** Where an acknowledged record was written: its partition, offset and (possibly log-append) timestamp. */
public record RecordMetadata(TopicPartition topicPartition, long offset, long timestamp) {

    public RecordMetadata {
        Objects.requireNonNull(topicPartition, "topicPartition");
    }
}
