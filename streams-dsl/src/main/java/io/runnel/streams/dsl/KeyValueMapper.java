package io.runnel.streams.dsl;

/** Maps a key and value to a new result (a key, a {@link io.runnel.state.KeyValue}, or an iterable of them). */
@FunctionalInterface
public interface KeyValueMapper<K, V, VR> {
    VR apply(K key, V value);
}
