package io.runnel.sql.internal.serde;

import io.runnel.sql.SqlErrorCode;
import io.runnel.sql.SqlException;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The format properties of a key or a value, as given in a WITH clause and the session config:
 *
 * <ul>
 *   <li>{@code wrapSingleValue}: {@code WRAP_SINGLE_VALUE} when given. {@code false} writes a
 *       value with a single column as the bare column value (JSON {@code "bar"} instead of
 *       {@code {"FOO":"bar"}}); giving it for a value with several columns is an error.</li>
 *   <li>{@code wrapSingleValuesByDefault}: {@code ksql.persistence.wrap.single.values}, used when
 *       {@code wrapSingleValue} is not given (default true).</li>
 *   <li>{@code delimiter}: {@code VALUE_DELIMITER} / {@code KEY_DELIMITER} of the DELIMITED
 *       format: one character, or {@code TAB} / {@code SPACE}; default {@code ,}.</li>
 * </ul>
 *
 * Keys ignore the wrapping options: a single key column is always written bare.
 */
public record FormatOptions(Optional<Boolean> wrapSingleValue, boolean wrapSingleValuesByDefault, char delimiter) {

    public static final FormatOptions DEFAULTS = new FormatOptions(Optional.empty(), true, ',');

    public FormatOptions {
        Objects.requireNonNull(wrapSingleValue, "wrapSingleValue");
    }

    public FormatOptions withWrapSingleValue(boolean wrap) {
        return new FormatOptions(Optional.of(wrap), wrapSingleValuesByDefault, delimiter);
    }

    public FormatOptions withWrapSingleValuesByDefault(boolean wrap) {
        return new FormatOptions(wrapSingleValue, wrap, delimiter);
    }

    /** With the delimiter given as written: one character, {@code TAB} or {@code SPACE} (any case). */
    public FormatOptions withDelimiter(String delimiter) {
        return new FormatOptions(wrapSingleValue, wrapSingleValuesByDefault, parseDelimiter(delimiter));
    }

    /**
     * Options of a value from WITH-clause properties (names upper-case: {@code WRAP_SINGLE_VALUE},
     * {@code VALUE_DELIMITER}; values as strings or booleans) and the session default for wrapping.
     */
    public static FormatOptions forValue(Map<String, ?> properties, boolean wrapSingleValuesByDefault) {
        FormatOptions options = DEFAULTS.withWrapSingleValuesByDefault(wrapSingleValuesByDefault);
        Object wrap = properties.get("WRAP_SINGLE_VALUE");
        if (wrap != null) options = options.withWrapSingleValue(parseBoolean("WRAP_SINGLE_VALUE", wrap));
        Object delimiter = properties.get("VALUE_DELIMITER");
        if (delimiter != null) options = options.withDelimiter(delimiter.toString());
        return options;
    }

    /** Options of a key from WITH-clause properties ({@code KEY_DELIMITER}). */
    public static FormatOptions forKey(Map<String, ?> properties) {
        Object delimiter = properties.get("KEY_DELIMITER");
        return delimiter == null ? DEFAULTS : DEFAULTS.withDelimiter(delimiter.toString());
    }

    /** Whether a value of {@code columnCount} columns is written bare (not as an object/record). */
    boolean unwrapValue(int columnCount) {
        return columnCount == 1 && !wrapSingleValue.orElse(wrapSingleValuesByDefault);
    }

    static char parseDelimiter(String text) {
        Objects.requireNonNull(text, "delimiter");
        String upper = text.toUpperCase(Locale.ROOT);
        if (upper.equals("TAB")) return '\t';
        if (upper.equals("SPACE")) return ' ';
        if (text.length() == 1) {
            char c = text.charAt(0);
            if (c == '"' || c == '\r' || c == '\n') {
                throw new SqlException(SqlErrorCode.INVALID_STATEMENT, "Invalid delimiter value: '" + text
                        + "'. The quote character and line breaks cannot be used as a delimiter.");
            }
            return c;
        }
        throw new SqlException(SqlErrorCode.INVALID_STATEMENT, "Invalid delimiter value: '" + text
                + "'. Delimiter must be a single character or TAB or SPACE");
    }

    private static boolean parseBoolean(String name, Object value) {
        if (value instanceof Boolean b) return b;
        String s = value.toString().trim();
        if (s.equalsIgnoreCase("true")) return true;
        if (s.equalsIgnoreCase("false")) return false;
        throw new SqlException(SqlErrorCode.INVALID_STATEMENT, "Property '" + name + "' must be true or false, not '"
                + value + "'");
    }
}
