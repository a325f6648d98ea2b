package io.runnel.sql.internal.parser;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Identifier rules shared by the AST builder and the formatter: unquoted identifiers are
 * upper-cased; {@code "x"} and {@code `x`} keep their case; a name prints unquoted only when
 * reading it back unquoted yields the same name.
 */
public final class Identifiers {

    private static final Pattern PLAIN = Pattern.compile("[A-Z_][A-Z0-9_@]*");

    private Identifiers() {
    }

    /** The name an unquoted identifier stands for. */
    public static String normalizeUnquoted(String text) {
        return text.toUpperCase(Locale.ROOT);
    }

    /** The name inside {@code "..."} or {@code `...`}, with doubled quotes collapsed. */
    public static String unquote(String text) {
        char quote = text.charAt(0);
        String inner = text.substring(1, text.length() - 1);
        return inner.replace(String.valueOf(quote) + quote, String.valueOf(quote));
    }

    /**
     * SQL text for a name: as is when that reads back the same in every position, else in back
     * quotes (names that are keywords are always quoted, e.g. a column named KEY).
     */
    public static String format(String name) {
        if (PLAIN.matcher(name).matches() && !Keywords.isKeyword(name)) {
            return name;
        }
        return "`" + name.replace("`", "``") + "`";
    }

    /** A string literal with single quotes doubled. */
    public static String quoteString(String text) {
        return "'" + text.replace("'", "''") + "'";
    }
}
