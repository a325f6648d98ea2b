package io.runnel.streams.testing;

import io.runnel.common.Header;
import java.util.List;

/** A record piped into or read from a test topic: key, value, timestamp (ms) and headers. */
public record TestRecord<K, V>(K key, V value, long timestamp, List<Header> headers) {

    public TestRecord {
        headers = headers == null ? List.of() : List.copyOf(headers);
    }

    public TestRecord(K key, V value, long timestamp) {
        this(key, value, timestamp, List.of());
    }
}
