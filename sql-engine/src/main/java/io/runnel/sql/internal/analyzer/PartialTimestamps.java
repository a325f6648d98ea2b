package io.runnel.sql.internal.analyzer;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.DateTimeException;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * ksqlDB's strings that stand for an instant where ROWTIME, WINDOWSTART or WINDOWEND is compared
 * to a string literal: {@code yyyy[-MM[-dd[THH[:mm[:ss[.SSS]]]]]]} with an optional zone
 * ({@code Z}, {@code +hh}, {@code +hhmm} or {@code +hh:mm}; UTC when absent). Missing parts are
 * the start of the period ({@code '2018'} = 2018-01-01T00:00:00.000Z). Stateless.
 */
public final class PartialTimestamps {
    private static final Pattern FORMAT = Pattern.compile(
            "(\\d{4})(?:-(\\d{2})(?:-(\\d{2})(?:T(\\d{2})(?::(\\d{2})(?::(\\d{2})(?:\\.(\\d{1,9}))?)?)?)?)?)?"
                    + "(Z|[+-]\\d{2}(?::?\\d{2})?)?");

    private PartialTimestamps() {
    }

    /** Milliseconds since the epoch, or empty when the text is not such a timestamp. */
    public static Optional<Long> toEpochMillis(String text) {
        Matcher m = FORMAT.matcher(text.strip());
        if (!m.matches()) {
            return Optional.empty();
        }
        try {
            String fraction = m.group(7) == null ? "0" : (m.group(7) + "000000000").substring(0, 9);
            LocalDateTime time = LocalDateTime.of(Integer.parseInt(m.group(1)), part(m.group(2), 1),
                    part(m.group(3), 1), part(m.group(4), 0), part(m.group(5), 0), part(m.group(6), 0),
                    Integer.parseInt(fraction));
            ZoneOffset zone = m.group(8) == null ? ZoneOffset.UTC : ZoneOffset.of(normalizedZone(m.group(8)));
            return Optional.of(time.toInstant(zone).toEpochMilli());
        } catch (DateTimeException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static int part(String digits, int absent) {
        return digits == null ? absent : Integer.parseInt(digits);
    }

    private static String normalizedZone(String zone) {
        if (zone.equals("Z")) {
            return zone;
        }
        String digits = zone.substring(1).replace(":", "");
        return zone.charAt(0) + digits.substring(0, 2) + (digits.length() > 2 ? ":" + digits.substring(2) : "");
    }
}
