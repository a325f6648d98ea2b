package io.runnel.streams.dsl;

/** Maps a value to a new value, reading the (unchangeable) key. */
@FunctionalInterface
public interface ValueMapperWithKey<K, V, VR> {
    VR apply(K readOnlyKey, V value);
}
