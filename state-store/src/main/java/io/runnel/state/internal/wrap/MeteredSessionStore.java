package io.runnel.state.internal.wrap;

import io.runnel.common.Serde;
import io.runnel.common.Time;
import io.runnel.state.Bytes;
import io.runnel.state.CacheFlushListener;
import io.runnel.state.CachedStateStore;
import io.runnel.state.KeyValueIterator;
import io.runnel.state.SessionStore;
import io.runnel.state.StateStore;
import io.runnel.state.StateStoreContext;
import io.runnel.state.Windowed;
import io.runnel.state.internal.StoreState;
import java.util.Objects;

/** The outermost layer of a session store: serdes and latency metrics (see {@link MeteredKeyValueStore}). */
public final class MeteredSessionStore<K, AGG> extends WrappedStateStore<SessionStore<Bytes, byte[]>>
        implements SessionStore<K, AGG>, CachedStateStore<Windowed<K>, AGG> {
    private final String metricsScope;
    private final Serde<K> keySerde;
    private final Serde<AGG> aggSerde;
    private final StoreState state;
    private String topic;
    private Time time;
    private StoreMetrics metrics;

    public MeteredSessionStore(SessionStore<Bytes, byte[]> inner, String metricsScope, Serde<K> keySerde, Serde<AGG> aggSerde) {
        super(inner);
        this.metricsScope = metricsScope;
        this.keySerde = Objects.requireNonNull(keySerde, "keySerde");
        this.aggSerde = Objects.requireNonNull(aggSerde, "aggSerde");
        this.state = new StoreState(inner.name());
    }

    @Override
    public void init(StateStoreContext context, StateStore root) {
        topic = context.applicationId() + "-" + name() + "-changelog";
        time = context.time();
        metrics = new StoreMetrics(context.metrics(), context.taskId(), metricsScope, name());
        super.init(new DelegatingContext(context, cb -> new MeteredRestoreCallback(cb, time, metrics)), root);
        state.opened();
    }

    @Override
    public boolean setFlushListener(CacheFlushListener<Windowed<K>, AGG> listener, boolean sendOldValues) {
        CachingSessionStore cached = find(wrapped(), CachingSessionStore.class);
        if (cached == null) {
            return false;
        }
        return cached.setFlushListener((key, newValue, oldValue, timestamp) -> listener.apply(
                new Windowed<>(keySerde.deserializer().deserialize(topic, key.key().get()), key.window()),
                agg(newValue), agg(oldValue), timestamp), sendOldValues);
    }

    private Bytes keyBytes(K key) {
        Objects.requireNonNull(key, "key cannot be null");
        return Bytes.wrap(keySerde.serializer().serialize(topic, key));
    }

    private Windowed<Bytes> sessionBytes(Windowed<K> sessionKey) {
        Objects.requireNonNull(sessionKey, "sessionKey cannot be null");
        return new Windowed<>(keyBytes(sessionKey.key()), sessionKey.window());
    }

    private AGG agg(byte[] bytes) {
        return bytes == null ? null : aggSerde.deserializer().deserialize(topic, bytes);
    }

    @Override
    public void put(Windowed<K> sessionKey, AGG aggregate) {
        state.check();
        long start = time.nanoseconds();
        wrapped().put(sessionBytes(sessionKey), aggregate == null ? null : aggSerde.serializer().serialize(topic, aggregate));
        metrics.put.record(time.nanoseconds() - start);
    }

    @Override
    public void remove(Windowed<K> sessionKey) {
        state.check();
        long start = time.nanoseconds();
        wrapped().remove(sessionBytes(sessionKey));
        metrics.delete.record(time.nanoseconds() - start);
    }

    @Override
    public AGG fetchSession(K key, long sessionStartTime, long sessionEndTime) {
        state.check();
        long start = time.nanoseconds();
        AGG a = agg(wrapped().fetchSession(keyBytes(key), sessionStartTime, sessionEndTime));
        metrics.get.record(time.nanoseconds() - start);
        return a;
    }

    @Override
    public KeyValueIterator<Windowed<K>, AGG> fetch(K key) {
        state.check();
        return iterator(wrapped().fetch(keyBytes(key)));
    }

    @Override
    public KeyValueIterator<Windowed<K>, AGG> fetch(K keyFrom, K keyTo) {
        state.check();
        return iterator(wrapped().fetch(keyFrom == null ? null : keyBytes(keyFrom), keyTo == null ? null : keyBytes(keyTo)));
    }

    @Override
    public KeyValueIterator<Windowed<K>, AGG> findSessions(K key, long earliestSessionEndTime, long latestSessionStartTime) {
        state.check();
        return iterator(wrapped().findSessions(keyBytes(key), earliestSessionEndTime, latestSessionStartTime));
    }

    @Override
    public KeyValueIterator<Windowed<K>, AGG> findSessions(K keyFrom, K keyTo, long earliestSessionEndTime,
                                                           long latestSessionStartTime) {
        state.check();
        return iterator(wrapped().findSessions(keyFrom == null ? null : keyBytes(keyFrom),
                keyTo == null ? null : keyBytes(keyTo), earliestSessionEndTime, latestSessionStartTime));
    }

    private KeyValueIterator<Windowed<K>, AGG> iterator(KeyValueIterator<Windowed<Bytes>, byte[]> inner) {
        return new MeteredIterator<>(inner, time, metrics.range,
                w -> new Windowed<>(keySerde.deserializer().deserialize(topic, w.key().get()), w.window()), this::agg);
    }

    @Override
    public void flush() {
        state.check();
        long start = time.nanoseconds();
        super.flush();
        metrics.flush.record(time.nanoseconds() - start);
    }

    @Override
    public void close() {
        if (!state.isOpen()) {
            return;
        }
        state.closed();
        try {
            super.close();
        } finally {
            metrics.remove();
        }
    }

    @Override
    public boolean isOpen() {
        return state.isOpen();
    }
}
