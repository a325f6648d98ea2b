package io.runnel.sql.internal.function.builtin;

import io.runnel.sql.function.Udf;
import io.runnel.sql.function.UdfDescription;
import io.runnel.sql.function.UdfParameter;
import io.runnel.sql.function.UdfSchemaProvider;
import io.runnel.sql.internal.catalog.SqlType;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

/**
 * ksqlDB's rounding, sign and absolute-value functions (NULL in, NULL out). Rounding of halves
 * goes toward positive infinity, as {@link Math#round(double)} does ({@code ROUND(-2.5) = -2}).
 */
public final class MathFunctions {
    private MathFunctions() {
    }

    /** DECIMAL(p - s + 1, 0): an integral result of a DECIMAL(p, s) argument (one more digit for carries). */
    static SqlType integralDecimal(List<SqlType> params) {
        SqlType.Decimal d = (SqlType.Decimal) params.get(0);
        return new SqlType.Decimal(Math.max(1, Math.min(SqlType.Decimal.MAX_PRECISION, d.precision() - d.scale() + 1)), 0);
    }

    static BigDecimal roundHalfUp(BigDecimal value, int places) {
        return value.setScale(places, value.signum() >= 0 ? RoundingMode.HALF_UP : RoundingMode.HALF_DOWN);
    }

    @UdfDescription(name = "abs", category = "MATHEMATICAL", description = "The absolute value of a number.")
    public static final class Abs {
        @Udf
        public static Integer abs(@UdfParameter("val") Integer val) {
            return val == null ? null : Math.abs(val);
        }

        @Udf
        public static Long abs(@UdfParameter("val") Long val) {
            return val == null ? null : Math.abs(val);
        }

        @Udf
        public static Double abs(@UdfParameter("val") Double val) {
            return val == null ? null : Math.abs(val);
        }

        @Udf(schemaProvider = "sameType")
        public static BigDecimal abs(@UdfParameter("val") BigDecimal val) {
            return val == null ? null : val.abs();
        }

        @UdfSchemaProvider
        public static SqlType sameType(List<SqlType> params) {
            return params.get(0);
        }
    }

    @UdfDescription(name = "ceil", category = "MATHEMATICAL", description = "The smallest integral value not less than the argument.")
    public static final class Ceil {
        @Udf
        public static Integer ceil(@UdfParameter("val") Integer val) {
            return val;
        }

        @Udf
        public static Long ceil(@UdfParameter("val") Long val) {
            return val;
        }

        @Udf
        public static Double ceil(@UdfParameter("val") Double val) {
            return val == null ? null : Math.ceil(val);
        }

        @Udf(schemaProvider = "integral")
        public static BigDecimal ceil(@UdfParameter("val") BigDecimal val) {
            return val == null ? null : val.setScale(0, RoundingMode.CEILING);
        }

        @UdfSchemaProvider
        public static SqlType integral(List<SqlType> params) {
            return integralDecimal(params);
        }
    }

    @UdfDescription(name = "floor", category = "MATHEMATICAL", description = "The largest integral value not greater than the argument.")
    public static final class Floor {
        @Udf
        public static Integer floor(@UdfParameter("val") Integer val) {
            return val;
        }

        @Udf
        public static Long floor(@UdfParameter("val") Long val) {
            return val;
        }

        @Udf
        public static Double floor(@UdfParameter("val") Double val) {
            return val == null ? null : Math.floor(val);
        }

        @Udf(schemaProvider = "integral")
        public static BigDecimal floor(@UdfParameter("val") BigDecimal val) {
            return val == null ? null : val.setScale(0, RoundingMode.FLOOR);
        }

        @UdfSchemaProvider
        public static SqlType integral(List<SqlType> params) {
            return integralDecimal(params);
        }
    }

    @UdfDescription(name = "round", category = "MATHEMATICAL",
            description = "Rounds a number to the nearest integer, or to a number of decimal places (halves toward +infinity).")
    public static final class Round {
        @Udf
        public static Integer round(@UdfParameter("val") Integer val) {
            return val;
        }

        @Udf
        public static Long round(@UdfParameter("val") Long val) {
            return val;
        }

        @Udf
        public static Long round(@UdfParameter("val") Double val) {
            return val == null ? null : Math.round(val);
        }

        @Udf
        public static Double round(@UdfParameter("val") Double val, @UdfParameter("decimalPlaces") Integer decimalPlaces) {
            if (val == null || decimalPlaces == null) return null;
            if (val.isNaN() || val.isInfinite()) return val;
            return roundHalfUp(BigDecimal.valueOf(val), decimalPlaces).doubleValue();
        }

        @Udf(schemaProvider = "integral")
        public static BigDecimal round(@UdfParameter("val") BigDecimal val) {
            return val == null ? null : roundHalfUp(val, 0);
        }

        @Udf(schemaProvider = "withPlaces")
        public static BigDecimal round(@UdfParameter("val") BigDecimal val, @UdfParameter("decimalPlaces") Integer decimalPlaces) {
            if (val == null || decimalPlaces == null) return null;
            return roundHalfUp(val, decimalPlaces).setScale(val.scale(), RoundingMode.UNNECESSARY);
        }

        @UdfSchemaProvider
        public static SqlType integral(List<SqlType> params) {
            return integralDecimal(params);
        }

        /** DECIMAL(p + 1, s): same scale (digits dropped by rounding become zeros), one more digit for carries. */
        @UdfSchemaProvider
        public static SqlType withPlaces(List<SqlType> params) {
            SqlType.Decimal d = (SqlType.Decimal) params.get(0);
            return new SqlType.Decimal(Math.min(SqlType.Decimal.MAX_PRECISION, d.precision() + 1), d.scale());
        }
    }

    @UdfDescription(name = "sign", category = "MATHEMATICAL", description = "The sign of a number: -1, 0 or 1.")
    public static final class Sign {
        @Udf
        public static Integer sign(@UdfParameter("value") Integer value) {
            return value == null ? null : Integer.signum(value);
        }

        @Udf
        public static Integer sign(@UdfParameter("value") Long value) {
            return value == null ? null : Long.signum(value);
        }

        @Udf
        public static Integer sign(@UdfParameter("value") Double value) {
            return value == null ? null : (int) Math.signum(value);
        }

        @Udf
        public static Integer sign(@UdfParameter("value") BigDecimal value) {
            return value == null ? null : value.signum();
        }
    }

    @UdfDescription(name = "trunc", category = "MATHEMATICAL", description = "Truncates a number toward zero, optionally to decimal places.")
    public static final class Trunc {
        @Udf
        public static Long trunc(@UdfParameter("val") Double val) {
            return val == null ? null : (long) (double) val;
        }

        @Udf
        public static Double trunc(@UdfParameter("val") Double val, @UdfParameter("decimalPlaces") Integer decimalPlaces) {
            if (val == null || decimalPlaces == null) return null;
            if (val.isNaN() || val.isInfinite()) return val;
            return BigDecimal.valueOf(val).setScale(decimalPlaces, RoundingMode.DOWN).doubleValue();
        }

        @Udf(schemaProvider = "integral")
        public static BigDecimal trunc(@UdfParameter("val") BigDecimal val) {
            return val == null ? null : val.setScale(0, RoundingMode.DOWN);
        }

        @UdfSchemaProvider
        public static SqlType integral(List<SqlType> params) {
            return integralDecimal(params);
        }
    }
}
