package io.runnel.common;

/**
 * Turns a value into bytes. {@code null} maps to {@code null} (a tombstone when it is a value).
 * Implementations are stateless or thread-safe.
 */
@FunctionalInterface
public interface Serializer<T> {

    byte[] serialize(String topic, T data);
}
