package io.runnel.state;

/** A key and a value, as Kafka Streams' {@code KeyValue}. Either may be null. */
public record KeyValue<K, V>(K key, V value) {

    public static <K, V> KeyValue<K, V> pair(K key, V value) {
        return new KeyValue<>(key, value);
    }
}
