package io.runnel.sql.internal.function.builtin;

import io.runnel.sql.function.Udf;
import io.runnel.sql.function.UdfDescription;
import io.runnel.sql.function.UdfParameter;
import java.util.concurrent.ThreadLocalRandom;

/**
 * ksqlDB's functions over DOUBLE (INT, BIGINT and DECIMAL arguments widen to DOUBLE): roots,
 * logarithms, powers and trigonometry. NULL in, NULL out.
 */
public final class DoubleMathFunctions {
    private DoubleMathFunctions() {
    }

    @UdfDescription(name = "sqrt", category = "MATHEMATICAL", description = "The square root of a value.")
    public static final class Sqrt {
        @Udf
        public static Double sqrt(@UdfParameter("value") Double value) {
            return value == null ? null : Math.sqrt(value);
        }
    }

    @UdfDescription(name = "cbrt", category = "MATHEMATICAL", description = "The cube root of a value.")
    public static final class Cbrt {
        @Udf
        public static Double cbrt(@UdfParameter("value") Double value) {
            return value == null ? null : Math.cbrt(value);
        }
    }

    @UdfDescription(name = "exp", category = "MATHEMATICAL", description = "e raised to the power of a value.")
    public static final class Exp {
        @Udf
        public static Double exp(@UdfParameter("exponent") Double exponent) {
            return exponent == null ? null : Math.exp(exponent);
        }
    }

    @UdfDescription(name = "ln", category = "MATHEMATICAL", description = "The natural logarithm of a value.")
    public static final class Ln {
        @Udf
        public static Double ln(@UdfParameter("value") Double value) {
            return value == null ? null : Math.log(value);
        }
    }

    @UdfDescription(name = "log", category = "MATHEMATICAL", description = "The natural logarithm of a value, or its logarithm to a base.")
    public static final class Log {
        @Udf
        public static Double log(@UdfParameter("value") Double value) {
            return value == null ? null : Math.log(value);
        }

        @Udf
        public static Double log(@UdfParameter("base") Double base, @UdfParameter("value") Double value) {
            if (base == null || value == null) return null;
            if (base <= 0 || base == 1.0 || value <= 0) return Double.NaN;
            return Math.log(value) / Math.log(base);
        }
    }

    @UdfDescription(name = "power", category = "MATHEMATICAL", description = "A base raised to the power of an exponent.")
    public static final class Power {
        @Udf
        public static Double power(@UdfParameter("base") Double base, @UdfParameter("exponent") Double exponent) {
            return base == null || exponent == null ? null : Math.pow(base, exponent);
        }
    }

    @UdfDescription(name = "random", category = "MATHEMATICAL", description = "A random DOUBLE in [0, 1).")
    public static final class Random {
        @Udf
        public static Double random() {
            return ThreadLocalRandom.current().nextDouble();
        }
    }

    @UdfDescription(name = "pi", category = "MATHEMATICAL", description = "The value of pi.")
    public static final class Pi {
        @Udf
        public static Double pi() {
            return Math.PI;
        }
    }

    @UdfDescription(name = "degrees", category = "MATHEMATICAL", description = "Converts radians to degrees.")
    public static final class Degrees {
        @Udf
        public static Double degrees(@UdfParameter("value") Double value) {
            return value == null ? null : Math.toDegrees(value);
        }
    }

    @UdfDescription(name = "radians", category = "MATHEMATICAL", description = "Converts degrees to radians.")
    public static final class Radians {
        @Udf
        public static Double radians(@UdfParameter("value") Double value) {
            return value == null ? null : Math.toRadians(value);
        }
    }

    @UdfDescription(name = "sin", category = "MATHEMATICAL", description = "The sine of an angle in radians.")
    public static final class Sin {
        @Udf
        public static Double sin(@UdfParameter("value") Double value) {
            return value == null ? null : Math.sin(value);
        }
    }

    @UdfDescription(name = "cos", category = "MATHEMATICAL", description = "The cosine of an angle in radians.")
    public static final class Cos {
        @Udf
        public static Double cos(@UdfParameter("value") Double value) {
            return value == null ? null : Math.cos(value);
        }
    }

    @UdfDescription(name = "tan", category = "MATHEMATICAL", description = "The tangent of an angle in radians.")
    public static final class Tan {
        @Udf
        public static Double tan(@UdfParameter("value") Double value) {
            return value == null ? null : Math.tan(value);
        }
    }

