package io.runnel.streams.dsl;

/** Merges the aggregates of two sessions of one key when a record bridges them. */
@FunctionalInterface
public interface Merger<K, V> {
    V apply(K aggKey, V aggOne, V aggTwo);
}
