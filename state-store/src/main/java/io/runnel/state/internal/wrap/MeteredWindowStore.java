package io.runnel.state.internal.wrap;

import io.runnel.common.Serde;
import io.runnel.state.Bytes;
import io.runnel.state.CacheFlushListener;
import io.runnel.state.CachedStateStore;
import io.runnel.state.KeyValueIterator;
import io.runnel.state.WindowStore;
import io.runnel.state.WindowStoreIterator;
import io.runnel.state.Windowed;
import io.runnel.state.internal.WindowIterators;

/** The outermost layer of a window store: serdes and latency metrics (see {@link MeteredStore}). */
public class MeteredWindowStore<K, V> extends MeteredStore<WindowStore<Bytes, byte[]>, K, V>
        implements WindowStore<K, V>, CachedStateStore<Windowed<K>, V> {

    public MeteredWindowStore(WindowStore<Bytes, byte[]> inner, String metricsScope, Serde<K> keySerde, Serde<V> valueSerde) {
        super(inner, metricsScope, keySerde, valueSerde);
    }

    @Override
    public boolean setFlushListener(CacheFlushListener<Windowed<K>, V> listener, boolean sendOldValues) {
        return forwardCacheFlushes(listener, sendOldValues, this::windowed);
    }

    @Override
    public void put(K key, V value, long windowStartTime) {
        measured(metrics().put, () -> wrapped().put(keyBytes(key), valueBytes(value), windowStartTime));
    }

    @Override
    public V fetch(K key, long windowStartTime) {
        return measured(metrics().get, () -> value(wrapped().fetch(keyBytes(key), windowStartTime)));
    }

    @Override
    public WindowStoreIterator<V> fetch(K key, long timeFrom, long timeTo) {
        checkOpen();
        return windowIterator(wrapped().fetch(keyBytes(key), timeFrom, timeTo));
    }

    @Override
    public WindowStoreIterator<V> backwardFetch(K key, long timeFrom, long timeTo) {
        checkOpen();
        return windowIterator(wrapped().backwardFetch(keyBytes(key), timeFrom, timeTo));
    }

    private WindowStoreIterator<V> windowIterator(WindowStoreIterator<byte[]> inner) {
        return WindowIterators.of(iterator(inner, start -> start));
    }

    @Override
    public KeyValueIterator<Windowed<K>, V> fetch(K keyFrom, K keyTo, long timeFrom, long timeTo) {
        checkOpen();
        return iterator(wrapped().fetch(boundBytes(keyFrom), boundBytes(keyTo), timeFrom, timeTo), this::windowed);
    }

    @Override
    public KeyValueIterator<Windowed<K>, V> fetchAll(long timeFrom, long timeTo) {
        checkOpen();
        return iterator(wrapped().fetchAll(timeFrom, timeTo), this::windowed);
    }

    @Override
    public KeyValueIterator<Windowed<K>, V> all() {
        checkOpen();
        return iterator(wrapped().all(), this::windowed);
    }
}
