package io.runnel.streams.processor;

import io.runnel.common.Header;
import java.util.List;

/**
 * A record whose key a {@link FixedKeyProcessor} cannot change: only value, timestamp and
 * headers have {@code with*} methods, so no repartition is needed downstream.
 */
public final class FixedKeyRecord<K, V> {
    private final Record<K, V> record;

    FixedKeyRecord(Record<K, V> record) {
        this.record = record;
    }

    /** Wraps a record; used by the runtime. */
    public static <K, V> FixedKeyRecord<K, V> of(Record<K, V> record) {
        return new FixedKeyRecord<>(record);
    }

    public K key() {
        return record.key();
    }

    public V value() {
        return record.value();
    }

    public long timestamp() {
        return record.timestamp();
    }

    public List<Header> headers() {
        return record.headers();
    }

    public <NewV> FixedKeyRecord<K, NewV> withValue(NewV newValue) {
        return new FixedKeyRecord<>(record.withValue(newValue));
    }

    public FixedKeyRecord<K, V> withTimestamp(long timestamp) {
        return new FixedKeyRecord<>(record.withTimestamp(timestamp));
    }

    public FixedKeyRecord<K, V> withHeaders(List<Header> headers) {
        return new FixedKeyRecord<>(record.withHeaders(headers));
    }

    /** The underlying record. */
    public Record<K, V> toRecord() {
        return record;
    }

    @Override
    public String toString() {
        return "FixedKey" + record;
    }
}
