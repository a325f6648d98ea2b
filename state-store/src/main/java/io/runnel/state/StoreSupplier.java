package io.runnel.state;

/** Makes new instances of a store's innermost (byte) layer; {@link StoreBuilder}s wrap them. */
public interface StoreSupplier<T extends StateStore> {

    String name();

    /** A new, uninitialized store instance (one per task). */
    T get();

    /** The metrics scope of the store type, e.g. {@code rocksdb}, {@code in-memory}, {@code rocksdb-window}. */
    String metricsScope();
}
