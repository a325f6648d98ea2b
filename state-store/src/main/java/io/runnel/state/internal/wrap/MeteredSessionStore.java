package io.runnel.state.internal.wrap;

import io.runnel.common.Serde;
import io.runnel.state.Bytes;
import io.runnel.state.CacheFlushListener;
import io.runnel.state.CachedStateStore;
import io.runnel.state.KeyValueIterator;
import io.runnel.state.SessionStore;
import io.runnel.state.Windowed;

/** The outermost layer of a session store: serdes and latency metrics (see {@link MeteredStore}). */
public final class MeteredSessionStore<K, AGG> extends MeteredStore<SessionStore<Bytes, byte[]>, K, AGG>
        implements SessionStore<K, AGG>, CachedStateStore<Windowed<K>, AGG> {

    public MeteredSessionStore(SessionStore<Bytes, byte[]> inner, String metricsScope, Serde<K> keySerde, Serde<AGG> aggSerde) {
        super(inner, metricsScope, keySerde, aggSerde);
    }

    @Override
    public boolean setFlushListener(CacheFlushListener<Windowed<K>, AGG> listener, boolean sendOldValues) {
        return forwardCacheFlushes(listener, sendOldValues, this::windowed);
    }

    @Override
    public void put(Windowed<K> sessionKey, AGG aggregate) {
        measured(metrics().put, () -> wrapped().put(windowedBytes(sessionKey), valueBytes(aggregate)));
    }

    @Override
    public void remove(Windowed<K> sessionKey) {
        measured(metrics().delete, () -> wrapped().remove(windowedBytes(sessionKey)));
    }

    @Override
    public AGG fetchSession(K key, long sessionStartTime, long sessionEndTime) {
        return measured(metrics().get, () -> value(wrapped().fetchSession(keyBytes(key), sessionStartTime, sessionEndTime)));
    }

    @Override
    public KeyValueIterator<Windowed<K>, AGG> fetch(K key) {
        checkOpen();
        return iterator(wrapped().fetch(keyBytes(key)), this::windowed);
    }

    @Override
    public KeyValueIterator<Windowed<K>, AGG> fetch(K keyFrom, K keyTo) {
        checkOpen();
        return iterator(wrapped().fetch(boundBytes(keyFrom), boundBytes(keyTo)), this::windowed);
    }

    @Override
    public KeyValueIterator<Windowed<K>, AGG> findSessions(K key, long earliestSessionEndTime, long latestSessionStartTime) {
        checkOpen();
        return iterator(wrapped().findSessions(keyBytes(key), earliestSessionEndTime, latestSessionStartTime), this::windowed);
    }

    @Override
    public KeyValueIterator<Windowed<K>, AGG> findSessions(K keyFrom, K keyTo, long earliestSessionEndTime,
                                                           long latestSessionStartTime) {
        checkOpen();
        return iterator(wrapped().findSessions(boundBytes(keyFrom), boundBytes(keyTo), earliestSessionEndTime,
                latestSessionStartTime), this::windowed);
    }
}
