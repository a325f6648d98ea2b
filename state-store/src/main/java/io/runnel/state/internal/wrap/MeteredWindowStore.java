package io.runnel.state.internal.wrap;

import io.runnel.common.Serde;
import io.runnel.common.Time;
import io.runnel.state.Bytes;
import io.runnel.state.CacheFlushListener;
import io.runnel.state.CachedStateStore;
import io.runnel.state.KeyValue;
import io.runnel.state.KeyValueIterator;
import io.runnel.state.StateStore;
import io.runnel.state.StateStoreContext;
import io.runnel.state.WindowStore;
import io.runnel.state.WindowStoreIterator;
import io.runnel.state.Windowed;
import io.runnel.state.internal.StoreState;
import java.util.Objects;

/** The outermost layer of a window store: serdes and latency metrics (see {@link MeteredKeyValueStore}). */
public class MeteredWindowStore<K, V> extends WrappedStateStore<WindowStore<Bytes, byte[]>>
        implements WindowStore<K, V>, CachedStateStore<Windowed<K>, V> {
    private final String metricsScope;
    private final Serde<K> keySerde;
    private final Serde<V> valueSerde;
    private final StoreState state;
    private String topic;
    private Time time;
    private StoreMetrics metrics;

    public MeteredWindowStore(WindowStore<Bytes, byte[]> inner, String metricsScope, Serde<K> keySerde, Serde<V> valueSerde) {
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
    public boolean setFlushListener(CacheFlushListener<Windowed<K>, V> listener, boolean sendOldValues) {
        CachingWindowStore cached = find(wrapped(), CachingWindowStore.class);
        if (cached == null) {
            return false;
        }
        return cached.setFlushListener((key, newValue, oldValue, timestamp) -> listener.apply(
                new Windowed<>(key(key.key()), key.window()), value(newValue), value(oldValue), timestamp), sendOldValues);
    }

    private Bytes keyBytes(K key) {
        Objects.requireNonNull(key, "key cannot be null");
        return Bytes.wrap(keySerde.serializer().serialize(topic, key));
    }

    private V value(byte[] bytes) {
        return bytes == null ? null : valueSerde.deserializer().deserialize(topic, bytes);
    }

    private K key(Bytes bytes) {
        return keySerde.deserializer().deserialize(topic, bytes.get());
    }

    @Override
    public void put(K key, V value, long windowStartTime) {
        state.check();
        long start = time.nanoseconds();
        wrapped().put(keyBytes(key), value == null ? null : valueSerde.serializer().serialize(topic, value), windowStartTime);
        metrics.put.record(time.nanoseconds() - start);
    }

    @Override
    public V fetch(K key, long windowStartTime) {
        state.check();
        long start = time.nanoseconds();
        V v = value(wrapped().fetch(keyBytes(key), windowStartTime));
        metrics.get.record(time.nanoseconds() - start);
        return v;
    }

    @Override
    public WindowStoreIterator<V> fetch(K key, long timeFrom, long timeTo) {
        state.check();
        return windowIterator(wrapped().fetch(keyBytes(key), timeFrom, timeTo));
    }

    @Override
    public WindowStoreIterator<V> backwardFetch(K key, long timeFrom, long timeTo) {
        state.check();
        return windowIterator(wrapped().backwardFetch(keyBytes(key), timeFrom, timeTo));
    }

    private WindowStoreIterator<V> windowIterator(WindowStoreIterator<byte[]> inner) {
        MeteredIterator<Long, byte[], Long, V> it = new MeteredIterator<>(inner, time, metrics.range, k -> k, this::value);
        return new WindowStoreIterator<>() {
            @Override
            public Long peekNextKey() {
                return it.peekNextKey();
            }

            @Override
            public void close() {
                it.close();
            }

            @Override
            public boolean hasNext() {
                return it.hasNext();
            }

            @Override
            public KeyValue<Long, V> next() {
                return it.next();
            }
        };
    }

    @Override
    public KeyValueIterator<Windowed<K>, V> fetch(K keyFrom, K keyTo, long timeFrom, long timeTo) {
        state.check();
        return windowedIterator(wrapped().fetch(keyFrom == null ? null : keyBytes(keyFrom),
                keyTo == null ? null : keyBytes(keyTo), timeFrom, timeTo));
    }

    @Override
    public KeyValueIterator<Windowed<K>, V> fetchAll(long timeFrom, long timeTo) {
        state.check();
        return windowedIterator(wrapped().fetchAll(timeFrom, timeTo));
    }

    @Override
    public KeyValueIterator<Windowed<K>, V> all() {
        state.check();
        return windowedIterator(wrapped().all());
    }

    private KeyValueIterator<Windowed<K>, V> windowedIterator(KeyValueIterator<Windowed<Bytes>, byte[]> inner) {
        return new MeteredIterator<>(inner, time, metrics.range, w -> new Windowed<>(key(w.key()), w.window()), this::value);
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
