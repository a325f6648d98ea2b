package io.runnel.sql.internal.function.builtin;

import static io.runnel.sql.internal.function.Calls.bytes;
import static io.runnel.sql.internal.function.Calls.call;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import org.junit.jupiter.api.Test;

/** Math, comparison and geo functions; expected values from greatest.json, least.json, geodistance.json where named. */
class MathFunctionsTest {

    @Test
    void shouldComputeAbsCeilFloorKeepingTypes() {
        assertThat(call("ABS", -3)).isEqualTo(3);
        assertThat(call("ABS", -3L)).isEqualTo(3L);
        assertThat(call("ABS", -2.5)).isEqualTo(2.5);
        assertThat(call("ABS", new BigDecimal("-7.45"))).isEqualTo(new BigDecimal("7.45"));
        assertThat(call("CEIL", 1.2)).isEqualTo(2.0);
        assertThat(call("FLOOR", -1.2)).isEqualTo(-2.0);
        assertThat(call("CEIL", new BigDecimal("1.20"))).isEqualTo(new BigDecimal("2"));
        assertThat(call("FLOOR", new BigDecimal("-1.20"))).isEqualTo(new BigDecimal("-2"));
    }

    @Test
    void shouldRoundHalvesTowardPositiveInfinity() {
        assertThat(call("ROUND", 2.5)).isEqualTo(3L);
        assertThat(call("ROUND", -2.5)).isEqualTo(-2L);
        assertThat(call("ROUND", 1.2345, 2)).isEqualTo(1.23);
        assertThat(call("ROUND", 1.235, 2)).isEqualTo(1.24);
        assertThat(call("ROUND", -1.235, 2)).isEqualTo(-1.23);
        assertThat(call("ROUND", new BigDecimal("1.55"))).isEqualTo(new BigDecimal("2"));
        assertThat(call("ROUND", 7)).isEqualTo(7);
    }

    @Test
    void shouldComputeDoubleFunctionsWideningIntegers() {
        assertThat(call("SQRT", 16)).isEqualTo(4.0);
        assertThat(call("CBRT", 27.0)).isEqualTo(3.0);
        assertThat(call("POWER", 2, 10)).isEqualTo(1024.0);
        assertThat(call("EXP", 0)).isEqualTo(1.0);
        assertThat(call("LN", Math.E)).isEqualTo(1.0);
        assertThat((Double) call("LOG", 10, 1000)).isCloseTo(3.0, within(1e-12));
        assertThat(call("SIGN", -5)).isEqualTo(-1);
        assertThat(call("SIGN", 0.0)).isEqualTo(0);
        assertThat(call("DEGREES", Math.PI)).isEqualTo(180.0);
        assertThat(call("RADIANS", 180)).isEqualTo(Math.PI);
        assertThat(call("PI")).isEqualTo(Math.PI);
        assertThat(call("SIN", 0)).isEqualTo(0.0);
        assertThat(call("ATAN2", 1, 1)).isEqualTo(Math.PI / 4);
        assertThat((Double) call("RANDOM")).isBetween(0.0, 1.0);
        assertThat(call("TRUNC", -2.7)).isEqualTo(-2L);
        assertThat(call("SQRT", (Object) null)).isNull();
    }

    @Test
    void shouldPickGreatestIgnoringNullsAsInGreatestJson() {
        assertThat(call("GREATEST", 2147483647, -2147483648, null, null, 5)).isEqualTo(2147483647);
        assertThat(call("GREATEST", 9223372036854775807L, -9223372036854775808L, null)).isEqualTo(9223372036854775807L);
        assertThat(call("GREATEST", new BigDecimal("123456.789"), new BigDecimal("-987654.321"), null))
                .isEqualTo(new BigDecimal("123456.789"));
        assertThat(call("GREATEST", 50000.555, -99999.555, null)).isEqualTo(50000.555);
        assertThat(call("GREATEST", "apple", "banana", "aardvark", null, null, null, "hello")).isEqualTo("hello");
        assertThat(call("GREATEST", "!", "zebra", "aardvark", null, "hello")).isEqualTo("zebra");
        assertThat(call("GREATEST", bytes("apple"), bytes("banana"), bytes("hello"))).isEqualTo(bytes("hello"));
        assertThat(call("GREATEST", LocalDate.ofEpochDay(19071), LocalDate.ofEpochDay(18824))).isEqualTo(LocalDate.ofEpochDay(19071));
        assertThat(call("GREATEST", LocalTime.ofNanoOfDay(10_000_000L), LocalTime.NOON)).isEqualTo(LocalTime.NOON);
        assertThat(call("GREATEST", Instant.ofEpochMilli(1647734400000L), Instant.ofEpochMilli(1626393600000L)))
                .isEqualTo(Instant.ofEpochMilli(1647734400000L));
        assertThat(call("GREATEST", new BigDecimal("1234567.89"), new BigDecimal("0.123456")))
                .isEqualTo(new BigDecimal("1234567.89"));
    }

    @Test
    void shouldPickLeastIgnoringNullsAsInLeastJson() {
        assertThat(call("LEAST", 2147483647, -2147483648, null, 5)).isEqualTo(-2147483648);
        assertThat(call("LEAST", 50000.555, -99999.555, null)).isEqualTo(-99999.555);
        assertThat(call("LEAST", "apple", "banana", "aardvark", null, "hello")).isEqualTo("aardvark");
        assertThat(call("LEAST", null, null, "x")).isEqualTo("x");
    }

    @Test
    void shouldComputeGreatCircleDistanceAsInGeodistanceJson() {
        assertThat((Double) call("GEO_DISTANCE", 37.4439, -122.1663, 51.5257, -0.1122)).isCloseTo(8634.659796579544, within(1e-6));
        assertThat((Double) call("GEO_DISTANCE", 37.4439, -122.1663, 51.5257, -0.1122, "KM")).isCloseTo(8634.659796579544, within(1e-6));
        assertThat((Double) call("GEO_DISTANCE", 37.4439, -122.1663, 51.5257, -0.1122, "MI")).isCloseTo(5365.659729188262, within(1e-6));
        assertThat((Double) call("GEO_DISTANCE", 51.5257, -0.1122, -33.9323, 18.4197)).isCloseTo(9673.40421197142, within(1e-6));
        assertThat((Double) call("GEO_DISTANCE", -33.9323, 18.4197, -33.8666, 151.1)).isCloseTo(11005.23304055582, within(1e-6));
        assertThat((Double) call("GEO_DISTANCE", 39.18660374, -76.73262144, 39.18660374, -76.73222145))
                .isCloseTo(0.03447366811448324, within(1e-9));
    }
}
