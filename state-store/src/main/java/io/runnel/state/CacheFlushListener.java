package io.runnel.state;

/**
 * Told by a caching store when a dirty entry leaves the cache (on flush/commit or on eviction):
 * the processor that owns the store forwards the record downstream from here.
 * {@code oldValue} is the value the store held before this cache entry, given only when the
 * listener was set with {@code sendOldValues}.
 */
@FunctionalInterface
public interface CacheFlushListener<K, V> {

    void apply(K key, V newValue, V oldValue, long timestamp);
}
