package io.runnel.server.internal.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.runnel.server.api.KsqlErrorMessage;

/** The one JSON configuration of the server and its client. */
public final class Json {

    private Json() {
    }

    /**
     * A mapper that ignores unknown fields (newer servers and ksqlDB send more than we read) and
     * reads floating-point numbers as BigDecimal-free doubles (as ksqlDB's JSON does).
     */
    public static ObjectMapper newMapper() {
        return JsonMapper.builder()
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .build();
    }

    /**
     * An error body with its {@code "@type"}, also where the declared type would not carry it
     * (inside a map, for instance).
     */
    public static byte[] writeError(ObjectMapper mapper, KsqlErrorMessage error) {
        try {
            return mapper.writerFor(KsqlErrorMessage.class).writeValueAsBytes(error);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot write error as JSON", e);
        }
    }

    /** {@code value} as JSON bytes; the values we write are always serializable. */
    public static byte[] write(ObjectMapper mapper, Object value) {
        try {
            return mapper.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot write as JSON: " + value.getClass().getName(), e);
        }
    }
}
