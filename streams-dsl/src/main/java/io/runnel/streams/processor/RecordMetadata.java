package io.runnel.streams.processor;

import java.util.Objects;

/** Where the record being processed came from. */
public record RecordMetadata(String topic, int partition, long offset) {

    public RecordMetadata {
        Objects.requireNonNull(topic, "topic");
    }
}
