package io.runnel.streams.dsl;

/** Combines an aggregate and a new value of the same type. */
@FunctionalInterface
public interface Reducer<V> {
    V apply(V aggregate, V value);
}
