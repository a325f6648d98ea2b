package io.runnel.streams.dsl;

import io.runnel.common.Serde;

/** Options of a stream-table join: serdes of key, stream value and table value, and a name. */
public record Joined<K, V, VO>(Serde<K> keySerde, Serde<V> valueSerde, Serde<VO> otherValueSerde, String name) {

    public Joined {
        if (name != null) {
            Named.NameCheck.check(name, "name");
        }
    }

    public static <K, V, VO> Joined<K, V, VO> with(Serde<K> keySerde, Serde<V> valueSerde, Serde<VO> otherValueSerde) {
        return new Joined<>(keySerde, valueSerde, otherValueSerde, null);
    }

    public static <K, V, VO> Joined<K, V, VO> as(String name) {
        return new Joined<>(null, null, null, name);
    }

    public Joined<K, V, VO> withName(String n) {
        return new Joined<>(keySerde, valueSerde, otherValueSerde, n);
    }
}
