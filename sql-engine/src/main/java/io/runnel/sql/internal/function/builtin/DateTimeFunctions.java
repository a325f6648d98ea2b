package io.runnel.sql.internal.function.builtin;

import io.runnel.sql.function.Udf;
import io.runnel.sql.function.UdfDescription;
import io.runnel.sql.function.UdfParameter;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;

/**
 * ksqlDB's date and time conversion functions. TIMESTAMP values carry no zone; functions taking
 * a zone name (e.g. {@code America/Los_Angeles}) default to UTC. The current-time functions
 * (UNIX_TIMESTAMP(), UNIX_DATE()) read the system clock, as in ksqlDB.
 */
public final class DateTimeFunctions {
    private DateTimeFunctions() {
    }

    @UdfDescription(name = "unix_timestamp", category = "DATE / TIME",
            description = "Milliseconds since the epoch of now, or of a TIMESTAMP.")
    public static final class UnixTimestamp {
        @Udf
        public static Long unixTimestamp() {
            return System.currentTimeMillis();
        }

        @Udf
        public static Long unixTimestamp(@UdfParameter("timestamp") Instant timestamp) {
            return timestamp == null ? null : timestamp.toEpochMilli();
        }
    }

    @UdfDescription(name = "unix_date", category = "DATE / TIME", description = "Days since the epoch of today (UTC), or of a DATE.")
    public static final class UnixDate {
        @Udf
        public static Integer unixDate() {
            return (int) LocalDate.now(ZoneOffset.UTC).toEpochDay();
        }

        @Udf
        public static Integer unixDate(@UdfParameter("date") LocalDate date) {
            return date == null ? null : (int) date.toEpochDay();
        }
    }

    @UdfDescription(name = "from_days", category = "DATE / TIME", description = "The DATE a number of days after the epoch.")
    public static final class FromDays {
        @Udf
        public static LocalDate fromDays(@UdfParameter("days") Integer days) {
            return days == null ? null : LocalDate.ofEpochDay(days);
        }
    }

    @UdfDescription(name = "from_unixtime", category = "DATE / TIME", description = "The TIMESTAMP of milliseconds since the epoch.")
    public static final class FromUnixtime {
        @Udf
        public static Instant fromUnixtime(@UdfParameter("milliseconds") Long milliseconds) {
            return milliseconds == null ? null : Instant.ofEpochMilli(milliseconds);
        }
    }

    @UdfDescription(name = "timestamptostring", category = "DATE / TIME",
            description = "Formats milliseconds since the epoch with a pattern, in a zone (default UTC).")
    public static final class TimestampToString {
        @Udf
        public static String timestampToString(@UdfParameter("epochMilli") Long epochMilli,
                                               @UdfParameter("formatPattern") String formatPattern) {
            return timestampToString(epochMilli, formatPattern, "UTC");
        }

        @Udf
        public static String timestampToString(@UdfParameter("epochMilli") Long epochMilli,
                                               @UdfParameter("formatPattern") String formatPattern,
                                               @UdfParameter("timeZone") String timeZone) {
            if (epochMilli == null || formatPattern == null || timeZone == null) return null;
            return DateTimeFormats.format(Instant.ofEpochMilli(epochMilli), formatPattern, DateTimeFormats.zone(timeZone));
        }
    }

    @UdfDescription(name = "stringtotimestamp", category = "DATE / TIME",
            description = "Parses a string with a pattern into milliseconds since the epoch, in a zone (default UTC).")
    public static final class StringToTimestamp {
        @Udf
        public static Long stringToTimestamp(@UdfParameter("formattedTimestamp") String formattedTimestamp,
                                             @UdfParameter("formatPattern") String formatPattern) {
            return stringToTimestamp(formattedTimestamp, formatPattern, "UTC");
        }

        @Udf
        public static Long stringToTimestamp(@UdfParameter("formattedTimestamp") String formattedTimestamp,
                                             @UdfParameter("formatPattern") String formatPattern,
                                             @UdfParameter("timeZone") String timeZone) {
            if (formattedTimestamp == null || formatPattern == null || timeZone == null) return null;
            return DateTimeFormats.parseInstant(formattedTimestamp, formatPattern, DateTimeFormats.zone(timeZone)).toEpochMilli();
        }
    }

    @UdfDescription(name = "format_timestamp", category = "DATE / TIME",
            description = "Formats a TIMESTAMP with a pattern, in a zone (default UTC).")
    public static final class FormatTimestamp {
        @Udf
        public static String formatTimestamp(@UdfParameter("timestamp") Instant timestamp,
                                             @UdfParameter("formatPattern") String formatPattern) {
            return formatTimestamp(timestamp, formatPattern, "UTC");
        }

