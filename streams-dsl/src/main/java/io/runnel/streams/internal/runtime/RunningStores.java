package io.runnel.streams.internal.runtime;

import io.runnel.state.InvalidStateStoreException;
import io.runnel.state.QueryableStoreType;
import io.runnel.state.QueryableStores;
import io.runnel.state.StateStore;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The store instances of a runtime's running tasks, for interactive queries: a task's stores are
 * registered once they are restored (before the task processes a record) and unregistered before
 * they close. A view is handed out only when every expected instance of the store (one per task
 * of its sub-topology) is registered, so a query never reads part of a store while tasks are
 * still being created or restored. Thread-safe: stream threads register, query threads read.
 */
public final class RunningStores {
    private final QueryableStores views = new QueryableStores();
    private final Map<String, Integer> registered = new ConcurrentHashMap<>();

    public void register(StateStore store) {
        views.register(store);
        registered.merge(store.name(), 1, Integer::sum);
    }

    public void unregister(StateStore store) {
        views.unregister(store);
        registered.computeIfPresent(store.name(), (n, count) -> count <= 1 ? null : count - 1);
    }

    /** Instances of the store registered now. */
    public int instances(String storeName) {
        return registered.getOrDefault(storeName, 0);
    }

    /**
     * A read-only view over the store's instances.
     *
     * @throws InvalidStateStoreException when fewer than {@code expected} instances are registered
     *                                    (tasks not created or still restoring), or the type does not fit
     */
    public <T> T store(String storeName, QueryableStoreType<T> type, int expected) {
        Objects.requireNonNull(storeName, "storeName");
        int now = instances(storeName);
        if (now < expected) {
            throw new InvalidStateStoreException("State store " + storeName + " is not queryable yet: " + now + " of "
                    + expected + " task instances are running (tasks are starting or restoring); retry");
        }
        return views.store(storeName, type);
    }
}
