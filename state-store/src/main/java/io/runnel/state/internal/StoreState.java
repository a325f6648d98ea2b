package io.runnel.state.internal;

import io.runnel.state.InvalidStateStoreException;

/** Open/closed state of a store with the typed error for use after close. Thread-safe. */
public final class StoreState {
    private final String storeName;
    private volatile boolean open;

    public StoreState(String storeName) {
        this.storeName = storeName;
    }

    public void opened() {
        open = true;
    }

    public void closed() {
        open = false;
    }

    public boolean isOpen() {
        return open;
    }

    /** Throws {@link InvalidStateStoreException} unless the store is open. */
    public void check() {
        if (!open) {
            throw notOpen(storeName);
        }
    }

    public static InvalidStateStoreException notOpen(String storeName) {
        return new InvalidStateStoreException("Store " + storeName + " is currently closed");
    }
}
