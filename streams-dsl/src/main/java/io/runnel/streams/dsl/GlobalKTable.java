package io.runnel.streams.dsl;

/**
 * A table fully replicated in every instance (every partition of its topic), for joins by any key
 * without repartitioning. Its store is loaded from the topic and readable by name.
 */
public interface GlobalKTable<K, V> {

    /** The name of the store holding the table. */
    String queryableStoreName();
}
