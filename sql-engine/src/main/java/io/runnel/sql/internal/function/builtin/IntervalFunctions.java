package io.runnel.sql.internal.function.builtin;

import io.runnel.sql.function.Udf;
import io.runnel.sql.function.UdfDescription;
import io.runnel.sql.function.UdfParameter;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * DATEADD/DATESUB, TIMEADD/TIMESUB, TIMESTAMPADD/TIMESTAMPSUB. The unit is ksqlDB's interval
 * unit keyword ({@code DAYS}, {@code HOURS}, {@code MINUTES}, {@code SECONDS},
 * {@code MILLISECONDS}, ...): the analyzer passes it as a STRING argument. TIME arithmetic wraps
 * around midnight; DATE arithmetic keeps whole days (a unit smaller than a day is truncated).
 */
public final class IntervalFunctions {
    private IntervalFunctions() {
    }

    static long millis(String unit, int interval) {
        String u = unit.toUpperCase(Locale.ROOT);
        if (!u.endsWith("S")) u = u + "S";
        return TimeUnit.valueOf(u).toMillis(interval);
    }

    static LocalDate addDays(String unit, Integer interval, LocalDate date, int sign) {
        if (unit == null || interval == null || date == null) return null;
        return LocalDate.ofEpochDay(date.toEpochDay() + sign * (millis(unit, interval) / TimeUnit.DAYS.toMillis(1)));
    }

    static LocalTime addTime(String unit, Integer interval, LocalTime time, int sign) {
        if (unit == null || interval == null || time == null) return null;
        long day = TimeUnit.DAYS.toNanos(1);
        long nanos = Math.floorMod(time.toNanoOfDay() + sign * TimeUnit.MILLISECONDS.toNanos(millis(unit, interval)), day);
        return LocalTime.ofNanoOfDay(nanos);
    }

    static Instant addTimestamp(String unit, Integer interval, Instant ts, int sign) {
        if (unit == null || interval == null || ts == null) return null;
        return ts.plusMillis(sign * millis(unit, interval));
    }

    @UdfDescription(name = "dateadd", category = "DATE / TIME", description = "Adds an interval to a DATE.")
    public static final class DateAdd {
        @Udf
        public static LocalDate dateAdd(@UdfParameter("unit") String unit, @UdfParameter("interval") Integer interval,
                                        @UdfParameter("date") LocalDate date) {
            return addDays(unit, interval, date, 1);
        }
    }

    @UdfDescription(name = "datesub", category = "DATE / TIME", description = "Subtracts an interval from a DATE.")
    public static final class DateSub {
        @Udf
        public static LocalDate dateSub(@UdfParameter("unit") String unit, @UdfParameter("interval") Integer interval,
                                        @UdfParameter("date") LocalDate date) {
            return addDays(unit, interval, date, -1);
        }
    }

    @UdfDescription(name = "timeadd", category = "DATE / TIME", description = "Adds an interval to a TIME (wrapping around midnight).")
    public static final class TimeAdd {
        @Udf
        public static LocalTime timeAdd(@UdfParameter("unit") String unit, @UdfParameter("interval") Integer interval,
                                        @UdfParameter("time") LocalTime time) {
            return addTime(unit, interval, time, 1);
        }
    }

    @UdfDescription(name = "timesub", category = "DATE / TIME", description = "Subtracts an interval from a TIME (wrapping around midnight).")
    public static final class TimeSub {
        @Udf
        public static LocalTime timeSub(@UdfParameter("unit") String unit, @UdfParameter("interval") Integer interval,
                                        @UdfParameter("time") LocalTime time) {
            return addTime(unit, interval, time, -1);
        }
    }

    @UdfDescription(name = "timestampadd", category = "DATE / TIME", description = "Adds an interval to a TIMESTAMP.")
    public static final class TimestampAdd {
        @Udf
        public static Instant timestampAdd(@UdfParameter("unit") String unit, @UdfParameter("interval") Integer interval,
                                           @UdfParameter("timestamp") Instant timestamp) {
            return addTimestamp(unit, interval, timestamp, 1);
        }
    }

    @UdfDescription(name = "timestampsub", category = "DATE / TIME", description = "Subtracts an interval from a TIMESTAMP.")
    public static final class TimestampSub {
        @Udf
        public static Instant timestampSub(@UdfParameter("unit") String unit, @UdfParameter("interval") Integer interval,
                                           @UdfParameter("timestamp") Instant timestamp) {
            return addTimestamp(unit, interval, timestamp, -1);
        }
    }
}
