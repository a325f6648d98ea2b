package io.runnel.state;

import io.runnel.state.internal.query.CompositeKeyValueView;
import io.runnel.state.internal.query.CompositeSessionView;
import io.runnel.state.internal.query.CompositeWindowView;
import java.util.List;

/**
 * The read-only views of stores for interactive queries, as Kafka Streams' {@code QueryableStoreTypes}.
 * A view spans every task's instance of the store: point reads ask each instance until one has the
 * key; range reads concatenate the instances' results (ordered within an instance only).
 * {@link #keyValueStore()} also accepts timestamped stores and returns plain values (as Kafka does).
 */
public final class QueryableStoreTypes {

    private QueryableStoreTypes() {
    }

    public static <K, V> QueryableStoreType<ReadOnlyKeyValueStore<K, V>> keyValueStore() {
        return new QueryableStoreType<>() {
            @Override
            public boolean accepts(StateStore store) {
                return store instanceof KeyValueStore;
            }

            @Override
            public ReadOnlyKeyValueStore<K, V> create(List<StateStore> instances, String storeName) {
                return new CompositeKeyValueView<>(instances, storeName, true);
            }
        };
    }

    public static <K, V> QueryableStoreType<ReadOnlyKeyValueStore<K, ValueAndTimestamp<V>>> timestampedKeyValueStore() {
        return new QueryableStoreType<>() {
            @Override
            public boolean accepts(StateStore store) {
                return store instanceof TimestampedKeyValueStore;
            }

            @Override
            public ReadOnlyKeyValueStore<K, ValueAndTimestamp<V>> create(List<StateStore> instances, String storeName) {
                return new CompositeKeyValueView<>(instances, storeName, false);
            }
        };
    }

    public static <K, V> QueryableStoreType<ReadOnlyWindowStore<K, V>> windowStore() {
        return new QueryableStoreType<>() {
            @Override
            public boolean accepts(StateStore store) {
                return store instanceof WindowStore;
            }

            @Override
            public ReadOnlyWindowStore<K, V> create(List<StateStore> instances, String storeName) {
                return new CompositeWindowView<>(instances, storeName, true);
            }
        };
    }

    public static <K, V> QueryableStoreType<ReadOnlyWindowStore<K, ValueAndTimestamp<V>>> timestampedWindowStore() {
        return new QueryableStoreType<>() {
            @Override
            public boolean accepts(StateStore store) {
                return store instanceof TimestampedWindowStore;
            }

            @Override
            public ReadOnlyWindowStore<K, ValueAndTimestamp<V>> create(List<StateStore> instances, String storeName) {
                return new CompositeWindowView<>(instances, storeName, false);
            }
        };
    }

    public static <K, V> QueryableStoreType<ReadOnlySessionStore<K, V>> sessionStore() {
        return new QueryableStoreType<>() {
            @Override
            public boolean accepts(StateStore store) {
                return store instanceof SessionStore;
            }

            @Override
            public ReadOnlySessionStore<K, V> create(List<StateStore> instances, String storeName) {
                return new CompositeSessionView<>(instances, storeName);
            }
        };
    }
}
