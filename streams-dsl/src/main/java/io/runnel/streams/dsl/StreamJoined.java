package io.runnel.streams.dsl;

import io.runnel.common.Serde;

/**
 * Options of a stream-stream join: serdes of key and both values (for the join stores and any
 * repartition topics), the operator name, and the store name prefix.
 */
public record StreamJoined<K, V1, V2>(Serde<K> keySerde, Serde<V1> valueSerde, Serde<V2> otherValueSerde,
                                      String name, String storeName) {

    public StreamJoined {
        if (name != null) {
            Named.NameCheck.check(name, "name");
        }
        if (storeName != null) {
            Named.NameCheck.check(storeName, "storeName");
        }
    }

    public static <K, V1, V2> StreamJoined<K, V1, V2> with(Serde<K> keySerde, Serde<V1> valueSerde, Serde<V2> otherValueSerde) {
        return new StreamJoined<>(keySerde, valueSerde, otherValueSerde, null, null);
    }

    public static <K, V1, V2> StreamJoined<K, V1, V2> as(String storeName) {
        return new StreamJoined<>(null, null, null, null, storeName);
    }

    public StreamJoined<K, V1, V2> withName(String n) {
        return new StreamJoined<>(keySerde, valueSerde, otherValueSerde, n, storeName);
    }

    public StreamJoined<K, V1, V2> withStoreName(String n) {
        return new StreamJoined<>(keySerde, valueSerde, otherValueSerde, name, n);
    }
}
