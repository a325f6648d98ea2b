package io.runnel.state.internal.builder;

import io.runnel.state.StateStore;
import io.runnel.state.StoreBuilder;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/** Caching and logging switches shared by the store builders; defaults: logging on, caching off. */
public abstract class AbstractStoreBuilder<T extends StateStore> implements StoreBuilder<T> {
    private final String name;
    private final Map<String, String> defaultLogConfig;
    private Map<String, String> logConfig = Map.of();
    private boolean caching;
    private boolean logging = true;

    protected AbstractStoreBuilder(String name, Map<String, String> defaultLogConfig) {
        this.name = Objects.requireNonNull(name, "name");
        this.defaultLogConfig = Map.copyOf(defaultLogConfig);
    }

    @Override
    public StoreBuilder<T> withCachingEnabled() {
        caching = true;
        return this;
    }

    @Override
    public StoreBuilder<T> withCachingDisabled() {
        caching = false;
        return this;
    }

    @Override
    public StoreBuilder<T> withLoggingEnabled(Map<String, String> topicConfig) {
        Objects.requireNonNull(topicConfig, "topicConfig");
        logging = true;
        logConfig = Map.copyOf(topicConfig);
        return this;
    }

    @Override
    public StoreBuilder<T> withLoggingDisabled() {
        logging = false;
        logConfig = Map.of();
        return this;
    }

    @Override
    public Map<String, String> logConfig() {
        Map<String, String> all = new LinkedHashMap<>(defaultLogConfig);
        all.putAll(logConfig);
        return Collections.unmodifiableMap(all);
    }

    @Override
    public boolean loggingEnabled() {
        return logging;
    }

    @Override
    public boolean cachingEnabled() {
        return caching;
    }

    @Override
    public String name() {
        return name;
    }
}
