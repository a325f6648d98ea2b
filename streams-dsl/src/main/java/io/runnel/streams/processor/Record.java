package io.runnel.streams.processor;

import io.runnel.common.Header;
import java.util.List;
import java.util.Objects;

/**
 * A record flowing through a topology: key, value (either may be null), timestamp in epoch
 * milliseconds, and headers. Immutable: the {@code with*} methods return a copy, so a processor
 * may forward a changed record to one child and the original to another.
 */
public record Record<K, V>(K key, V value, long timestamp, List<Header> headers) {

    public Record {
        if (timestamp < 0) {
            throw new IllegalArgumentException("timestamp < 0: " + timestamp);
        }
        headers = headers == null || headers.isEmpty() ? List.of() : List.copyOf(headers);
    }

    public Record(K key, V value, long timestamp) {
        this(key, value, timestamp, List.of());
    }

    public <NewK> Record<NewK, V> withKey(NewK newKey) {
        return new Record<>(newKey, value, timestamp, headers);
    }

    public <NewV> Record<K, NewV> withValue(NewV newValue) {
        return new Record<>(key, newValue, timestamp, headers);
    }

    public Record<K, V> withTimestamp(long newTimestamp) {
        return new Record<>(key, value, newTimestamp, headers);
    }

    public Record<K, V> withHeaders(List<Header> newHeaders) {
        return new Record<>(key, value, timestamp, Objects.requireNonNullElse(newHeaders, List.of()));
    }
}
