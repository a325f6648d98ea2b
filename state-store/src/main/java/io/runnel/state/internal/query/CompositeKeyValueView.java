package io.runnel.state.internal.query;

import io.runnel.common.Serializer;
import io.runnel.state.KeyValue;
import io.runnel.state.KeyValueIterator;
import io.runnel.state.KeyValueStore;
import io.runnel.state.ReadOnlyKeyValueStore;
import io.runnel.state.StateStore;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;

/** A read-only key-value view over every task's instance of a store (values unwrapped from timestamps when asked). */
public final class CompositeKeyValueView<K, V> implements ReadOnlyKeyValueStore<K, V> {
    private final List<StateStore> instances;
    private final String storeName;
    private final boolean unwrap;

    public CompositeKeyValueView(List<StateStore> instances, String storeName, boolean unwrap) {
        this.instances = List.copyOf(instances);
        this.storeName = storeName;
        this.unwrap = unwrap;
    }

    @SuppressWarnings("unchecked")
    private List<KeyValueStore<K, Object>> stores() {
        Views.checkOpen(instances, storeName);
        List<KeyValueStore<K, Object>> out = new ArrayList<>();
        for (StateStore s : instances) {
            out.add((KeyValueStore<K, Object>) s);
        }
        return out;
    }

    @Override
    public V get(K key) {
        for (KeyValueStore<K, Object> s : stores()) {
            Object v = s.get(key);
            if (v != null) {
                return Views.plain(v, unwrap);
            }
        }
        return null;
    }

    private KeyValueIterator<K, V> each(Function<KeyValueStore<K, Object>, KeyValueIterator<K, Object>> open) {
        List<Supplier<KeyValueIterator<K, Object>>> opens = new ArrayList<>();
        for (KeyValueStore<K, Object> s : stores()) {
            opens.add(() -> open.apply(s));
        }
        return Views.concat(opens, kv -> new KeyValue<>(kv.key(), Views.plain(kv.value(), unwrap)));
    }

    @Override
    public KeyValueIterator<K, V> range(K from, K to) {
        return each(s -> s.range(from, to));
    }

    @Override
    public KeyValueIterator<K, V> reverseRange(K from, K to) {
        return each(s -> s.reverseRange(from, to));
    }

    @Override
    public KeyValueIterator<K, V> all() {
        return each(KeyValueStore::all);
    }

    @Override
    public KeyValueIterator<K, V> reverseAll() {
        return each(KeyValueStore::reverseAll);
    }

    @Override
    public <P> KeyValueIterator<K, V> prefixScan(P prefix, Serializer<P> prefixKeySerializer) {
        return each(s -> s.prefixScan(prefix, prefixKeySerializer));
    }

    @Override
    public long approximateNumEntries() {
        long total = 0;
        for (KeyValueStore<K, Object> s : stores()) {
            total += s.approximateNumEntries();
            if (total < 0) {
                return Long.MAX_VALUE;
            }
        }
        return total;
    }
}
