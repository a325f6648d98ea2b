package io.runnel.state.internal.query;

import io.runnel.state.KeyValueIterator;
import io.runnel.state.ReadOnlySessionStore;
import io.runnel.state.SessionStore;
import io.runnel.state.StateStore;
import io.runnel.state.Windowed;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;

/** A read-only session view over every task's instance of a store. */
public final class CompositeSessionView<K, V> implements ReadOnlySessionStore<K, V> {
    private final List<StateStore> instances;
    private final String storeName;

    public CompositeSessionView(List<StateStore> instances, String storeName) {
        this.instances = List.copyOf(instances);
        this.storeName = storeName;
    }

    @SuppressWarnings("unchecked")
    private List<SessionStore<K, V>> stores() {
        Views.checkOpen(instances, storeName);
        List<SessionStore<K, V>> out = new ArrayList<>();
        for (StateStore s : instances) {
            out.add((SessionStore<K, V>) s);
        }
        return out;
    }

    private KeyValueIterator<Windowed<K>, V> each(Function<SessionStore<K, V>, KeyValueIterator<Windowed<K>, V>> open) {
        List<Supplier<KeyValueIterator<Windowed<K>, V>>> opens = new ArrayList<>();
        for (SessionStore<K, V> s : stores()) {
            opens.add(() -> open.apply(s));
        }
        return Views.concat(opens, kv -> kv);
    }

    @Override
    public KeyValueIterator<Windowed<K>, V> fetch(K key) {
        return each(s -> s.fetch(key));
    }

    @Override
    public KeyValueIterator<Windowed<K>, V> fetch(K keyFrom, K keyTo) {
        return each(s -> s.fetch(keyFrom, keyTo));
    }

    @Override
    public KeyValueIterator<Windowed<K>, V> findSessions(K key, long earliestSessionEndTime, long latestSessionStartTime) {
        return each(s -> s.findSessions(key, earliestSessionEndTime, latestSessionStartTime));
    }

    @Override
    public KeyValueIterator<Windowed<K>, V> findSessions(K keyFrom, K keyTo, long earliestSessionEndTime,
                                                         long latestSessionStartTime) {
        return each(s -> s.findSessions(keyFrom, keyTo, earliestSessionEndTime, latestSessionStartTime));
    }

    @Override
    public V fetchSession(K key, long sessionStartTime, long sessionEndTime) {
        for (SessionStore<K, V> s : stores()) {
            V v = s.fetchSession(key, sessionStartTime, sessionEndTime);
            if (v != null) {
                return v;
            }
        }
        return null;
    }
}
