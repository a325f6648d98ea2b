package io.runnel.streams.dsl;

/** A test on a key and value. */
@FunctionalInterface
public interface Predicate<K, V> {
    boolean test(K key, V value);
}
