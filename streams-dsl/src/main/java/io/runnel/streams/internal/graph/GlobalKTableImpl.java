package io.runnel.streams.internal.graph;

/** A global table: the name of its store. */
public record GlobalKTableImpl<K, V>(String queryableStoreName) implements io.runnel.streams.dsl.GlobalKTable<K, V> {
}
