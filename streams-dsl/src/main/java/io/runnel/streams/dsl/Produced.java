package io.runnel.streams.dsl;

import io.runnel.common.Serde;
import io.runnel.streams.processor.StreamPartitioner;
import java.util.Objects;

/** How a sink writes: key and value serdes, partitioner, processor name. */
public record Produced<K, V>(Serde<K> keySerde, Serde<V> valueSerde, StreamPartitioner<? super K, ? super V> partitioner,
                             String processorName) {

    public Produced {
        if (processorName != null) {
            Named.NameCheck.check(processorName, "processorName");
        }
    }

    public static <K, V> Produced<K, V> with(Serde<K> keySerde, Serde<V> valueSerde) {
        return new Produced<>(Objects.requireNonNull(keySerde, "keySerde"), Objects.requireNonNull(valueSerde, "valueSerde"),
                null, null);
    }

    public static <K, V> Produced<K, V> as(String processorName) {
        return new Produced<>(null, null, null, processorName);
    }

    public Produced<K, V> withStreamPartitioner(StreamPartitioner<? super K, ? super V> p) {
        return new Produced<>(keySerde, valueSerde, p, processorName);
    }

    public Produced<K, V> withName(String name) {
        return new Produced<>(keySerde, valueSerde, partitioner, name);
    }
}
