package io.runnel.state;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The stores of a running application by name, for interactive queries. The runtime registers
 * each task's store instances when a task starts running (after restore) and unregisters them
 * when it closes; queries get read-only views with {@link #store(String, QueryableStoreType)}.
 * A view keeps the instances that were registered when it was made: a query on a closed instance
 * throws {@link InvalidStateStoreException} (ask for a new view and retry). Thread-safe.
 */
public final class QueryableStores {
    private final Map<String, List<StateStore>> byName = new ConcurrentHashMap<>();

    public void register(StateStore store) {
        Objects.requireNonNull(store, "store");
        byName.computeIfAbsent(store.name(), n -> new CopyOnWriteArrayList<>()).add(store);
    }

    public void unregister(StateStore store) {
        List<StateStore> list = byName.get(store.name());
        if (list != null) {
            list.remove(store);
        }
    }

    /**
     * A read-only view of the named store. Throws {@link InvalidStateStoreException} when no
     * instance is registered under that name (unknown, or not running yet) or the store is not of
     * the requested type.
     */
    public <T> T store(String storeName, QueryableStoreType<T> type) {
        Objects.requireNonNull(storeName, "storeName");
        Objects.requireNonNull(type, "type");
        List<StateStore> instances = new ArrayList<>(byName.getOrDefault(storeName, List.of()));
        if (instances.isEmpty()) {
            throw new InvalidStateStoreException("Cannot get state store " + storeName
                    + ": it is unknown or not running (yet); known stores: " + byName.keySet());
        }
        for (StateStore s : instances) {
            if (!type.accepts(s)) {
                throw new InvalidStateStoreException("Cannot get state store " + storeName
                        + " because the queryable store type does not accept the store " + s.getClass().getSimpleName());
            }
        }
        return type.create(instances, storeName);
    }
}
