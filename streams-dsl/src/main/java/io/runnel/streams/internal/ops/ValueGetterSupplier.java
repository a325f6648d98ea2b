package io.runnel.streams.internal.ops;

import io.runnel.state.ValueAndTimestamp;
import io.runnel.streams.processor.ProcessorContext;
import java.util.List;
import java.util.function.BiFunction;

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
                    public void init(ProcessorContext<?, ?> context) {
                        store = context.getStateStore(storeName);
                    }

                    @Override
                    public ValueAndTimestamp<V> get(K key) {
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

    /**
     * The getters of a table computed from {@code parent}'s rows: each value the parent's getter
     * reads (non-null) is mapped by {@code derive} (null: the derived table has no row for the key).
     */
    static <K, V, VR> ValueGetterSupplier<K, VR> derived(ValueGetterSupplier<K, V> parent,
            BiFunction<K, ValueAndTimestamp<V>, ValueAndTimestamp<VR>> derive) {
        return new ValueGetterSupplier<>() {
            @Override
            public ValueGetter<K, VR> get() {
                ValueGetter<K, V> getter = parent.get();
                return new ValueGetter<>() {
                    @Override
                    public void init(ProcessorContext<?, ?> context) {
                        getter.init(context);
                    }

                    @Override
                    public ValueAndTimestamp<VR> get(K key) {
                        ValueAndTimestamp<V> v = getter.get(key);
                        return v == null ? null : derive.apply(key, v);
                    }
                };
            }

            @Override
            public List<String> storeNames() {
                return parent.storeNames();
            }
        };
    }
}
