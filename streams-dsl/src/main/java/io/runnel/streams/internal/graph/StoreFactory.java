package io.runnel.streams.internal.graph;

import io.runnel.common.Serde;
import io.runnel.state.KeyValueStore;
import io.runnel.state.SessionStore;
import io.runnel.state.StoreBuilder;
import io.runnel.state.Stores;
import io.runnel.state.TimestampedKeyValueStore;
import io.runnel.state.TimestampedWindowStore;
import io.runnel.state.WindowStore;
import io.runnel.streams.TopologyException;
import io.runnel.streams.dsl.Materialized;
import io.runnel.streams.dsl.StoreType;
import java.time.Duration;

/** Makes the store builders of DSL operators from {@link Materialized} options (the one place that calls {@link Stores}). */
public final class StoreFactory {

    private StoreFactory() {
    }

    static <T> Serde<T> require(Serde<T> serde, String what, String operator) {
        if (serde == null) {
            throw new TopologyException("operator " + operator + " needs a " + what
                    + " serde: pass it with Consumed.with, Grouped.with, Materialized.with or Produced.with");
        }
        return serde;
    }

    /**
     * Caching and logging from the options. Operator stores are cached unless the options say
     * otherwise (Kafka Streams' default; a cached store forwards each key's latest update when the
     * runtime's cache flushes); internal buffers ({@code m == null}) are never cached.
     */
    static <S extends io.runnel.state.StateStore> StoreBuilder<S> apply(StoreBuilder<S> b, Materialized<?, ?, ?> m) {
        return apply(b, m, m != null && m.cachingEnabled());
    }

    static <S extends io.runnel.state.StateStore> StoreBuilder<S> operatorStore(StoreBuilder<S> b, Materialized<?, ?, ?> m) {
        return apply(b, m, m == null || m.cachingEnabled());
    }

    private static <S extends io.runnel.state.StateStore> StoreBuilder<S> apply(StoreBuilder<S> b, Materialized<?, ?, ?> m,
                                                                                boolean caching) {
        if (caching) {
            b.withCachingEnabled();
        } else {
            b.withCachingDisabled();
        }
        if (m != null && !m.loggingEnabled()) {
            b.withLoggingDisabled();
        } else {
            b.withLoggingEnabled(m == null ? java.util.Map.of() : m.topicConfig());
        }
        return b;
    }

    /** RocksDB unless the operator's Materialized asks for memory (Kafka Streams' default DSL store). */
    static boolean persistent(Materialized<?, ?, ?> m) {
        return m == null || m.storeType() == StoreType.ROCKS_DB;
    }

    public static <K, V> StoreBuilder<TimestampedKeyValueStore<K, V>> timestampedKeyValue(
            String name, Serde<K> keySerde, Serde<V> valueSerde, Materialized<?, ?, ?> m, String operator) {
        var supplier = persistent(m) ? Stores.persistentTimestampedKeyValueStore(name) : Stores.inMemoryKeyValueStore(name);
        return operatorStore(Stores.timestampedKeyValueStoreBuilder(supplier, require(keySerde, "key", operator),
                require(valueSerde, "value", operator)), m);
    }

    public static <K, V> StoreBuilder<KeyValueStore<K, V>> keyValue(String name, Serde<K> keySerde, Serde<V> valueSerde) {
        return apply(Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(name), keySerde, valueSerde), null);
    }

    public static <K, V> StoreBuilder<TimestampedWindowStore<K, V>> timestampedWindow(
            String name, long retentionMs, long windowSizeMs, Serde<K> keySerde, Serde<V> valueSerde,
            Materialized<?, ?, ?> m, String operator) {
        long retention = Math.max(retentionMs, windowSizeMs);
        if (m != null && m.retention() != null) {
            if (m.retention().toMillis() < retentionMs) {
                throw new TopologyException("retention of " + name + " (" + m.retention()
                        + ") must be at least window size + grace (" + retentionMs + " ms)");
            }
            retention = m.retention().toMillis();
        }
        var supplier = persistent(m)
                ? Stores.persistentTimestampedWindowStore(name, Duration.ofMillis(retention), Duration.ofMillis(windowSizeMs), false)
                : Stores.inMemoryWindowStore(name, Duration.ofMillis(retention), Duration.ofMillis(windowSizeMs), false);
        return operatorStore(Stores.timestampedWindowStoreBuilder(supplier, require(keySerde, "key", operator),
                require(valueSerde, "value", operator)), m);
    }

    public static <K, V> StoreBuilder<WindowStore<K, V>> joinWindow(String name, long retentionMs, long windowSizeMs,
                                                                    Serde<K> keySerde, Serde<V> valueSerde,
                                                                    String operator) {
        long size = Math.max(1, windowSizeMs);
        long retention = Math.max(size, retentionMs);
        return apply(Stores.windowStoreBuilder(Stores.inMemoryWindowStore(name, Duration.ofMillis(retention),
                Duration.ofMillis(size), true), require(keySerde, "key", operator), require(valueSerde, "value", operator)), null);
    }

    public static <K, V> StoreBuilder<SessionStore<K, V>> session(String name, long retentionMs, Serde<K> keySerde,
                                                                  Serde<V> valueSerde, Materialized<?, ?, ?> m,
                                                                  String operator) {
        long retention = m != null && m.retention() != null ? Math.max(m.retention().toMillis(), retentionMs) : retentionMs;
        retention = Math.max(1, retention);
        var supplier = persistent(m) ? Stores.persistentSessionStore(name, Duration.ofMillis(retention))
                : Stores.inMemorySessionStore(name, Duration.ofMillis(retention));
        return operatorStore(Stores.sessionStoreBuilder(supplier, require(keySerde, "key", operator),
                require(valueSerde, "value", operator)), m);
    }
}
