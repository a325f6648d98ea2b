package io.runnel.state.internal.wrap;

import io.runnel.common.Serde;
import io.runnel.common.Serializer;
import io.runnel.state.Bytes;
import io.runnel.state.CacheFlushListener;
import io.runnel.state.CachedStateStore;
import io.runnel.state.KeyValue;
import io.runnel.state.KeyValueIterator;
import io.runnel.state.KeyValueStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** The outermost layer of a key-value store: serdes and latency metrics (see {@link MeteredStore}). */
public class MeteredKeyValueStore<K, V> extends MeteredStore<KeyValueStore<Bytes, byte[]>, K, V>
        implements KeyValueStore<K, V>, CachedStateStore<K, V> {

    public MeteredKeyValueStore(KeyValueStore<Bytes, byte[]> inner, String metricsScope, Serde<K> keySerde,
                                Serde<V> valueSerde) {
        super(inner, metricsScope, keySerde, valueSerde);
    }

    @Override
    public boolean setFlushListener(CacheFlushListener<K, V> listener, boolean sendOldValues) {
        return forwardCacheFlushes(listener, sendOldValues, this::key);
    }

    @Override
    public V get(K key) {
        return measured(metrics().get, () -> value(wrapped().get(keyBytes(key))));
    }

    @Override
    public void put(K key, V value) {
        measured(metrics().put, () -> wrapped().put(keyBytes(key), valueBytes(value)));
    }

    @Override
    public V putIfAbsent(K key, V value) {
        return measured(metrics().put, () -> value(wrapped().putIfAbsent(keyBytes(key), valueBytes(value))));
    }

    @Override
    public void putAll(List<KeyValue<K, V>> entries) {
        measured(metrics().put, () -> {
            List<KeyValue<Bytes, byte[]>> bytes = new ArrayList<>(entries.size());
            for (KeyValue<K, V> e : entries) {
                bytes.add(new KeyValue<>(keyBytes(e.key()), valueBytes(e.value())));
            }
            wrapped().putAll(bytes);
        });
    }

    @Override
    public V delete(K key) {
        return measured(metrics().delete, () -> value(wrapped().delete(keyBytes(key))));
    }

    @Override
    public KeyValueIterator<K, V> range(K from, K to) {
        checkOpen();
        return iterator(wrapped().range(boundBytes(from), boundBytes(to)), this::key);
    }

    @Override
    public KeyValueIterator<K, V> reverseRange(K from, K to) {
        checkOpen();
        return iterator(wrapped().reverseRange(boundBytes(from), boundBytes(to)), this::key);
    }

    @Override
    public KeyValueIterator<K, V> all() {
        checkOpen();
        return iterator(wrapped().all(), this::key);
    }

    @Override
    public KeyValueIterator<K, V> reverseAll() {
        checkOpen();
        return iterator(wrapped().reverseAll(), this::key);
    }

    @Override
    public <P> KeyValueIterator<K, V> prefixScan(P prefix, Serializer<P> prefixKeySerializer) {
        checkOpen();
        Objects.requireNonNull(prefix, "prefix cannot be null");
        Objects.requireNonNull(prefixKeySerializer, "prefixKeySerializer cannot be null");
        Serializer<P> withTopic = (t, p) -> prefixKeySerializer.serialize(topic(), p);
        return iterator(wrapped().prefixScan(prefix, withTopic), this::key);
    }

    @Override
    public long approximateNumEntries() {
        checkOpen();
        return wrapped().approximateNumEntries();
    }
}
