package io.runnel.streams.dsl;

import io.runnel.common.Serde;
import io.runnel.streams.processor.StreamPartitioner;

/** How {@code repartition()} writes its topic: name, serdes, number of partitions, partitioner. */
public record Repartitioned<K, V>(String name, Serde<K> keySerde, Serde<V> valueSerde, Integer numberOfPartitions,
                                  StreamPartitioner<K, V> partitioner) {

    public Repartitioned {
        if (name != null) {
            Named.NameCheck.check(name, "name");
        }
        if (numberOfPartitions != null && numberOfPartitions < 1) {
            throw new IllegalArgumentException("numberOfPartitions < 1: " + numberOfPartitions);
        }
    }

    public static <K, V> Repartitioned<K, V> as(String name) {
        return new Repartitioned<>(name, null, null, null, null);
    }

    public static <K, V> Repartitioned<K, V> with(Serde<K> keySerde, Serde<V> valueSerde) {
        return new Repartitioned<>(null, keySerde, valueSerde, null, null);
    }

    public Repartitioned<K, V> withName(String n) {
        return new Repartitioned<>(n, keySerde, valueSerde, numberOfPartitions, partitioner);
    }

    public Repartitioned<K, V> withNumberOfPartitions(int n) {
        return new Repartitioned<>(name, keySerde, valueSerde, n, partitioner);
    }

    public Repartitioned<K, V> withStreamPartitioner(StreamPartitioner<K, V> p) {
        return new Repartitioned<>(name, keySerde, valueSerde, numberOfPartitions, p);
    }
}
