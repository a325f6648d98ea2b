package io.runnel.sql.internal.function;

import io.runnel.sql.internal.catalog.SqlBaseType;
import io.runnel.sql.internal.catalog.SqlType;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.OptionalInt;

/**
 * ksqlDB's implicit widening of function arguments: INT → BIGINT → DECIMAL → DOUBLE, each step
 * costing 1 (so an exact overload always wins, then the one needing the fewest steps). INT widens
 * to DECIMAL(10, 0), BIGINT to DECIMAL(19, 0). Nothing else converts implicitly.
 */
public final class ImplicitCasts {

    private ImplicitCasts() {
    }

    /** The number of widening steps from {@code from} to {@code to}: 0 if equal, empty if not allowed. */
    public static OptionalInt cost(SqlType from, SqlType to) {
        if (from.equals(to)) return OptionalInt.of(0);
        int a = rank(from.baseType());
        int b = rank(to.baseType());
        if (a < 0 || b < 0 || a > b) return OptionalInt.empty();
        if (a == b) {
            // two decimals: only to one that holds every value of the other
            if (from instanceof SqlType.Decimal f && to instanceof SqlType.Decimal t
                    && t.scale() >= f.scale() && t.precision() - t.scale() >= f.precision() - f.scale()) {
                return OptionalInt.of(1);
            }
            return OptionalInt.empty();
        }
        if (to instanceof SqlType.Decimal t) {
            SqlType.Decimal needed = asDecimal(from);
            if (t.scale() < needed.scale() || t.precision() - t.scale() < needed.precision() - needed.scale()) {
                return OptionalInt.empty();
            }
        }
        return OptionalInt.of(b - a);
    }

    /** The DECIMAL an INT, BIGINT or DECIMAL widens to. */
    public static SqlType.Decimal asDecimal(SqlType type) {
        return switch (type.baseType()) {
            case INTEGER -> new SqlType.Decimal(10, 0);
            case BIGINT -> new SqlType.Decimal(19, 0);
            case DECIMAL -> (SqlType.Decimal) type;
            default -> throw new IllegalArgumentException("not widenable to DECIMAL: " + type.sql());
        };
    }

    /** The narrowest type both widen to, or null when there is none. */
    public static SqlType common(SqlType a, SqlType b) {
        if (a.equals(b)) return a;
        if (a instanceof SqlType.Decimal x && b instanceof SqlType.Decimal y) {
            int scale = Math.max(x.scale(), y.scale());
            int integral = Math.max(x.precision() - x.scale(), y.precision() - y.scale());
            return new SqlType.Decimal(Math.min(SqlType.Decimal.MAX_PRECISION, integral + scale), scale);
        }
        if (cost(a, b).isPresent()) return b;
        if (cost(b, a).isPresent()) return a;
        int ra = rank(a.baseType());
        int rb = rank(b.baseType());
        if (ra >= 0 && rb >= 0 && (ra == 2 || rb == 2) && Math.max(ra, rb) == 2) {
            return common(ra == 2 ? a : asDecimal(a), rb == 2 ? b : asDecimal(b));
        }
        return null;
    }

    /** Converts a value of type {@code from} to type {@code to} (a widening that {@link #cost} allows). */
    public static Object convert(Object value, SqlType from, SqlType to) {
        if (value == null || from == null || from.equals(to)) return value;
        if (to instanceof SqlType.Array ta && from instanceof SqlType.Array fa) {
            java.util.List<Object> out = new java.util.ArrayList<>();
            for (Object e : (java.util.List<?>) value) out.add(convert(e, fa.element(), ta.element()));
            return out;
        }
        if (to instanceof SqlType.Map tm && from instanceof SqlType.Map fm) {
            java.util.Map<Object, Object> out = new java.util.LinkedHashMap<>();
            for (java.util.Map.Entry<?, ?> e : ((java.util.Map<?, ?>) value).entrySet()) {
                out.put(convert(e.getKey(), fm.key(), tm.key()), convert(e.getValue(), fm.value(), tm.value()));
            }
            return out;
        }
        if (value instanceof String text && from.equals(SqlType.STRING)) {
            return switch (to.baseType()) {
                case DATE -> java.time.LocalDate.parse(text.trim());
                case TIME -> java.time.LocalTime.parse(text.trim());
                case TIMESTAMP -> parseTimestamp(text.trim());
                default -> value;
            };
        }
        return switch (to.baseType()) {
            case BIGINT -> ((Number) value).longValue();
            case DOUBLE -> ((Number) value).doubleValue();
            case DECIMAL -> {
                SqlType.Decimal d = (SqlType.Decimal) to;
                BigDecimal big = value instanceof BigDecimal b ? b : BigDecimal.valueOf(((Number) value).longValue());
                yield big.setScale(d.scale(), RoundingMode.UNNECESSARY);
            }
            default -> value;
        };
    }

    /** An ISO timestamp, zone-less ones read as UTC; a bare date is its midnight. */
    private static java.time.Instant parseTimestamp(String text) {
        if (text.length() == 10) return java.time.LocalDate.parse(text).atStartOfDay(java.time.ZoneOffset.UTC).toInstant();
        java.time.temporal.TemporalAccessor t = java.time.format.DateTimeFormatter.ISO_DATE_TIME.parse(text);
        java.time.LocalDateTime local = java.time.LocalDateTime.from(t);
        java.time.ZoneId zone = t.query(java.time.temporal.TemporalQueries.zone());
        return local.atZone(zone == null ? java.time.ZoneOffset.UTC : zone).toInstant();
    }

    private static int rank(SqlBaseType type) {
        return switch (type) {
            case INTEGER -> 0;
            case BIGINT -> 1;
            case DECIMAL -> 2;
            case DOUBLE -> 3;
            default -> -1;
        };
    }
}
