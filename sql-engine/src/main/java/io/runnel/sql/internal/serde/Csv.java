package io.runnel.sql.internal.serde;

import java.util.ArrayList;
import java.util.List;

/**
 * One CSV line as ksqlDB's DELIMITED format reads and writes it (Apache Commons CSV's
 * {@code DEFAULT} format with the chosen delimiter, as ksqlDB uses it), without the dependency.
 *
 * <p>Reading: leading line breaks are skipped, then the first line is read and the rest ignored.
 * A field in double quotes may hold delimiters, line breaks and doubled quotes ({@code ""} is
 * one {@code "}); after the closing quote only spaces may come before the delimiter. Unquoted
 * fields are taken as they are (spaces kept, quotes inside taken literally).
 *
 * <p>Writing (Commons CSV's minimal quoting): a field is quoted when it contains the delimiter,
 * a quote, CR or LF; when it starts with a character up to {@code #} (space, {@code !}, {@code "},
 * {@code #}, control characters) or ends with one up to space; when it is the first field of the
 * line and starts with anything but a letter or digit ({@code "-10"}) or is empty. A null field is
 * written as nothing, never quoted.
 */
final class Csv {

    private static final char QUOTE = '"';

    private Csv() {
    }

    /**
     * The fields of the first line; empty when there is none. An empty unquoted field is null, an
     * empty quoted one ({@code ""}) the empty string. Throws {@link IllegalArgumentException} on
     * bad quoting.
     */
    static List<String> parseLine(String text, char delimiter) {
        List<String> fields = new ArrayList<>();
        int n = text.length();
        int i = 0;
        while (i < n && (text.charAt(i) == '\n' || text.charAt(i) == '\r')) i++;
        if (i == n) return fields;
        StringBuilder quoted = null;
        while (true) {
            if (i < n && text.charAt(i) == QUOTE) {
                if (quoted == null) quoted = new StringBuilder();
                quoted.setLength(0);
                i++;
                while (true) {
                    if (i >= n) throw new IllegalArgumentException("EOF reached before encapsulated token finished");
                    char c = text.charAt(i);
                    if (c == QUOTE) {
                        if (i + 1 < n && text.charAt(i + 1) == QUOTE) {
                            quoted.append(QUOTE);
                            i += 2;
                            continue;
                        }
                        i++;
                        break;
                    }
                    quoted.append(c);
                    i++;
                }
                fields.add(quoted.toString());
                while (true) {
                    if (i >= n || text.charAt(i) == '\n' || text.charAt(i) == '\r') return fields;
                    char c = text.charAt(i);
                    if (c == delimiter) break;
                    if (!Character.isWhitespace(c)) {
                        throw new IllegalArgumentException("invalid char between encapsulated token and delimiter at "
                                + "position " + i);
                    }
                    i++;
                }
                i++;
            } else {
                int start = i;
                while (i < n) {
                    char c = text.charAt(i);
                    if (c == delimiter || c == '\n' || c == '\r') break;
                    i++;
                }
                fields.add(i == start ? null : text.substring(start, i));
                if (i >= n || text.charAt(i) != delimiter) return fields;
                i++;
            }
        }
    }

    /** Appends one field, quoted if needed; {@code first} when it starts the line. */
    static void appendField(StringBuilder out, String value, char delimiter, boolean first) {
        if (!first) out.append(delimiter);
        if (value == null) return;
        if (!needsQuotes(value, delimiter, first)) {
            out.append(value);
            return;
        }
        out.append(QUOTE);
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == QUOTE) out.append(QUOTE);
            out.append(c);
        }
        out.append(QUOTE);
    }

    private static boolean needsQuotes(String value, char delimiter, boolean first) {
        int len = value.length();
        if (len == 0) return first;
        char c = value.charAt(0);
        if (first && (c < '0' || c > '9' && c < 'A' || c > 'Z' && c < 'a' || c > 'z')) return true;
        if (c <= '#') return true;
        for (int i = 0; i < len; i++) {
            c = value.charAt(i);
            if (c == '\n' || c == '\r' || c == QUOTE || c == delimiter) return true;
        }
        return value.charAt(len - 1) <= ' ';
    }
}
