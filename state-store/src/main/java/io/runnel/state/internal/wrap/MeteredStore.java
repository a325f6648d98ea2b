package io.runnel.state.internal.wrap;

import io.runnel.common.Serde;
import io.runnel.common.Time;
import io.runnel.common.metrics.Histogram;
import io.runnel.state.Bytes;
import io.runnel.state.CacheFlushListener;
import io.runnel.state.CachedStateStore;
import io.runnel.state.KeyValueIterator;
import io.runnel.state.StateStore;
import io.runnel.state.StateStoreContext;
import io.runnel.state.Windowed;
import io.runnel.state.internal.StoreState;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * What the outermost layers of key-value, window and session stores share: typed keys and values
 * turned into bytes with the store's serdes (topic = the changelog topic name, as Kafka Streams),
 * operation latencies recorded in {@link StoreMetrics} (restores through a
 * {@link MeteredRestoreCallback}), null keys rejected, and the open/closed state checked on every
 * call. Subclasses add one method per operation of their store type, each a call of
 * {@link #measured} around the inner byte store. Threading: as the inner store.
 *
 * @param <S> the inner byte store
 * @param <K> the key type
 * @param <V> the value (or aggregate) type
 */
public abstract class MeteredStore<S extends StateStore, K, V> extends WrappedStateStore<S> {
    private final String metricsScope;
    private final Serde<K> keySerde;
    private final Serde<V> valueSerde;
    private final StoreState state;
    private String topic;
    private Time time;
    private StoreMetrics metrics;

    protected MeteredStore(S inner, String metricsScope, Serde<K> keySerde, Serde<V> valueSerde) {
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

    /** The changelog topic name the serdes are called with. */
    protected final String topic() {
        return topic;
    }

    protected final StoreMetrics metrics() {
        return metrics;
    }

    /** Throws {@link io.runnel.state.InvalidStateStoreException} when the store is closed. */
    protected final void checkOpen() {
        state.check();
    }

    /** Checks the store is open, runs {@code op} and records its latency in {@code latency}. */
    protected final <T> T measured(Histogram latency, Supplier<T> op) {
        state.check();
        long start = time.nanoseconds();
        T result = op.get();
        latency.record(time.nanoseconds() - start);
        return result;
    }

    protected final void measured(Histogram latency, Runnable op) {
        measured(latency, () -> {
            op.run();
            return null;
        });
    }

    protected final Bytes keyBytes(K key) {
        Objects.requireNonNull(key, "key cannot be null");
        return Bytes.wrap(keySerde.serializer().serialize(topic, key));
    }

    /** A range bound: null (open) stays null. */
    protected final Bytes boundBytes(K key) {
        return key == null ? null : keyBytes(key);
    }

    protected final byte[] valueBytes(V value) {
        return value == null ? null : valueSerde.serializer().serialize(topic, value);
    }

    protected final K key(Bytes bytes) {
        return keySerde.deserializer().deserialize(topic, bytes.get());
    }

    protected final V value(byte[] bytes) {
        return bytes == null ? null : valueSerde.deserializer().deserialize(topic, bytes);
    }

    protected final Windowed<K> windowed(Windowed<Bytes> bytes) {
        return new Windowed<>(key(bytes.key()), bytes.window());
    }

    protected final Windowed<Bytes> windowedBytes(Windowed<K> key) {
        Objects.requireNonNull(key, "key cannot be null");
        return new Windowed<>(keyBytes(key.key()), key.window());
    }

    /** The inner iterator's entries deserialized, its lifetime recorded as range latency. */
    protected final <KB, KT> KeyValueIterator<KT, V> iterator(KeyValueIterator<KB, byte[]> inner, Function<KB, KT> key) {
        return new MeteredIterator<>(inner, time, metrics.range, key, this::value);
    }

    /**
     * Forwards the cache flushes of the caching layer below, deserialized, to {@code listener};
     * false (caching is off) when there is no caching layer.
     */
    protected final <KB, KT> boolean forwardCacheFlushes(CacheFlushListener<KT, V> listener, boolean sendOldValues,
                                                         Function<KB, KT> key) {
        @SuppressWarnings("unchecked")
        CachedStateStore<KB, byte[]> cached = find(wrapped(), CachedStateStore.class);
        if (cached == null) {
            return false;
        }
        return cached.setFlushListener((k, newValue, oldValue, timestamp) -> listener.apply(
                key.apply(k), value(newValue), value(oldValue), timestamp), sendOldValues);
    }

    @Override
    public void flush() {
        measured(metrics.flush, super::flush);
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
