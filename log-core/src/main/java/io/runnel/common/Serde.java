package io.runnel.common;

import java.util.Objects;

/** A serializer and deserializer for one type. */
public interface Serde<T> {

    Serializer<T> serializer();

    Deserializer<T> deserializer();

    static <T> Serde<T> of(Serializer<T> serializer, Deserializer<T> deserializer) {
        Objects.requireNonNull(serializer, "serializer");
        Objects.requireNonNull(deserializer, "deserializer");
        return new Serde<>() {
            @Override
            public Serializer<T> serializer() {
                return serializer;
            }

            @Override
            public Deserializer<T> deserializer() {
                return deserializer;
            }
        };
    }
}
