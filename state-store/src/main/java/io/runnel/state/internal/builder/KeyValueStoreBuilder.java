package io.runnel.state.internal.builder;

import io.runnel.common.Serde;
import io.runnel.state.Bytes;
import io.runnel.state.KeyValueBytesStoreSupplier;
import io.runnel.state.KeyValueStore;
import io.runnel.state.internal.wrap.CachingKeyValueStore;
import io.runnel.state.internal.wrap.ChangeLoggingKeyValueBytesStore;
import io.runnel.state.internal.wrap.MeteredKeyValueStore;
import io.runnel.state.internal.wrap.MeteredTimestampedKeyValueStore;
import java.util.Map;
import java.util.Objects;

/** Builds metered → caching → change-logging → byte key-value stores (plain or timestamped). */
public final class KeyValueStoreBuilder<K, V, T extends KeyValueStore<K, ?>> extends AbstractStoreBuilder<T> {
    private final KeyValueBytesStoreSupplier supplier;
    private final Serde<K> keySerde;
    private final Serde<V> valueSerde;
    private final boolean timestamped;

    private KeyValueStoreBuilder(KeyValueBytesStoreSupplier supplier, Serde<K> keySerde, Serde<V> valueSerde,
                                 boolean timestamped) {
        super(supplier.name(), Map.of("cleanup.policy", "compact"));
        this.supplier = supplier;
        this.keySerde = Objects.requireNonNull(keySerde, "keySerde");
        this.valueSerde = Objects.requireNonNull(valueSerde, "valueSerde");
        this.timestamped = timestamped;
    }

    public static <K, V> KeyValueStoreBuilder<K, V, KeyValueStore<K, V>> plain(
            KeyValueBytesStoreSupplier supplier, Serde<K> keySerde, Serde<V> valueSerde) {
        return new KeyValueStoreBuilder<>(supplier, keySerde, valueSerde, false);
    }

    public static <K, V> KeyValueStoreBuilder<K, V, io.runnel.state.TimestampedKeyValueStore<K, V>> timestamped(
            KeyValueBytesStoreSupplier supplier, Serde<K> keySerde, Serde<V> valueSerde) {
        return new KeyValueStoreBuilder<>(supplier, keySerde, valueSerde, true);
    }

    @Override
    @SuppressWarnings("unchecked")
    public T build() {
        KeyValueStore<Bytes, byte[]> store = supplier.get();
        if (loggingEnabled()) {
            store = new ChangeLoggingKeyValueBytesStore(store);
        }
        if (cachingEnabled()) {
            store = new CachingKeyValueStore(store);
        }
        return timestamped
                ? (T) new MeteredTimestampedKeyValueStore<>(store, supplier.metricsScope(), keySerde, valueSerde)
                : (T) new MeteredKeyValueStore<>(store, supplier.metricsScope(), keySerde, valueSerde);
    }
}
