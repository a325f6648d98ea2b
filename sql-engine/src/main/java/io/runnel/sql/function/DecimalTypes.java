package io.runnel.sql.function;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Helpers for {@link UdfSchemaProvider} methods working on DECIMAL type text. */
public final class DecimalTypes {
    private static final Pattern DECIMAL = Pattern.compile("\\s*DECIMAL\\s*\\(\\s*(\\d+)\\s*,\\s*(\\d+)\\s*\\)\\s*",
            Pattern.CASE_INSENSITIVE);

    private DecimalTypes() {
    }

    public static boolean isDecimal(String sqlType) {
        return DECIMAL.matcher(sqlType).matches();
    }

    /** The precision of {@code DECIMAL(p, s)} type text. */
    public static int precision(String sqlType) {
        return Integer.parseInt(match(sqlType).group(1));
    }

    /** The scale of {@code DECIMAL(p, s)} type text. */
    public static int scale(String sqlType) {
        return Integer.parseInt(match(sqlType).group(2));
    }

    public static String decimal(int precision, int scale) {
        return "DECIMAL(" + precision + ", " + scale + ")";
    }

    private static Matcher match(String sqlType) {
        Matcher m = DECIMAL.matcher(sqlType);
        if (!m.matches()) throw new IllegalArgumentException("not a DECIMAL type: " + sqlType);
        return m;
    }
}
