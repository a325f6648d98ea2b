package io.runnel.streams.serde;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.runnel.common.Deserializer;
import io.runnel.common.Serde;
import io.runnel.common.SerializationException;
import io.runnel.common.Serializer;
import java.io.IOException;
import java.util.Map;
import java.util.Objects;

/**
 * JSON serdes (Jackson) for records, POJOs and maps: UTF-8 JSON text, null as null (a tombstone).
 * Unknown properties are ignored when reading, so producers may add fields. Thread-safe.
 */
public final class JsonSerde<T> implements Serde<T> {
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private final Serializer<T> serializer;
    private final Deserializer<T> deserializer;

    private JsonSerde(JavaType type) {
        this.serializer = (topic, value) -> {
            if (value == null) {
                return null;
            }
            try {
                return MAPPER.writeValueAsBytes(value);
            } catch (JsonProcessingException e) {
                throw new SerializationException("cannot write " + value.getClass().getName() + " as JSON: "
                        + e.getOriginalMessage());
            }
        };
        this.deserializer = (topic, bytes) -> {
            if (bytes == null) {
                return null;
            }
            try {
                return MAPPER.readValue(bytes, type);
            } catch (IOException e) {
                throw new SerializationException("cannot read JSON as " + type + " from topic " + topic + ": " + e.getMessage());
            }
        };
    }

    /** A serde of a record or POJO class. */
    public static <T> JsonSerde<T> of(Class<T> type) {
        return new JsonSerde<>(MAPPER.constructType(Objects.requireNonNull(type, "type")));
    }

    /** A serde of a generic type, e.g. {@code new TypeReference<List<Order>>() {}}. */
    public static <T> JsonSerde<T> of(TypeReference<T> type) {
        return new JsonSerde<>(MAPPER.constructType(Objects.requireNonNull(type, "type")));
    }

    /** A serde of JSON objects as maps (nested objects as maps, arrays as lists). */
    public static JsonSerde<Map<String, Object>> map() {
        return of(new TypeReference<Map<String, Object>>() { });
    }

    @Override
    public Serializer<T> serializer() {
        return serializer;
    }

    @Override
    public Deserializer<T> deserializer() {
        return deserializer;
    }
}
