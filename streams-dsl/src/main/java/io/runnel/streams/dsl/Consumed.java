package io.runnel.streams.dsl;

import io.runnel.common.Serde;
import io.runnel.streams.processor.TimestampExtractor;
import java.util.Objects;

/** How a source reads a topic: key and value serdes, timestamp extractor, processor name. */
public record Consumed<K, V>(Serde<K> keySerde, Serde<V> valueSerde, TimestampExtractor timestampExtractor,
                             String processorName) {

    public Consumed {
        Objects.requireNonNull(timestampExtractor, "timestampExtractor");
        if (processorName != null) {
            Named.NameCheck.check(processorName, "processorName");
        }
    }

    public static <K, V> Consumed<K, V> with(Serde<K> keySerde, Serde<V> valueSerde) {
        return new Consumed<>(Objects.requireNonNull(keySerde, "keySerde"), Objects.requireNonNull(valueSerde, "valueSerde"),
                TimestampExtractor.RECORD_TIMESTAMP, null);
    }

    public static <K, V> Consumed<K, V> as(String processorName) {
        return new Consumed<>(null, null, TimestampExtractor.RECORD_TIMESTAMP, processorName);
    }

    public Consumed<K, V> withTimestampExtractor(TimestampExtractor extractor) {
        return new Consumed<>(keySerde, valueSerde, extractor, processorName);
    }

    public Consumed<K, V> withName(String name) {
        return new Consumed<>(keySerde, valueSerde, timestampExtractor, name);
    }
}
