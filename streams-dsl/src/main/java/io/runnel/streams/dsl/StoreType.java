package io.runnel.streams.dsl;

/** Where a DSL store keeps its data. */
public enum StoreType {
    /** In the JVM heap: fast; rebuilt from the changelog after a restart. */
    IN_MEMORY,
    /** In RocksDB on local disk (the default). */
    ROCKS_DB
}
