package io.runnel.sql.internal.exec;

import io.runnel.sql.function.Struct;
import io.runnel.sql.internal.catalog.SqlType;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * CAST at run time, between the Java values of two SQL types (the analyzer has already checked
 * that the cast is allowed). A value that cannot be converted (e.g. {@code CAST('x' AS INT)})
 * fails the record with a message naming the value and the target type.
 */
public final class Casts {
    private static final DateTimeFormatter TIMESTAMP_TEXT = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS", Locale.ROOT);

    private Casts() {
    }

    public static Object cast(Object value, SqlType from, SqlType to) {
        if (value == null) {
            return null;
        }
        switch (to.baseType()) {
            case STRING:
                return toText(value);
            case BOOLEAN:
                if (value instanceof Boolean) {
                    return value;
                }
                String s = value.toString().trim();
                if (s.equalsIgnoreCase("true") || s.equalsIgnoreCase("false")) {
                    return Boolean.parseBoolean(s);
                }
                throw invalid(value, to);
            case INTEGER:
                return value instanceof String str ? (Object) Integer.valueOf(parse(str, to).intValue())
                        : (Object) Integer.valueOf(number(value).intValue());
            case BIGINT:
                return value instanceof String str ? (Object) Long.valueOf(parse(str, to).longValue())
                        : (Object) Long.valueOf(number(value).longValue());
            case DOUBLE:
                return value instanceof String str ? (Object) Double.valueOf(parse(str, to).doubleValue())
                        : (Object) Double.valueOf(number(value).doubleValue());
            case DECIMAL:
                return decimal(value, (SqlType.Decimal) to);
            case DATE:
                if (value instanceof Instant ts) {
                    return SqlOps.dateOf(ts);
                }
                return value instanceof String str ? LocalDate.parse(str.trim()) : value;
            case TIME:
                if (value instanceof Instant ts) {
                    return SqlOps.timeOf(ts);
                }
                return value instanceof String str ? LocalTime.parse(str.trim()) : value;
            case TIMESTAMP:
                if (value instanceof LocalDate d) {
                    return d.atStartOfDay().toInstant(ZoneOffset.UTC);
                }
                return value instanceof String str ? LocalDateTime.parse(str.trim()).toInstant(ZoneOffset.UTC) : value;
            case ARRAY: {
                SqlType fromElement = ((SqlType.Array) from).element();
                SqlType toElement = ((SqlType.Array) to).element();
                List<Object> out = new ArrayList<>();
                for (Object e : (List<?>) value) {
                    out.add(cast(e, fromElement, toElement));
                }
                return out;
            }
            case MAP: {
                SqlType.Map f = (SqlType.Map) from;
                SqlType.Map t = (SqlType.Map) to;
                Map<Object, Object> out = new LinkedHashMap<>();
                for (Map.Entry<?, ?> e : ((Map<?, ?>) value).entrySet()) {
                    out.put(cast(e.getKey(), f.key(), t.key()), cast(e.getValue(), f.value(), t.value()));
                }
                return out;
            }
            case STRUCT:
                return struct(value, from, (SqlType.Struct) to);
            default:
                return value;
        }
    }

    /**
     * A struct of the target's fields, in its order: each field cast from the source field of the
     * same name (case-insensitively), null when the source has none (STRUCT() into any struct).
     */
    private static Object struct(Object value, SqlType from, SqlType.Struct to) {
        if (!(value instanceof Struct s) || !(from instanceof SqlType.Struct source)) {
            return value;
        }
        List<String> names = new ArrayList<>();
        List<Object> values = new ArrayList<>();
        for (SqlType.Field f : to.fields()) {
            names.add(f.name());
            Object v = null;
            for (SqlType.Field sf : source.fields()) {
                if (sf.name().equalsIgnoreCase(f.name()) && s.has(sf.name())) {
                    v = cast(s.get(sf.name()), sf.type(), f.type());
                    break;
                }
            }
            values.add(v);
        }
        return Struct.of(names, values);
    }

    private static Number number(Object value) {
        if (value instanceof Number n) {
            return n;
        }
        throw new IllegalArgumentException("not a number: " + value);
    }

    private static BigDecimal parse(String s, SqlType to) {
        try {
            return new BigDecimal(s.trim());
        } catch (NumberFormatException e) {
            throw invalid(s, to);
        }
    }

    private static BigDecimal decimal(Object value, SqlType.Decimal to) {
        BigDecimal d = value instanceof String s ? parse(s, to) : value instanceof BigDecimal b ? b
                : value instanceof Double || value instanceof Float ? BigDecimal.valueOf(((Number) value).doubleValue())
                : BigDecimal.valueOf(number(value).longValue());
        BigDecimal scaled = d.setScale(to.scale(), RoundingMode.HALF_UP);
        if (scaled.precision() > to.precision() && scaled.signum() != 0 && scaled.precision() - scaled.scale() > to.precision() - to.scale()) {
            throw new IllegalArgumentException("Cannot fit decimal '" + d.toPlainString() + "' into " + to.sql());
        }
        return scaled;
    }

    /** The text of a value as ksqlDB prints it. */
    public static String toText(Object value) {
        if (value instanceof BigDecimal d) {
            return d.toPlainString();
        }
        if (value instanceof Instant ts) {
            return TIMESTAMP_TEXT.format(LocalDateTime.ofInstant(ts, ZoneOffset.UTC));
        }
        if (value instanceof Struct s) {
            StringBuilder sb = new StringBuilder("Struct{");
            boolean first = true;
            for (Map.Entry<String, Object> e : s.fields().entrySet()) {
                if (e.getValue() == null) {
                    continue;
                }
                sb.append(first ? "" : ",").append(e.getKey()).append('=').append(toText(e.getValue()));
                first = false;
            }
            return sb.append('}').toString();
        }
        return String.valueOf(value);
    }

    private static IllegalArgumentException invalid(Object value, SqlType to) {
        return new IllegalArgumentException("Cannot cast '" + value + "' to " + to.sql());
    }
}
