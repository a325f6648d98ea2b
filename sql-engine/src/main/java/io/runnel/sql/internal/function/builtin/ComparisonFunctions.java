package io.runnel.sql.internal.function.builtin;

import io.runnel.sql.function.Udf;
import io.runnel.sql.function.UdfDescription;
import io.runnel.sql.function.UdfParameter;
import io.runnel.sql.function.UdfSchemaProvider;
import io.runnel.sql.internal.catalog.SqlType;
import io.runnel.sql.internal.function.ImplicitCasts;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Comparator;
import java.util.List;

/**
 * GREATEST and LEAST: NULL arguments are ignored; NULL only when all are NULL. Mixed numeric
 * types need a common overload without ambiguity (ksqlDB: {@code GREATEST(INT, BIGINT)} is
 * ambiguous; with a DOUBLE among them all widen to DOUBLE). DECIMALs of different scales are
 * compared by value; the result type is the widest of them.
 */
public final class ComparisonFunctions {
    private ComparisonFunctions() {
    }

    @SafeVarargs
    static <T> T pick(Comparator<? super T> order, boolean greatest, T first, T... rest) {
        T best = first;
        if (rest != null) {
            for (T v : rest) {
                if (v == null) continue;
                if (best == null || (greatest ? order.compare(v, best) > 0 : order.compare(v, best) < 0)) best = v;
            }
        }
        return best;
    }

    /** The widest of the DECIMAL argument types. */
    static SqlType widestDecimal(List<SqlType> params) {
        SqlType widest = null;
        for (SqlType t : params) {
            // A NULL argument has no type of its own (the matcher reports it as STRING): it does not widen.
            if (t == null || !t.baseType().isNumber()) continue;
            widest = widest == null ? t : ImplicitCasts.common(widest, t);
        }
        return widest == null ? new SqlType.Decimal(1, 0) : widest;
    }

    static BigDecimal decimal(BigDecimal value, SqlType.Decimal type) {
        return value == null ? null : value.setScale(type.scale(), java.math.RoundingMode.UNNECESSARY);
    }

    @UdfDescription(name = "greatest", category = "COMPARISON", description = "The greatest of the arguments, ignoring NULLs.")
    public static final class Greatest {
        @Udf
        public static Integer greatest(@UdfParameter("val") Integer val, @UdfParameter("vals") Integer... vals) {
            return pick(Comparator.naturalOrder(), true, val, vals);
        }

        @Udf
        public static Long greatest(@UdfParameter("val") Long val, @UdfParameter("vals") Long... vals) {
            return pick(Comparator.naturalOrder(), true, val, vals);
        }

        @Udf
        public static Double greatest(@UdfParameter("val") Double val, @UdfParameter("vals") Double... vals) {
            return pick(Comparator.naturalOrder(), true, val, vals);
        }

        @Udf(schemaProvider = "widest")
        public static BigDecimal greatest(@UdfParameter("val") BigDecimal val, @UdfParameter("vals") BigDecimal... vals) {
            return pick(Comparator.naturalOrder(), true, val, vals);
        }

        @Udf
        public static String greatest(@UdfParameter("val") String val, @UdfParameter("vals") String... vals) {
            return pick(Comparator.naturalOrder(), true, val, vals);
        }

        @Udf
        public static ByteBuffer greatest(@UdfParameter("val") ByteBuffer val, @UdfParameter("vals") ByteBuffer... vals) {
            return pick(Comparator.naturalOrder(), true, val, vals);
        }

        @Udf
        public static LocalDate greatest(@UdfParameter("val") LocalDate val, @UdfParameter("vals") LocalDate... vals) {
            return pick(Comparator.naturalOrder(), true, val, vals);
        }

        @Udf
        public static LocalTime greatest(@UdfParameter("val") LocalTime val, @UdfParameter("vals") LocalTime... vals) {
            return pick(Comparator.naturalOrder(), true, val, vals);
        }

        @Udf
        public static Instant greatest(@UdfParameter("val") Instant val, @UdfParameter("vals") Instant... vals) {
            return pick(Comparator.naturalOrder(), true, val, vals);
        }

        @UdfSchemaProvider
        public static SqlType widest(List<SqlType> params) {
            return widestDecimal(params);
        }
    }

    @UdfDescription(name = "least", category = "COMPARISON", description = "The least of the arguments, ignoring NULLs.")
    public static final class Least {
        @Udf
        public static Integer least(@UdfParameter("val") Integer val, @UdfParameter("vals") Integer... vals) {
            return pick(Comparator.naturalOrder(), false, val, vals);
        }

        @Udf
        public static Long least(@UdfParameter("val") Long val, @UdfParameter("vals") Long... vals) {
            return pick(Comparator.naturalOrder(), false, val, vals);
        }

        @Udf
        public static Double least(@UdfParameter("val") Double val, @UdfParameter("vals") Double... vals) {
            return pick(Comparator.naturalOrder(), false, val, vals);
        }

        @Udf(schemaProvider = "widest")
        public static BigDecimal least(@UdfParameter("val") BigDecimal val, @UdfParameter("vals") BigDecimal... vals) {
            return pick(Comparator.naturalOrder(), false, val, vals);
        }

        @Udf
        public static String least(@UdfParameter("val") String val, @UdfParameter("vals") String... vals) {
            return pick(Comparator.naturalOrder(), false, val, vals);
        }

        @Udf
        public static ByteBuffer least(@UdfParameter("val") ByteBuffer val, @UdfParameter("vals") ByteBuffer... vals) {
            return pick(Comparator.naturalOrder(), false, val, vals);
        }

        @Udf
        public static LocalDate least(@UdfParameter("val") LocalDate val, @UdfParameter("vals") LocalDate... vals) {
            return pick(Comparator.naturalOrder(), false, val, vals);
        }

        @Udf
        public static LocalTime least(@UdfParameter("val") LocalTime val, @UdfParameter("vals") LocalTime... vals) {
            return pick(Comparator.naturalOrder(), false, val, vals);
        }

        @Udf
        public static Instant least(@UdfParameter("val") Instant val, @UdfParameter("vals") Instant... vals) {
            return pick(Comparator.naturalOrder(), false, val, vals);
        }

        @UdfSchemaProvider
        public static SqlType widest(List<SqlType> params) {
            return widestDecimal(params);
        }
    }
}
