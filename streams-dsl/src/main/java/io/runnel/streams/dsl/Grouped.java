package io.runnel.streams.dsl;

import io.runnel.common.Serde;

/**
 * How records are grouped: serdes of the grouping key and value (used by the repartition topic)
 * and a name (the repartition topic is {@code <application.id>-<name>-repartition}).
 */
public record Grouped<K, V>(String name, Serde<K> keySerde, Serde<V> valueSerde) {

    public Grouped {
        if (name != null) {
            Named.NameCheck.check(name, "name");
        }
    }

    public static <K, V> Grouped<K, V> with(Serde<K> keySerde, Serde<V> valueSerde) {
        return new Grouped<>(null, keySerde, valueSerde);
    }

    public static <K, V> Grouped<K, V> as(String name) {
        return new Grouped<>(name, null, null);
    }

    public Grouped<K, V> withName(String newName) {
        return new Grouped<>(newName, keySerde, valueSerde);
    }

    public Grouped<K, V> withKeySerde(Serde<K> serde) {
        return new Grouped<>(name, serde, valueSerde);
    }

    public Grouped<K, V> withValueSerde(Serde<V> serde) {
        return new Grouped<>(name, keySerde, serde);
    }
}