        @Udf
        public static String formatTimestamp(@UdfParameter("timestamp") Instant timestamp,
                                             @UdfParameter("formatPattern") String formatPattern,
                                             @UdfParameter("timeZone") String timeZone) {
            if (timestamp == null || formatPattern == null || timeZone == null) return null;
            return DateTimeFormats.format(timestamp, formatPattern, DateTimeFormats.zone(timeZone));
        }
    }

    @UdfDescription(name = "parse_timestamp", category = "DATE / TIME",
            description = "Parses a string with a pattern into a TIMESTAMP, in a zone (default UTC).")
    public static final class ParseTimestamp {
        @Udf
        public static Instant parseTimestamp(@UdfParameter("formattedTimestamp") String formattedTimestamp,
                                             @UdfParameter("formatPattern") String formatPattern) {
            return parseTimestamp(formattedTimestamp, formatPattern, "UTC");
        }

        @Udf
        public static Instant parseTimestamp(@UdfParameter("formattedTimestamp") String formattedTimestamp,
                                             @UdfParameter("formatPattern") String formatPattern,
                                             @UdfParameter("timeZone") String timeZone) {
            if (formattedTimestamp == null || formatPattern == null || timeZone == null) return null;
            return DateTimeFormats.parseInstant(formattedTimestamp, formatPattern, DateTimeFormats.zone(timeZone));
        }
    }

    @UdfDescription(name = "datetostring", category = "DATE / TIME", description = "Formats days since the epoch with a pattern.")
    public static final class DateToString {
        @Udf
        public static String dateToString(@UdfParameter("epochDays") Integer epochDays,
                                          @UdfParameter("formatPattern") String formatPattern) {
            if (epochDays == null || formatPattern == null) return null;
            return DateTimeFormats.formatter(formatPattern).format(LocalDate.ofEpochDay(epochDays));
        }
    }

    @UdfDescription(name = "stringtodate", category = "DATE / TIME", description = "Parses a string with a pattern into days since the epoch.")
    public static final class StringToDate {
        @Udf
        public static Integer stringToDate(@UdfParameter("formattedDate") String formattedDate,
                                           @UdfParameter("formatPattern") String formatPattern) {
            if (formattedDate == null || formatPattern == null) return null;
            return (int) DateTimeFormats.parseDate(formattedDate, formatPattern).toEpochDay();
        }
    }

    @UdfDescription(name = "format_date", category = "DATE / TIME", description = "Formats a DATE with a pattern.")
    public static final class FormatDate {
        @Udf
        public static String formatDate(@UdfParameter("date") LocalDate date, @UdfParameter("formatPattern") String formatPattern) {
            if (date == null || formatPattern == null) return null;
            return DateTimeFormats.formatter(formatPattern).format(date);
        }
    }

    @UdfDescription(name = "parse_date", category = "DATE / TIME", description = "Parses a string with a pattern into a DATE.")
    public static final class ParseDate {
        @Udf
        public static LocalDate parseDate(@UdfParameter("formattedDate") String formattedDate,
                                          @UdfParameter("formatPattern") String formatPattern) {
            if (formattedDate == null || formatPattern == null) return null;
            return DateTimeFormats.parseDate(formattedDate, formatPattern);
        }
    }

    @UdfDescription(name = "format_time", category = "DATE / TIME", description = "Formats a TIME with a pattern.")
    public static final class FormatTime {
        @Udf
        public static String formatTime(@UdfParameter("time") LocalTime time, @UdfParameter("formatPattern") String formatPattern) {
            if (time == null || formatPattern == null) return null;
            return DateTimeFormats.formatter(formatPattern).format(time);
        }
    }

    @UdfDescription(name = "parse_time", category = "DATE / TIME", description = "Parses a string with a pattern into a TIME.")
    public static final class ParseTime {
        @Udf
        public static LocalTime parseTime(@UdfParameter("formattedTime") String formattedTime,
                                          @UdfParameter("formatPattern") String formatPattern) {
            if (formattedTime == null || formatPattern == null) return null;
            return DateTimeFormats.parseTime(formattedTime, formatPattern);
        }
    }

    @UdfDescription(name = "convert_tz", category = "DATE / TIME",
            description = "Converts a TIMESTAMP read as wall-clock time in one zone to the wall-clock time in another.")
    public static final class ConvertTz {
        @Udf
        public static Instant convertTz(@UdfParameter("timestamp") Instant timestamp, @UdfParameter("fromTz") String fromTz,
                                        @UdfParameter("toTz") String toTz) {
            if (timestamp == null || fromTz == null || toTz == null) return null;
            ZonedDateTime wall = timestamp.atZone(ZoneOffset.UTC).withZoneSameLocal(DateTimeFormats.zone(fromTz));
            return wall.withZoneSameInstant(DateTimeFormats.zone(toTz)).toLocalDateTime().toInstant(ZoneOffset.UTC);
        }
    }
}
