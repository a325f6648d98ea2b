package io.runnel.server.internal.http;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The queries started through this server whose responses are still open, by query id, so that
 * {@code /close-query} and shutdown can close them. Thread-safe.
 */
final class ActiveQueries {

    /** A query with an open response. */
    interface ActiveQuery {
        String queryId();

        /** Stops the query and ends its response. */
        void close();
    }

    private final Map<String, ActiveQuery> byId = new ConcurrentHashMap<>();
    private boolean closing;

    /**
     * Registers a query (just before its header is written); once {@link #closeAll} has begun,
     * closes it instead: a query starts on a worker thread, so shutdown must also catch the ones
     * that register after it looked.
     */
    void add(ActiveQuery query) {
        synchronized (this) {
            if (!closing) {
                byId.put(query.queryId(), query);
                return;
            }
        }
        query.close();
    }

    void remove(ActiveQuery query) {
        byId.remove(query.queryId(), query);
    }

    /** Closes and forgets a query; false if there is none with that id. */
    boolean close(String queryId) {
        ActiveQuery query = byId.remove(queryId);
        if (query == null) {
            return false;
        }
        query.close();
        return true;
    }

    void closeAll() {
        synchronized (this) {
            closing = true;
        }
        for (ActiveQuery query : new ArrayList<>(byId.values())) {
            close(query.queryId());
        }
    }

    List<String> ids() {
        return List.copyOf(byId.keySet());
    }
}