    @UdfDescription(name = "cot", category = "MATHEMATICAL", description = "The cotangent of an angle in radians.")
    public static final class Cot {
        @Udf
        public static Double cot(@UdfParameter("value") Double value) {
            return value == null ? null : 1.0 / Math.tan(value);
        }
    }

    @UdfDescription(name = "asin", category = "MATHEMATICAL", description = "The inverse sine, in radians.")
    public static final class Asin {
        @Udf
        public static Double asin(@UdfParameter("value") Double value) {
            return value == null ? null : Math.asin(value);
        }
    }

    @UdfDescription(name = "acos", category = "MATHEMATICAL", description = "The inverse cosine, in radians.")
    public static final class Acos {
        @Udf
        public static Double acos(@UdfParameter("value") Double value) {
            return value == null ? null : Math.acos(value);
        }
    }

    @UdfDescription(name = "atan", category = "MATHEMATICAL", description = "The inverse tangent, in radians.")
    public static final class Atan {
        @Udf
        public static Double atan(@UdfParameter("value") Double value) {
            return value == null ? null : Math.atan(value);
        }
    }

    @UdfDescription(name = "atan2", category = "MATHEMATICAL", description = "The angle of the point (x, y), in radians.")
    public static final class Atan2 {
        @Udf
        public static Double atan2(@UdfParameter("y") Double y, @UdfParameter("x") Double x) {
            return y == null || x == null ? null : Math.atan2(y, x);
        }
    }

    @UdfDescription(name = "sinh", category = "MATHEMATICAL", description = "The hyperbolic sine.")
    public static final class Sinh {
        @Udf
        public static Double sinh(@UdfParameter("value") Double value) {
            return value == null ? null : Math.sinh(value);
        }
    }

    @UdfDescription(name = "cosh", category = "MATHEMATICAL", description = "The hyperbolic cosine.")
    public static final class Cosh {
        @Udf
        public static Double cosh(@UdfParameter("value") Double value) {
            return value == null ? null : Math.cosh(value);
        }
    }

    @UdfDescription(name = "tanh", category = "MATHEMATICAL", description = "The hyperbolic tangent.")
    public static final class Tanh {
        @Udf
        public static Double tanh(@UdfParameter("value") Double value) {
            return value == null ? null : Math.tanh(value);
        }
    }

    @UdfDescription(name = "geo_distance", category = "MATHEMATICAL", description = "The great-circle distance between two "
            + "latitude/longitude points (haversine, earth radius 6371 km), in KM (default) or MI.")
    public static final class GeoDistance {
        private static final double EARTH_RADIUS_KM = 6371;
        private static final double EARTH_RADIUS_MILES = 3959;

        @Udf
        public static Double geoDistance(@UdfParameter("lat1") Double lat1, @UdfParameter("lon1") Double lon1,
                                         @UdfParameter("lat2") Double lat2, @UdfParameter("lon2") Double lon2) {
            return geoDistance(lat1, lon1, lat2, lon2, "KM");
        }

        @Udf
        public static Double geoDistance(@UdfParameter("lat1") Double lat1, @UdfParameter("lon1") Double lon1,
                                         @UdfParameter("lat2") Double lat2, @UdfParameter("lon2") Double lon2,
                                         @UdfParameter("units") String units) {
            if (lat1 == null || lon1 == null || lat2 == null || lon2 == null) return null;
            double radius = units == null ? EARTH_RADIUS_KM : switch (units.toLowerCase(java.util.Locale.ROOT)) {
                case "mi", "mile", "miles" -> EARTH_RADIUS_MILES;
                case "km", "kilometer", "kilometers", "kilometre", "kilometres" -> EARTH_RADIUS_KM;
                default -> throw new IllegalArgumentException("GEO_DISTANCE units must be KM or MI: " + units);
            };
            if (Math.abs(lat1) > 90 || Math.abs(lat2) > 90 || Math.abs(lon1) > 180 || Math.abs(lon2) > 180) {
                throw new IllegalArgumentException("GEO_DISTANCE latitudes must be within [-90, 90], longitudes within [-180, 180]");
            }
            double dLat = Math.toRadians(lat2 - lat1);
            double dLon = Math.toRadians(lon2 - lon1);
            double a = Math.pow(Math.sin(dLat / 2), 2)
                    + Math.pow(Math.sin(dLon / 2), 2) * Math.cos(Math.toRadians(lat1)) * Math.cos(Math.toRadians(lat2));
            return 2 * radius * Math.asin(Math.sqrt(a));
        }
    }
}
