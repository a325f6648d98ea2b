package io.runnel.state;

import java.util.Map;

/**
 * Builds a store with its feature layers, as in Kafka Streams. The built chain, outermost first:
 * metered (serdes and metrics) → caching (when enabled) → change-logging (when enabled) → the
 * supplier's byte store. Defaults as Kafka's: logging enabled, caching disabled.
 * The topology reads {@link #loggingEnabled()} and {@link #logConfig()} to create the changelog
 * topic ({@code <applicationId>-<storeName>-changelog}) before the store is initialized.
 */
public interface StoreBuilder<T extends StateStore> {

    StoreBuilder<T> withCachingEnabled();

    StoreBuilder<T> withCachingDisabled();

    /** Enables change logging; {@code topicConfig} overrides the changelog topic's defaults. */
    StoreBuilder<T> withLoggingEnabled(Map<String, String> topicConfig);

    StoreBuilder<T> withLoggingDisabled();

    /** A new store instance; call once per task. */
    T build();

    /**
     * The changelog topic configuration: {@code cleanup.policy=compact} for key-value stores;
     * {@code cleanup.policy=compact,delete} with {@code retention.ms = retention + 1 day} for window
     * and session stores; then the user's overrides.
     */
    Map<String, String> logConfig();

    boolean loggingEnabled();

    boolean cachingEnabled();

    String name();
}
