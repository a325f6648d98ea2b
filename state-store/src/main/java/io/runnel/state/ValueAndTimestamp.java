package io.runnel.state;

import java.util.Objects;

/** A value with the timestamp of the record that produced it, as in Kafka Streams. */
public record ValueAndTimestamp<V>(V value, long timestamp) {

    public ValueAndTimestamp {
        Objects.requireNonNull(value, "value");
    }

    /** A pair, or null when {@code value} is null (a null value is an absent value). */
    public static <V> ValueAndTimestamp<V> make(V value, long timestamp) {
        return value == null ? null : new ValueAndTimestamp<>(value, timestamp);
    }

    /** The value of a possibly null pair. */
    public static <V> V getValueOrNull(ValueAndTimestamp<V> valueAndTimestamp) {
        return valueAndTimestamp == null ? null : valueAndTimestamp.value();
    }
}
