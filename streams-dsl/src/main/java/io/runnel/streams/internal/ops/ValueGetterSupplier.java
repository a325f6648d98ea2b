package io.runnel.streams.internal.ops;

import java.util.List;

/**
 * Makes {@link ValueGetter}s of a table. {@link #storeNames()} are the stores a processor must be
 * connected to for the getter to work (the table's own store, or the nearest materialized
 * ancestor's).
 */
public interface ValueGetterSupplier<K, V> {

    ValueGetter<K, V> get();

    List<String> storeNames();

    /** A getter reading a timestamped key-value store. */
    static <K, V> ValueGetterSupplier<K, V> ofStore(String storeName) {
        return new ValueGetterSupplier<>() {
            @Override
            public ValueGetter<K, V> get() {
                return new ValueGetter<>() {
                    private io.runnel.state.TimestampedKeyValueStore<K, V> store;

                    @Override
                    public void init(io.runnel.streams.processor.ProcessorContext<?, ?> context) {
                        store = context.getStateStore(storeName);
                    }

                    @Override
                    public io.runnel.state.ValueAndTimestamp<V> get(K key) {
                        return store.get(key);
                    }
                };
            }

            @Override
            public List<String> storeNames() {
                return List.of(storeName);
            }
        };
    }
}
