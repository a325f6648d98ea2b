package io.runnel.sql.internal.command;

import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * Reads durations written as ksqlDB's WITH clause takes them ({@code '10 SECONDS'},
 * {@code '1 HOUR'}): a whole number, white space, and a unit (MILLISECOND(S), SECOND(S),
 * MINUTE(S), HOUR(S), DAY(S); case-insensitive).
 */
final class DurationParser {

    private DurationParser() {
    }

    /** The duration in milliseconds; an IllegalArgumentException with ksqlDB's wording when invalid. */
    static long parseMillis(String text) {
        String[] parts = text.trim().split("\\s+");
        if (parts.length != 2) {
            throw new IllegalArgumentException("Invalid duration: '" + text + "'. Expected 2 tokens, got: " + parts.length);
        }
        long amount;
        try {
            amount = Long.parseLong(parts[0]);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("Invalid duration: '" + text + "'. Not numeric: '" + parts[0] + "'");
        }
        String unitText = parts[1].toUpperCase(Locale.ROOT);
        String singular = unitText.endsWith("S") ? unitText.substring(0, unitText.length() - 1) : unitText;
        TimeUnit unit = switch (singular) {
            case "MILLISECOND" -> TimeUnit.MILLISECONDS;
            case "SECOND" -> TimeUnit.SECONDS;
            case "MINUTE" -> TimeUnit.MINUTES;
            case "HOUR" -> TimeUnit.HOURS;
            case "DAY" -> TimeUnit.DAYS;
            default -> throw new IllegalArgumentException("Invalid duration: '" + text + "'. Unknown time unit: '"
                    + unitText + "'");
        };
        long millis = unit.toMillis(amount);
        if (millis <= 0) {
            throw new IllegalArgumentException("Invalid duration: '" + text + "'. The duration must be positive");
        }
        return millis;
    }
}
