package io.runnel.state.internal.builder;

import io.runnel.common.Serde;
import io.runnel.state.Bytes;
import io.runnel.state.TimestampedWindowStore;
import io.runnel.state.WindowBytesStoreSupplier;
import io.runnel.state.WindowStore;
import io.runnel.state.internal.wrap.CachingWindowStore;
import io.runnel.state.internal.wrap.ChangeLoggingWindowBytesStore;
import io.runnel.state.internal.wrap.MeteredTimestampedWindowStore;
import io.runnel.state.internal.wrap.MeteredWindowStore;
import java.util.Map;
import java.util.Objects;

/**
 * Builds metered → caching → change-logging → segmented window stores (caching is skipped for
 * stores retaining duplicates, as in Kafka Streams). The changelog defaults to
 * {@code cleanup.policy=compact,delete} and {@code retention.ms = retention + 1 day} (Kafka's
 * {@code windowstore.changelog.additional.retention.ms}).
 */
public final class WindowStoreBuilder<K, V, T extends WindowStore<K, ?>> extends AbstractStoreBuilder<T> {
    static final long ADDITIONAL_RETENTION_MS = 24L * 60 * 60 * 1000;
    private final WindowBytesStoreSupplier supplier;
    private final Serde<K> keySerde;
    private final Serde<V> valueSerde;
    private final boolean timestamped;

    private WindowStoreBuilder(WindowBytesStoreSupplier supplier, Serde<K> keySerde, Serde<V> valueSerde, boolean timestamped) {
        super(supplier.name(), Map.of("cleanup.policy", "compact,delete",
                "retention.ms", Long.toString(supplier.retentionPeriod() + ADDITIONAL_RETENTION_MS)));
        this.supplier = supplier;
        this.keySerde = Objects.requireNonNull(keySerde, "keySerde");
        this.valueSerde = Objects.requireNonNull(valueSerde, "valueSerde");
        this.timestamped = timestamped;
    }

    public static <K, V> WindowStoreBuilder<K, V, WindowStore<K, V>> plain(WindowBytesStoreSupplier supplier,
                                                                            Serde<K> keySerde, Serde<V> valueSerde) {
        return new WindowStoreBuilder<>(supplier, keySerde, valueSerde, false);
    }

    public static <K, V> WindowStoreBuilder<K, V, TimestampedWindowStore<K, V>> timestamped(
            WindowBytesStoreSupplier supplier, Serde<K> keySerde, Serde<V> valueSerde) {
        return new WindowStoreBuilder<>(supplier, keySerde, valueSerde, true);
    }

    @Override
    @SuppressWarnings("unchecked")
    public T build() {
        WindowStore<Bytes, byte[]> store = supplier.get();
        if (loggingEnabled()) {
            store = new ChangeLoggingWindowBytesStore(store);
        }
        if (cachingEnabled() && !supplier.retainDuplicates()) {
            store = new CachingWindowStore(store, supplier.windowSize(), supplier.segmentIntervalMs());
        }
        return timestamped
                ? (T) new MeteredTimestampedWindowStore<>(store, supplier.metricsScope(), keySerde, valueSerde)
                : (T) new MeteredWindowStore<>(store, supplier.metricsScope(), keySerde, valueSerde);
    }
}
