package io.runnel.state.internal.wrap;

import io.runnel.common.Serde;
import io.runnel.common.Serializer;
import io.runnel.common.Time;
import io.runnel.state.Bytes;
import io.runnel.state.CacheFlushListener;
import io.runnel.state.CachedStateStore;
import io.runnel.state.KeyValue;
import io.runnel.state.KeyValueIterator;
import io.runnel.state.KeyValueStore;
import io.runnel.state.StateStore;
import io.runnel.state.StateStoreContext;
import io.runnel.state.internal.StoreState;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The outermost layer of a key-value store: turns typed keys and values into bytes with the
 * store's serdes (topic = the changelog topic name, as Kafka Streams) and records operation
 * latencies in {@link StoreMetrics}. Null keys are rejected. Threading: as the inner store.
 */
public class MeteredKeyValueStore<K, V> extends WrappedStateStore<KeyValueStore<Bytes, byte[]>>
        implements KeyValueStore<K, V>, CachedStateStore<K, V> {
    private final String metricsScope;
    private final Serde<K> keySerde;
    private final Serde<V> valueSerde;
    private final StoreState state;
    private String topic;
    private Time time;
    private StoreMetrics metrics;

    public MeteredKeyValueStore(KeyValueStore<Bytes, byte[]> inner, String metricsScope, Serde<K> keySerde,
                                Serde<V> valueSerde) {
        super(inner);
        this.metricsScope = metricsScope;
        this.keySerde = Objects.requireNonNull(keySerde, "keySerde");
        this.valueSerde = Objects.requireNonNull(valueSerde, "valueSerde");
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
    public boolean setFlushListener(CacheFlushListener<K, V> listener, boolean sendOldValues) {
        @SuppressWarnings("unchecked")
        CachedStateStore<Bytes, byte[]> cached = find(wrapped(), CachedStateStore.class);
        if (cached == null) {
            return false;
        }
        return cached.setFlushListener((key, newValue, oldValue, timestamp) -> listener.apply(
                keySerde.deserializer().deserialize(topic, key.get()),
                valueSerde.deserializer().deserialize(topic, newValue),
                valueSerde.deserializer().deserialize(topic, oldValue),
                timestamp), sendOldValues);
    }

    protected Bytes keyBytes(K key) {
        Objects.requireNonNull(key, "key cannot be null");
        return Bytes.wrap(keySerde.serializer().serialize(topic, key));
    }

    protected byte[] valueBytes(V value) {
        return value == null ? null : valueSerde.serializer().serialize(topic, value);
    }

    protected V value(byte[] bytes) {
        return bytes == null ? null : valueSerde.deserializer().deserialize(topic, bytes);
    }

    @Override
    public V get(K key) {
        state.check();
        long start = time.nanoseconds();
        V v = value(wrapped().get(keyBytes(key)));
        metrics.get.record(time.nanoseconds() - start);
        return v;
    }

    @Override
    public void put(K key, V value) {
        state.check();
        long start = time.nanoseconds();
        wrapped().put(keyBytes(key), valueBytes(value));
        metrics.put.record(time.nanoseconds() - start);
    }

    @Override
    public V putIfAbsent(K key, V value) {
        state.check();
        long start = time.nanoseconds();
        V v = value(wrapped().putIfAbsent(keyBytes(key), valueBytes(value)));
        metrics.put.record(time.nanoseconds() - start);
        return v;
    }

    @Override
    public void putAll(List<KeyValue<K, V>> entries) {
        state.check();
        long start = time.nanoseconds();
        List<KeyValue<Bytes, byte[]>> bytes = new ArrayList<>(entries.size());
        for (KeyValue<K, V> e : entries) {
            bytes.add(new KeyValue<>(keyBytes(e.key()), valueBytes(e.value())));
        }
        wrapped().putAll(bytes);
        metrics.put.record(time.nanoseconds() - start);
    }

    @Override
    public V delete(K key) {
        state.check();
        long start = time.nanoseconds();
        V v = value(wrapped().delete(keyBytes(key)));
        metrics.delete.record(time.nanoseconds() - start);
        return v;
    }

    @Override
    public KeyValueIterator<K, V> range(K from, K to) {
        state.check();
        return iterator(wrapped().range(from == null ? null : keyBytes(from), to == null ? null : keyBytes(to)));
    }

    @Override
    public KeyValueIterator<K, V> reverseRange(K from, K to) {
        state.check();
        return iterator(wrapped().reverseRange(from == null ? null : keyBytes(from), to == null ? null : keyBytes(to)));
    }

    @Override
    public KeyValueIterator<K, V> all() {
        state.check();
        return iterator(wrapped().all());
    }

    @Override
    public KeyValueIterator<K, V> reverseAll() {
        state.check();
        return iterator(wrapped().reverseAll());
    }

    @Override
    public <P> KeyValueIterator<K, V> prefixScan(P prefix, Serializer<P> prefixKeySerializer) {
        state.check();
        Objects.requireNonNull(prefix, "prefix cannot be null");
        Objects.requireNonNull(prefixKeySerializer, "prefixKeySerializer cannot be null");
        Serializer<P> withTopic = (t, p) -> prefixKeySerializer.serialize(topic, p);
        return iterator(wrapped().prefixScan(prefix, withTopic));
    }

    private KeyValueIterator<K, V> iterator(KeyValueIterator<Bytes, byte[]> inner) {
        return new MeteredIterator<>(inner, time, metrics.range,
                b -> keySerde.deserializer().deserialize(topic, b.get()), this::value);
    }

    @Override
    public long approximateNumEntries() {
        state.check();
        return wrapped().approximateNumEntries();
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
