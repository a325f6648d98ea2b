package io.runnel.state;

/**
 * Implemented by built stores ({@link StoreBuilder#build()} results). A processor that writes
 * a store and forwards its result calls {@link #setFlushListener} in its init: when it returns
 * true the store is cached and forwards through the listener (the processor must not forward
 * itself); when false every write must be forwarded by the processor right away.
 */
public interface CachedStateStore<K, V> {

    /** Sets the listener and returns whether caching is on for this store. */
    boolean setFlushListener(CacheFlushListener<K, V> listener, boolean sendOldValues);
}
