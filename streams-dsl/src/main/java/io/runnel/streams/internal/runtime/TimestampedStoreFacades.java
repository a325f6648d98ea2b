package io.runnel.streams.internal.runtime;

import io.runnel.common.Serializer;
import io.runnel.state.KeyValue;
import io.runnel.state.KeyValueIterator;
import io.runnel.state.KeyValueStore;
import io.runnel.state.StateStore;
import io.runnel.state.StateStoreContext;
import io.runnel.state.TimestampedKeyValueStore;
import io.runnel.state.TimestampedWindowStore;
import io.runnel.state.ValueAndTimestamp;
import io.runnel.state.WindowStore;
import io.runnel.state.WindowStoreIterator;
import io.runnel.state.Windowed;
import java.util.List;

/**
 * Plain-value views of timestamped stores, for tests and interactive queries: reads unwrap
 * {@link ValueAndTimestamp}; writes stamp values with timestamp 0 (key-value) or the window start
 * (window). Meant for reading, as Kafka's test driver's facades are.
 */
public final class TimestampedStoreFacades {

    private TimestampedStoreFacades() {
    }

    public static <K, V> KeyValueStore<K, V> keyValue(TimestampedKeyValueStore<K, V> inner) {
        return new KeyValueFacade<>(inner);
    }

    public static <K, V> WindowStore<K, V> window(TimestampedWindowStore<K, V> inner) {
        return new WindowFacade<>(inner);
    }

    /** An iterator that maps values. */
    static final class MappedIterator<K, V> implements KeyValueIterator<K, V> {
        private final KeyValueIterator<K, ValueAndTimestamp<V>> inner;

        MappedIterator(KeyValueIterator<K, ValueAndTimestamp<V>> inner) {
            this.inner = inner;
        }

        @Override
        public K peekNextKey() {
            return inner.peekNextKey();
        }

        @Override
        public void close() {
            inner.close();
        }

        @Override
        public boolean hasNext() {
            return inner.hasNext();
        }

        @Override
        public KeyValue<K, V> next() {
            KeyValue<K, ValueAndTimestamp<V>> kv = inner.next();
            return new KeyValue<>(kv.key(), ValueAndTimestamp.getValueOrNull(kv.value()));
        }
    }

    static final class MappedWindowIterator<V> implements WindowStoreIterator<V> {
        private final WindowStoreIterator<ValueAndTimestamp<V>> inner;

        MappedWindowIterator(WindowStoreIterator<ValueAndTimestamp<V>> inner) {
            this.inner = inner;
        }

        @Override
        public Long peekNextKey() {
            return inner.peekNextKey();
        }

        @Override
        public void close() {
            inner.close();
        }

        @Override
        public boolean hasNext() {
            return inner.hasNext();
        }

        @Override
        public KeyValue<Long, V> next() {
            KeyValue<Long, ValueAndTimestamp<V>> kv = inner.next();
            return new KeyValue<>(kv.key(), ValueAndTimestamp.getValueOrNull(kv.value()));
        }
    }

    private abstract static class Delegating implements StateStore {
        private final StateStore inner;

        Delegating(StateStore inner) {
            this.inner = inner;
        }

        @Override
        public String name() {
            return inner.name();
        }

        @Override
        public void init(StateStoreContext context, StateStore root) {
            throw new UnsupportedOperationException("a facade is not initialized");
        }

        @Override
        public void flush() {
            inner.flush();
        }

        @Override
        public void close() {
            inner.close();
        }

        @Override
        public boolean persistent() {
            return inner.persistent();
        }

        @Override
        public boolean isOpen() {
            return inner.isOpen();
        }
    }

    private static final class KeyValueFacade<K, V> extends Delegating implements KeyValueStore<K, V> {
        private final TimestampedKeyValueStore<K, V> inner;

        KeyValueFacade(TimestampedKeyValueStore<K, V> inner) {
            super(inner);
            this.inner = inner;
        }

        @Override
        public V get(K key) {
            return ValueAndTimestamp.getValueOrNull(inner.get(key));
        }

        @Override
        public KeyValueIterator<K, V> range(K from, K to) {
            return new MappedIterator<>(inner.range(from, to));
        }

        @Override
        public KeyValueIterator<K, V> reverseRange(K from, K to) {
            return new MappedIterator<>(inner.reverseRange(from, to));
        }

        @Override
        public KeyValueIterator<K, V> all() {
            return new MappedIterator<>(inner.all());
        }

        @Override
        public KeyValueIterator<K, V> reverseAll() {
            return new MappedIterator<>(inner.reverseAll());
        }

        @Override
        public <P> KeyValueIterator<K, V> prefixScan(P prefix, Serializer<P> prefixKeySerializer) {
            return new MappedIterator<>(inner.prefixScan(prefix, prefixKeySerializer));
        }

        @Override
        public long approximateNumEntries() {
            return inner.approximateNumEntries();
        }

        @Override
        public void put(K key, V value) {
            inner.put(key, ValueAndTimestamp.make(value, 0L));
        }

        @Override
        public V putIfAbsent(K key, V value) {
            return ValueAndTimestamp.getValueOrNull(inner.putIfAbsent(key, ValueAndTimestamp.make(value, 0L)));
        }

        @Override
        public void putAll(List<KeyValue<K, V>> entries) {
            for (KeyValue<K, V> kv : entries) {
                put(kv.key(), kv.value());
            }
        }

        @Override
        public V delete(K key) {
            return ValueAndTimestamp.getValueOrNull(inner.delete(key));
        }
    }

    private static final class WindowFacade<K, V> extends Delegating implements WindowStore<K, V> {
        private final TimestampedWindowStore<K, V> inner;

        WindowFacade(TimestampedWindowStore<K, V> inner) {
            super(inner);
            this.inner = inner;
        }

        @Override
        public void put(K key, V value, long windowStartTime) {
            inner.put(key, ValueAndTimestamp.make(value, windowStartTime), windowStartTime);
        }

        @Override
        public V fetch(K key, long windowStartTime) {
            return ValueAndTimestamp.getValueOrNull(inner.fetch(key, windowStartTime));
        }

        @Override
        public WindowStoreIterator<V> fetch(K key, long timeFrom, long timeTo) {
            return new MappedWindowIterator<>(inner.fetch(key, timeFrom, timeTo));
        }

        @Override
        public KeyValueIterator<Windowed<K>, V> fetch(K keyFrom, K keyTo, long timeFrom, long timeTo) {
            return new MappedIterator<>(inner.fetch(keyFrom, keyTo, timeFrom, timeTo));
        }

        @Override
        public KeyValueIterator<Windowed<K>, V> fetchAll(long timeFrom, long timeTo) {
            return new MappedIterator<>(inner.fetchAll(timeFrom, timeTo));
        }

        @Override
        public KeyValueIterator<Windowed<K>, V> all() {
            return new MappedIterator<>(inner.all());
        }

        @Override
        public WindowStoreIterator<V> backwardFetch(K key, long timeFrom, long timeTo) {
            return new MappedWindowIterator<>(inner.backwardFetch(key, timeFrom, timeTo));
        }
    }
}
