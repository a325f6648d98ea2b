package io.runnel.sql.internal.serde;

import io.runnel.sql.internal.catalog.SqlType;
import java.nio.charset.StandardCharsets;

/**
 * The fast path of reading a JSON row: an object whose field names are plain ASCII and whose
 * field values are plain scalars, read straight from the bytes without a Jackson parser (whose
 * set-up per record cost more than reading a small row). Only the (column type, JSON value) pairs
 * whose reading is plain are taken here: STRING from an ASCII string without escapes or from an
 * integer (its text), BIGINT from an integer of at most 18 digits, INTEGER from one of at most 9,
 * DOUBLE from a number, BOOLEAN from {@code true}/{@code false}, any column from {@code null};
 * unknown fields holding such scalars are skipped. For anything else (another column type, a
 * coercion, an escape, a non-ASCII byte, a nested value, a malformed or suspicious byte) it returns
 * null and the caller reads the record with Jackson ({@link JsonReaders}), which owns every other
 * coercion and every error message; so a record reads to the same row on either path.
 *
 * <p>Field matching is {@link JsonReaders#readObject}'s: an exact name, else the upper-cased name
 * unless that column already had an exact match; a later field overwrites an earlier one. As on
 * the Jackson path, bytes after the object's closing brace are not read. Thread-safe (stateless
 * apart from the field matcher's cache).
 */
final class FlatJsonReader {
    private enum Kind { STRING, BIGINT, INTEGER, DOUBLE, BOOLEAN }

    /** Longer numbers go to Jackson, which enforces its own length limit. */
    private static final int MAX_NUMBER_LENGTH = 100;

    private final Kind[] kinds;
    private final byte[][] names;
    private final JsonReaders.FieldMatcher matcher;

    private FlatJsonReader(Kind[] kinds, byte[][] names, JsonReaders.FieldMatcher matcher) {
        this.kinds = kinds;
        this.names = names;
        this.matcher = matcher;
    }

    /** A reader of objects with these columns, or null when a column's type has no fast path (or there are over 64). */
    static FlatJsonReader of(SerdeSchema schema, JsonReaders.FieldMatcher matcher) {
        int n = schema.size();
        if (n == 0 || n > 64) {
            return null;
        }
        Kind[] kinds = new Kind[n];
        byte[][] names = new byte[n][];
        for (int i = 0; i < n; i++) {
            SqlType type = schema.column(i).type();
            kinds[i] = switch (type.baseType()) {
                case STRING -> Kind.STRING;
                case BIGINT -> Kind.BIGINT;
                case INTEGER -> Kind.INTEGER;
                case DOUBLE -> Kind.DOUBLE;
                case BOOLEAN -> Kind.BOOLEAN;
                default -> null;
            };
            if (kinds[i] == null) {
                return null;
            }
            names[i] = schema.column(i).name().getBytes(StandardCharsets.UTF_8);
        }
        return new FlatJsonReader(kinds, names, matcher);
    }

    /** The columns of the object in {@code data}, in schema order; null when the record is not for the fast path. */
    Object[] read(byte[] data) {
        int n = data.length;
        int i = skipSpace(data, 0);
        if (i >= n || data[i] != '{') {
            return null;
        }
        Object[] values = new Object[kinds.length];
        i = skipSpace(data, i + 1);
        if (i < n && data[i] == '}') {
            return values;
        }
        long exact = 0;
        while (true) {
            // field name
            if (i >= n || data[i] != '"') {
                return null;
            }
            int nameStart = i + 1;
            int nameEnd = plainStringEnd(data, nameStart);
            if (nameEnd < 0) {
                return null;
            }
            i = skipSpace(data, nameEnd + 1);
            if (i >= n || data[i] != ':') {
                return null;
            }
            i = skipSpace(data, i + 1);
            int index = exactIndex(data, nameStart, nameEnd);
            boolean skip = false;
            if (index >= 0) {
                exact |= 1L << index;
            } else {
                index = matcher.upperCase(new String(data, nameStart, nameEnd - nameStart, StandardCharsets.ISO_8859_1));
                skip = index < 0 || (exact & (1L << index)) != 0;
            }
            // field value
            if (i >= n) {
                return null;
            }
            byte b = data[i];
            Object value;
            if (b == '"') {
                int end = plainStringEnd(data, i + 1);
                if (end < 0) {
                    return null;
                }
                if (skip) {
                    value = null;
                } else if (kinds[index] == Kind.STRING) {
                    value = new String(data, i + 1, end - i - 1, StandardCharsets.ISO_8859_1);
                } else {
                    return null;
                }
                i = end + 1;
            } else if (b == 'n' || b == 't' || b == 'f') {
                int end = literalEnd(data, i);
                if (end < 0) {
                    return null;
                }
                if (b == 'n' || skip) {
                    value = null;
                } else if (kinds[index] == Kind.BOOLEAN) {
                    value = b == 't' ? Boolean.TRUE : Boolean.FALSE;
                } else {
                    return null;
                }
                i = end;
            } else if (b == '-' || (b >= '0' && b <= '9')) {
                int end = numberEnd(data, i);
                if (end < 0 || end - i > MAX_NUMBER_LENGTH) {
                    return null;
                }
                if (skip) {
                    value = null;
                } else {
                    value = number(kinds[index], data, i, end);
                    if (value == null) {
                        return null;
                    }
                }
                i = end;
            } else {
                return null;
            }
            if (!skip) {
                values[index] = value;
            }
            i = skipSpace(data, i);
            if (i >= n) {
                return null;
            }
            if (data[i] == '}') {
                return values;
            }
            if (data[i] != ',') {
                return null;
            }
            i = skipSpace(data, i + 1);
        }
    }

