package io.runnel.state.internal.builder;

import io.runnel.common.Serde;
import io.runnel.state.Bytes;
import io.runnel.state.SessionBytesStoreSupplier;
import io.runnel.state.SessionStore;
import io.runnel.state.internal.wrap.CachingSessionStore;
import io.runnel.state.internal.wrap.ChangeLoggingSessionBytesStore;
import io.runnel.state.internal.wrap.MeteredSessionStore;
import java.util.Map;
import java.util.Objects;

/**
 * Builds metered → caching → change-logging → segmented session stores; changelog defaults as
 * for window stores.
 */
public final class SessionStoreBuilder<K, AGG> extends AbstractStoreBuilder<SessionStore<K, AGG>> {
    private final SessionBytesStoreSupplier supplier;
    private final Serde<K> keySerde;
    private final Serde<AGG> aggSerde;

    public SessionStoreBuilder(SessionBytesStoreSupplier supplier, Serde<K> keySerde, Serde<AGG> aggSerde) {
        super(supplier.name(), Map.of("cleanup.policy", "compact,delete",
                "retention.ms", Long.toString(supplier.retentionPeriod() + WindowStoreBuilder.ADDITIONAL_RETENTION_MS)));
        this.supplier = supplier;
        this.keySerde = Objects.requireNonNull(keySerde, "keySerde");
        this.aggSerde = Objects.requireNonNull(aggSerde, "aggSerde");
    }

    @Override
    public SessionStore<K, AGG> build() {
        SessionStore<Bytes, byte[]> store = supplier.get();
        if (loggingEnabled()) {
            store = new ChangeLoggingSessionBytesStore(store);
        }
        if (cachingEnabled()) {
            store = new CachingSessionStore(store, supplier.segmentIntervalMs());
        }
        return new MeteredSessionStore<>(store, supplier.metricsScope(), keySerde, aggSerde);
    }
}
