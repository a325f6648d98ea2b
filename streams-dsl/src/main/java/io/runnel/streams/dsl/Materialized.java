package io.runnel.streams.dsl;

import io.runnel.common.Serde;
import io.runnel.state.StateStore;
import java.time.Duration;
import java.util.Map;

/**
 * How an operator's state is stored: store name (also the operator's name when given), key and
 * value serdes, caching (on by default), change logging (topic {@code <application.id>-<store>-changelog}),
 * retention of window stores, and store type (RocksDB by default, as in Kafka Streams;
 * {@link StoreType#IN_MEMORY} on request).
 *
 * @param <S> the store type, as in Kafka Streams (for documentation; not checked)
 */
public record Materialized<K, V, S extends StateStore>(String storeName, Serde<K> keySerde, Serde<V> valueSerde,
                                                       boolean cachingEnabled, boolean loggingEnabled,
                                                       Map<String, String> topicConfig, Duration retention,
                                                       StoreType storeType) {

    public Materialized {
        if (storeName != null) {
            Named.NameCheck.check(storeName, "storeName");
        }
        topicConfig = topicConfig == null ? Map.of() : Map.copyOf(topicConfig);
        if (retention != null && retention.isNegative()) {
            throw new IllegalArgumentException("retention < 0: " + retention);
        }
        storeType = storeType == null ? StoreType.ROCKS_DB : storeType;
    }

    public static <K, V, S extends StateStore> Materialized<K, V, S> as(String storeName) {
        return new Materialized<>(storeName, null, null, true, true, Map.of(), null, null);
    }

    public static <K, V, S extends StateStore> Materialized<K, V, S> with(Serde<K> keySerde, Serde<V> valueSerde) {
        return new Materialized<>(null, keySerde, valueSerde, true, true, Map.of(), null, null);
    }

    public Materialized<K, V, S> withKeySerde(Serde<K> serde) {
        return new Materialized<>(storeName, serde, valueSerde, cachingEnabled, loggingEnabled, topicConfig, retention, storeType);
    }

    public Materialized<K, V, S> withValueSerde(Serde<V> serde) {
        return new Materialized<>(storeName, keySerde, serde, cachingEnabled, loggingEnabled, topicConfig, retention, storeType);
    }

    /**
     * Caching is on by default, as in Kafka Streams: under the runtime, a cached store forwards
     * the latest update per key when the record cache flushes (each commit) or evicts; under the
     * test driver (no cache) every update is forwarded.
     */
    public Materialized<K, V, S> withCachingEnabled() {
        return new Materialized<>(storeName, keySerde, valueSerde, true, loggingEnabled, topicConfig, retention, storeType);
    }

    public Materialized<K, V, S> withCachingDisabled() {
        return new Materialized<>(storeName, keySerde, valueSerde, false, loggingEnabled, topicConfig, retention, storeType);
    }

    public Materialized<K, V, S> withLoggingEnabled(Map<String, String> config) {
        return new Materialized<>(storeName, keySerde, valueSerde, cachingEnabled, true, config, retention, storeType);
    }

    public Materialized<K, V, S> withLoggingDisabled() {
        return new Materialized<>(storeName, keySerde, valueSerde, cachingEnabled, false, Map.of(), retention, storeType);
    }

    public Materialized<K, V, S> withRetention(Duration r) {
        return new Materialized<>(storeName, keySerde, valueSerde, cachingEnabled, loggingEnabled, topicConfig, r, storeType);
    }

    public Materialized<K, V, S> withStoreType(StoreType type) {
        return new Materialized<>(storeName, keySerde, valueSerde, cachingEnabled, loggingEnabled, topicConfig, retention, type);
    }
}