    /**
     * The one column of an unwrapped value (a single value column written without its object),
     * when it is a plain scalar: a string, a number, {@code true} or {@code false}; null when the
     * caller should read it with Jackson (JSON null included, which the caller reads as a null row).
     * Like the Jackson path, only the first value is read.
     */
    Object[] readScalar(byte[] data) {
        int i = skipSpace(data, 0);
        if (kinds.length != 1 || i >= data.length) {
            return null;
        }
        byte b = data[i];
        Object value;
        if (b == '"') {
            int end = plainStringEnd(data, i + 1);
            if (end < 0 || kinds[0] != Kind.STRING) {
                return null;
            }
            value = new String(data, i + 1, end - i - 1, StandardCharsets.ISO_8859_1);
        } else if (b == '-' || (b >= '0' && b <= '9')) {
            int end = numberEnd(data, i, true);
            if (end < 0 || end - i > MAX_NUMBER_LENGTH) {
                return null;
            }
            value = number(kinds[0], data, i, end);
        } else {
            return null;
        }
        return value == null ? null : new Object[] {value};
    }

    private int exactIndex(byte[] data, int start, int end) {
        int length = end - start;
        for (int c = 0; c < names.length; c++) {
            byte[] name = names[c];
            if (name.length == length && java.util.Arrays.equals(name, 0, length, data, start, end)) {
                return c;
            }
        }
        return -1;
    }

    /** The value of the number in {@code data[start, end)} as a column of {@code kind}, or null when Jackson should read it. */
    private static Object number(Kind kind, byte[] data, int start, int end) {
        boolean integral = true;
        for (int k = start; k < end; k++) {
            byte c = data[k];
            if (c == '.' || c == 'e' || c == 'E') {
                integral = false;
                break;
            }
        }
        int digits = end - start - (data[start] == '-' ? 1 : 0);
        switch (kind) {
            case BIGINT:
                return integral && digits <= 18 ? parseLong(data, start, end) : null;
            case INTEGER:
                return integral && digits <= 9 ? (Integer) (int) parseLong(data, start, end) : null;
            case DOUBLE:
                if (integral) {
                    return digits <= 18 ? (Double) (double) parseLong(data, start, end) : null;
                }
                return Double.parseDouble(new String(data, start, end - start, StandardCharsets.ISO_8859_1));
            case STRING:
                return integral ? new String(data, start, end - start, StandardCharsets.ISO_8859_1) : null;
            default:
                return null;
        }
    }

    private static long parseLong(byte[] data, int start, int end) {
        boolean negative = data[start] == '-';
        long v = 0;
        for (int k = negative ? start + 1 : start; k < end; k++) {
            v = v * 10 + (data[k] - '0');
        }
        return negative ? -v : v;
    }

    /** The end (exclusive) of a JSON number starting at {@code start}, or -1 when it is not one JSON accepts. */
    private static int numberEnd(byte[] data, int start) {
        return numberEnd(data, start, false);
    }

    /** As {@link #numberEnd(byte[], int)}; a root value may also end with the data. */
    private static int numberEnd(byte[] data, int start, boolean root) {
        int n = data.length;
        int i = start;
        if (data[i] == '-') {
            i++;
        }
        int digitsStart = i;
        while (i < n && data[i] >= '0' && data[i] <= '9') {
            i++;
        }
        if (i == digitsStart || (data[digitsStart] == '0' && i - digitsStart > 1)) {
            return -1;
        }
        if (i < n && data[i] == '.') {
            int fraction = ++i;
            while (i < n && data[i] >= '0' && data[i] <= '9') {
                i++;
            }
            if (i == fraction) {
                return -1;
            }
        }
        if (i < n && (data[i] == 'e' || data[i] == 'E')) {
            i++;
            if (i < n && (data[i] == '+' || data[i] == '-')) {
                i++;
            }
            int exponent = i;
            while (i < n && data[i] >= '0' && data[i] <= '9') {
                i++;
            }
            if (i == exponent) {
                return -1;
            }
        }
        return (i < n && isDelimiter(data[i])) || (root && i == n) ? i : -1;
    }

    /** The end (exclusive) of {@code null}, {@code true} or {@code false} at {@code start}, or -1. */
    private static int literalEnd(byte[] data, int start) {
        byte[] literal = data[start] == 'n' ? NULL : data[start] == 't' ? TRUE : FALSE;
        int end = start + literal.length;
        if (end >= data.length || !java.util.Arrays.equals(literal, 0, literal.length, data, start, end)
                || !isDelimiter(data[end])) {
            return -1;
        }
        return end;
    }

    private static final byte[] NULL = {'n', 'u', 'l', 'l'};
    private static final byte[] TRUE = {'t', 'r', 'u', 'e'};
    private static final byte[] FALSE = {'f', 'a', 'l', 's', 'e'};

    /** The index of the closing quote of a string of printable ASCII without escapes starting at {@code start}, or -1. */
    private static int plainStringEnd(byte[] data, int start) {
        for (int i = start; i < data.length; i++) {
            byte c = data[i];
            if (c == '"') {
                return i;
            }
            if (c == '\\' || c < 0x20) { // also every byte >= 0x80 (negative as a byte)
                return -1;
            }
        }
        return -1;
    }

    private static boolean isDelimiter(byte c) {
        return c == ',' || c == '}' || c == ' ' || c == '\n' || c == '\r' || c == '\t';
    }

    private static int skipSpace(byte[] data, int i) {
        while (i < data.length) {
            byte c = data[i];
            if (c != ' ' && c != '\n' && c != '\r' && c != '\t') {
                break;
            }
            i++;
        }
        return i;
    }
}
