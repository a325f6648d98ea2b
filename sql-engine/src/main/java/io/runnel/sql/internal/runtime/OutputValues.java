package io.runnel.sql.internal.runtime;

import io.runnel.sql.function.Struct;
import io.runnel.sql.internal.exec.Casts;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Engine values as the public API hands them out (JSON-friendly, as ksqlDB's REST API renders
 * them): STRUCT and MAP as maps, BYTES as base64, DATE / TIME / TIMESTAMP as ksqlDB's text.
 */
final class OutputValues {
    private OutputValues() {
    }

    static Object of(Object value) {
        if (value == null || value instanceof String || value instanceof Number || value instanceof Boolean) {
            return value;
        }
        if (value instanceof Instant || value instanceof LocalDate || value instanceof LocalTime) {
            return Casts.toText(value);
        }
        if (value instanceof ByteBuffer b) {
            ByteBuffer copy = b.duplicate();
            byte[] bytes = new byte[copy.remaining()];
            copy.get(bytes);
            return Base64.getEncoder().encodeToString(bytes);
        }
        if (value instanceof Struct s) {
            Map<String, Object> out = new LinkedHashMap<>();
            s.fields().forEach((k, v) -> out.put(k, of(v)));
            return out;
        }
        if (value instanceof Map<?, ?> m) {
            Map<String, Object> out = new LinkedHashMap<>();
            m.forEach((k, v) -> out.put(String.valueOf(of(k)), of(v)));
            return out;
        }
        if (value instanceof List<?> l) {
            List<Object> out = new ArrayList<>(l.size());
            for (Object o : l) {
                out.add(of(o));
            }
            return out;
        }
        return value.toString();
    }

    static List<Object> row(Object[] values) {
        List<Object> out = new ArrayList<>(values.length);
        for (Object v : values) {
            out.add(of(v));
        }
        return out;
    }
}
