package io.runnel.state;

import io.runnel.common.Serde;
import io.runnel.state.internal.builder.KeyValueStoreBuilder;
import io.runnel.state.internal.builder.SessionStoreBuilder;
import io.runnel.state.internal.builder.Suppliers;
import io.runnel.state.internal.builder.WindowStoreBuilder;
import java.time.Duration;
import java.util.Objects;

/**
 * Factory of store suppliers and builders, as Kafka Streams' {@code Stores}:
 * <pre>{@code
 * StoreBuilder<KeyValueStore<String, Long>> counts = Stores.keyValueStoreBuilder(
 *         Stores.persistentKeyValueStore("counts"), Serdes.string(), Serdes.longSerde())
 *     .withCachingEnabled();
 * }</pre>
 * Window and session stores are split in time segments of {@code max(retention / 2, 60 s)}.
 */
public final class Stores {
    static final long MIN_SEGMENT_INTERVAL_MS = 60_000L;

    private Stores() {
    }

    /** A RocksDB key-value store. */
    public static KeyValueBytesStoreSupplier persistentKeyValueStore(String name) {
        return new Suppliers.KeyValue(checkName(name), true);
    }

    /** A RocksDB key-value store for {@link #timestampedKeyValueStoreBuilder} (same supplier; the builder adds the timestamp). */
    public static KeyValueBytesStoreSupplier persistentTimestampedKeyValueStore(String name) {
        return persistentKeyValueStore(name);
    }

    public static KeyValueBytesStoreSupplier inMemoryKeyValueStore(String name) {
        return new Suppliers.KeyValue(checkName(name), false);
    }

    /** A RocksDB window store (one RocksDB instance per time segment). */
    public static WindowBytesStoreSupplier persistentWindowStore(String name, Duration retentionPeriod,
                                                                 Duration windowSize, boolean retainDuplicates) {
        return window(name, retentionPeriod, windowSize, retainDuplicates, true);
    }

    public static WindowBytesStoreSupplier persistentTimestampedWindowStore(String name, Duration retentionPeriod,
                                                                            Duration windowSize, boolean retainDuplicates) {
        return persistentWindowStore(name, retentionPeriod, windowSize, retainDuplicates);
    }

    public static WindowBytesStoreSupplier inMemoryWindowStore(String name, Duration retentionPeriod,
                                                               Duration windowSize, boolean retainDuplicates) {
        return window(name, retentionPeriod, windowSize, retainDuplicates, false);
    }

    /** A RocksDB session store (one RocksDB instance per time segment of session end times). */
    public static SessionBytesStoreSupplier persistentSessionStore(String name, Duration retentionPeriod) {
        long retention = checkRetention(retentionPeriod);
        return new Suppliers.Session(checkName(name), retention, segmentInterval(retention), true);
    }

    public static SessionBytesStoreSupplier inMemorySessionStore(String name, Duration retentionPeriod) {
        long retention = checkRetention(retentionPeriod);
        return new Suppliers.Session(checkName(name), retention, segmentInterval(retention), false);
    }

    public static <K, V> StoreBuilder<KeyValueStore<K, V>> keyValueStoreBuilder(
            KeyValueBytesStoreSupplier supplier, Serde<K> keySerde, Serde<V> valueSerde) {
        Objects.requireNonNull(supplier, "supplier");
        return KeyValueStoreBuilder.plain(supplier, keySerde, valueSerde);
    }

    public static <K, V> StoreBuilder<TimestampedKeyValueStore<K, V>> timestampedKeyValueStoreBuilder(
            KeyValueBytesStoreSupplier supplier, Serde<K> keySerde, Serde<V> valueSerde) {
        Objects.requireNonNull(supplier, "supplier");
        return KeyValueStoreBuilder.timestamped(supplier, keySerde, valueSerde);
    }

    public static <K, V> StoreBuilder<WindowStore<K, V>> windowStoreBuilder(
            WindowBytesStoreSupplier supplier, Serde<K> keySerde, Serde<V> valueSerde) {
        Objects.requireNonNull(supplier, "supplier");
        return WindowStoreBuilder.plain(supplier, keySerde, valueSerde);
    }

    public static <K, V> StoreBuilder<TimestampedWindowStore<K, V>> timestampedWindowStoreBuilder(
            WindowBytesStoreSupplier supplier, Serde<K> keySerde, Serde<V> valueSerde) {
        Objects.requireNonNull(supplier, "supplier");
        return WindowStoreBuilder.timestamped(supplier, keySerde, valueSerde);
    }

    public static <K, V> StoreBuilder<SessionStore<K, V>> sessionStoreBuilder(
            SessionBytesStoreSupplier supplier, Serde<K> keySerde, Serde<V> valueSerde) {
        Objects.requireNonNull(supplier, "supplier");
        return new SessionStoreBuilder<>(supplier, keySerde, valueSerde);
    }

    /** The changelog topic of a store, as Kafka Streams names it: {@code <applicationId>-<storeName>-changelog}. */
    public static String changelogTopic(String applicationId, String storeName) {
        return applicationId + "-" + storeName + "-changelog";
    }

    private static WindowBytesStoreSupplier window(String name, Duration retentionPeriod, Duration windowSize,
                                                   boolean retainDuplicates, boolean persistent) {
        long retention = checkRetention(retentionPeriod);
        Objects.requireNonNull(windowSize, "windowSize");
        long size = windowSize.toMillis();
        if (size <= 0) {
            throw new IllegalArgumentException("windowSize must be positive: " + windowSize);
        }
        if (size > retention) {
            throw new IllegalArgumentException("The retention period of the window store " + name
                    + " must be no smaller than its window size. Got size=[" + size + "], retention=[" + retention + "]");
        }
        return new Suppliers.Window(checkName(name), retention, size, retainDuplicates, segmentInterval(retention), persistent);
    }

    private static long segmentInterval(long retention) {
        return Math.max(retention / 2, MIN_SEGMENT_INTERVAL_MS);
    }

    private static long checkRetention(Duration retentionPeriod) {
        Objects.requireNonNull(retentionPeriod, "retentionPeriod");
        long retention = retentionPeriod.toMillis();
        if (retention < 0) {
            throw new IllegalArgumentException("retentionPeriod cannot be negative: " + retentionPeriod);
        }
        return retention;
    }

    private static String checkName(String name) {
        Objects.requireNonNull(name, "name cannot be null");
        if (name.isEmpty() || !name.matches("[a-zA-Z0-9._-]+")) {
            throw new IllegalArgumentException("store name must be non-empty and use only [a-zA-Z0-9._-]: '" + name + "'");
        }
        return name;
    }
}
