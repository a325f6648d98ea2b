package io.runnel.streams.processor;

import io.runnel.common.Header;
import java.util.List;

/** What a {@link TopicNameExtractor} may read about the record besides key and value. */
public record RecordContext(String topic, int partition, long offset, long timestamp, List<Header> headers) {

    public RecordContext {
        headers = headers == null ? List.of() : List.copyOf(headers);
    }
}
