package io.runnel.state.internal.query;

import io.runnel.state.KeyValue;
import io.runnel.state.KeyValueIterator;
import io.runnel.state.ReadOnlyWindowStore;
import io.runnel.state.StateStore;
import io.runnel.state.WindowStore;
import io.runnel.state.WindowStoreIterator;
import io.runnel.state.Windowed;
import io.runnel.state.internal.EmptyIterator;
import io.runnel.state.internal.WindowIterators;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;

/** A read-only window view over every task's instance of a store. */
public final class CompositeWindowView<K, V> implements ReadOnlyWindowStore<K, V> {
    private final List<StateStore> instances;
    private final String storeName;
    private final boolean unwrap;

    public CompositeWindowView(List<StateStore> instances, String storeName, boolean unwrap) {
        this.instances = List.copyOf(instances);
        this.storeName = storeName;
        this.unwrap = unwrap;
    }

    @SuppressWarnings("unchecked")
    private List<WindowStore<K, Object>> stores() {
        Views.checkOpen(instances, storeName);
        List<WindowStore<K, Object>> out = new ArrayList<>();
        for (StateStore s : instances) {
            out.add((WindowStore<K, Object>) s);
        }
        return out;
    }

    @Override
    public V fetch(K key, long windowStartTime) {
        for (WindowStore<K, Object> s : stores()) {
            Object v = s.fetch(key, windowStartTime);
            if (v != null) {
                return Views.plain(v, unwrap);
            }
        }
        return null;
    }

    @Override
    public WindowStoreIterator<V> fetch(K key, long timeFrom, long timeTo) {
        return firstNonEmpty(s -> s.fetch(key, timeFrom, timeTo));
    }

    @Override
    public WindowStoreIterator<V> backwardFetch(K key, long timeFrom, long timeTo) {
        return firstNonEmpty(s -> s.backwardFetch(key, timeFrom, timeTo));
    }

    private WindowStoreIterator<V> firstNonEmpty(Function<WindowStore<K, Object>, WindowStoreIterator<Object>> open) {
        for (WindowStore<K, Object> s : stores()) {
            WindowStoreIterator<Object> it = open.apply(s);
            if (it.hasNext()) {
                return WindowIterators.mapped(it, v -> Views.plain(v, unwrap));
            }
            it.close();
        }
        return EmptyIterator.window();
    }

    private KeyValueIterator<Windowed<K>, V> each(Function<WindowStore<K, Object>, KeyValueIterator<Windowed<K>, Object>> open) {
        List<Supplier<KeyValueIterator<Windowed<K>, Object>>> opens = new ArrayList<>();
        for (WindowStore<K, Object> s : stores()) {
            opens.add(() -> open.apply(s));
        }
        return Views.concat(opens, kv -> new KeyValue<>(kv.key(), Views.plain(kv.value(), unwrap)));
    }

    @Override
    public KeyValueIterator<Windowed<K>, V> fetch(K keyFrom, K keyTo, long timeFrom, long timeTo) {
        return each(s -> s.fetch(keyFrom, keyTo, timeFrom, timeTo));
    }

    @Override
    public KeyValueIterator<Windowed<K>, V> fetchAll(long timeFrom, long timeTo) {
        return each(s -> s.fetchAll(timeFrom, timeTo));
    }

    @Override
    public KeyValueIterator<Windowed<K>, V> all() {
        return each(WindowStore::all);
    }
}
