package io.runnel.streams.dsl;

/** An action on each key and value. */
@FunctionalInterface
public interface ForeachAction<K, V> {
    void apply(K key, V value);
}
