package io.runnel.common;

/**
 * Turns bytes into a value. {@code null} maps to {@code null}. Throws
 * {@link SerializationException} for bytes it cannot read. Implementations are stateless or
 * thread-safe.
 */
@FunctionalInterface
public interface Deserializer<T> {

    T deserialize(String topic, byte[] data);
}
