package io.runnel.sql.internal.function.builtin;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoField;
import java.time.temporal.TemporalAccessor;
import java.time.temporal.TemporalField;
import java.time.temporal.TemporalQueries;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Formatting and lenient parsing with {@link DateTimeFormatter} patterns, as ksqlDB does: fields
 * missing from a pattern default to 1970-01-01T00:00:00.000; a zone or offset parsed from the
 * text wins over the zone argument; the default zone is UTC. Formatters are cached per pattern
 * (bounded).
 */
public final class DateTimeFormats {
    private static final int MAX_CACHED = 1024;
    private static final Map<String, DateTimeFormatter> CACHE = new ConcurrentHashMap<>();

    private DateTimeFormats() {
    }

    static DateTimeFormatter formatter(String pattern) {
        DateTimeFormatter f = CACHE.get(pattern);
        if (f == null) {
            // Parsing ignores case ('01-JAN-2022' with dd-MMM-yyyy, a 'z' zone), as ksqlDB's parsers do.
            f = new java.time.format.DateTimeFormatterBuilder().parseCaseInsensitive().appendPattern(pattern)
                    .toFormatter(Locale.ROOT);
            if (CACHE.size() < MAX_CACHED) CACHE.put(pattern, f);
        }
        return f;
    }

    static ZoneId zone(String zone) {
        return zone == null ? ZoneOffset.UTC : ZoneId.of(zone);
    }

    static String format(Instant instant, String pattern, ZoneId zone) {
        return formatter(pattern).format(instant.atZone(zone));
    }

    public static Instant parseInstant(String text, String pattern, ZoneId zone) {
        TemporalAccessor parsed = formatter(pattern).parse(text);
        LocalDateTime local = LocalDateTime.of(localDate(parsed), localTime(parsed));
        ZoneId parsedZone = parsed.query(TemporalQueries.zone());
        return local.atZone(parsedZone != null ? parsedZone : zone).toInstant();
    }

    /** A DATE from the start of the text (ksqlDB ignores text after what the pattern reads). */
    static LocalDate parseDate(String text, String pattern) {
        java.text.ParsePosition position = new java.text.ParsePosition(0);
        TemporalAccessor parsed = formatter(pattern).parse(text, position);
        if (has(parsed, ChronoField.HOUR_OF_DAY) && parsed.getLong(ChronoField.NANO_OF_DAY) != 0) {
            throw new DateTimeException("Date format contains time field: " + pattern);
        }
        return localDate(parsed);
    }

    static LocalTime parseTime(String text, String pattern) {
        return localTime(formatter(pattern).parse(text));
    }

    private static LocalDate localDate(TemporalAccessor t) {
        LocalDate date = t.query(TemporalQueries.localDate());
        if (date != null) return date;
        int year = has(t, ChronoField.YEAR) ? t.get(ChronoField.YEAR)
                : has(t, ChronoField.YEAR_OF_ERA) ? t.get(ChronoField.YEAR_OF_ERA) : 1970;
        if (has(t, ChronoField.DAY_OF_YEAR)) return LocalDate.ofYearDay(year, t.get(ChronoField.DAY_OF_YEAR));
        int month = has(t, ChronoField.MONTH_OF_YEAR) ? t.get(ChronoField.MONTH_OF_YEAR) : 1;
        int day = has(t, ChronoField.DAY_OF_MONTH) ? t.get(ChronoField.DAY_OF_MONTH) : 1;
        return LocalDate.of(year, month, day);
    }

    private static LocalTime localTime(TemporalAccessor t) {
        LocalTime time = t.query(TemporalQueries.localTime());
        if (time != null) return time;
        int hour = has(t, ChronoField.HOUR_OF_DAY) ? t.get(ChronoField.HOUR_OF_DAY)
                : has(t, ChronoField.CLOCK_HOUR_OF_AMPM) ? t.get(ChronoField.CLOCK_HOUR_OF_AMPM) % 12
                + (has(t, ChronoField.AMPM_OF_DAY) ? 12 * t.get(ChronoField.AMPM_OF_DAY) : 0) : 0;
        int minute = has(t, ChronoField.MINUTE_OF_HOUR) ? t.get(ChronoField.MINUTE_OF_HOUR) : 0;
        int second = has(t, ChronoField.SECOND_OF_MINUTE) ? t.get(ChronoField.SECOND_OF_MINUTE) : 0;
        int nano = has(t, ChronoField.NANO_OF_SECOND) ? t.get(ChronoField.NANO_OF_SECOND) : 0;
        return LocalTime.of(hour, minute, second, nano);
    }

    private static boolean has(TemporalAccessor t, TemporalField field) {
        return t.isSupported(field);
    }
}
