package io.runnel.sql.internal.serde;

import io.runnel.sql.internal.catalog.SqlType;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Base64;

/**
 * Conversions shared by the formats between the run-time Java values (docs/internals/sql-engine.md)
 * and their serialized forms: DATE as days since epoch, TIME as milliseconds of day, TIMESTAMP as
 * epoch milliseconds, BYTES as base64 in text formats, DECIMAL exact at the column's scale.
 * Failures are {@link FieldError}s.
 */
final class Values {

    static final long MILLIS_PER_DAY = 86_400_000L;

    private Values() {
    }

    /**
     * The decimal at the type's scale, as ksqlDB's {@code DecimalUtil.ensureFit}: too many integer
     * digits, or digits lost by rescaling, are errors.
     */
    static BigDecimal fit(BigDecimal value, SqlType.Decimal type) {
        int digits = type.precision() - type.scale();
        if (value.precision() - value.scale() > digits && value.signum() != 0) {
            // integer digits = precision - scale (may be <= 0 for |value| < 1)
            throw new FieldError(type.sql(), "Numeric field overflow: A field with precision " + type.precision()
                    + " and scale " + type.scale() + " must round to an absolute value less than 10^" + digits
                    + ". Got " + value.toPlainString());
        }
        if (value.scale() == type.scale()) return value;
        try {
            return value.setScale(type.scale(), RoundingMode.UNNECESSARY);
        } catch (ArithmeticException e) {
            throw new FieldError(type.sql(), "Cannot fit decimal '" + value.toPlainString() + "' into " + type.sql()
                    + " without rounding. (Requires " + value.precision() + "," + value.scale() + ")");
        }
    }

    static LocalDate date(long epochDays, SqlType type) {
        try {
            return LocalDate.ofEpochDay(epochDays);
        } catch (java.time.DateTimeException e) {
            throw new FieldError(type.sql(), "Date out of range: " + epochDays + " days since epoch");
        }
    }

    static LocalTime time(long millisOfDay, SqlType type) {
        if (millisOfDay < 0 || millisOfDay >= MILLIS_PER_DAY) {
            throw new FieldError(type.sql(), "Time values must use number of milliseconds greater than 0 and less than "
                    + MILLIS_PER_DAY + ". Got " + millisOfDay);
        }
        return LocalTime.ofNanoOfDay(millisOfDay * 1_000_000L);
    }

    static Instant timestamp(long epochMillis) {
        return Instant.ofEpochMilli(epochMillis);
    }

    static int epochDays(Object date) {
        return (int) ((LocalDate) date).toEpochDay();
    }

    static int millisOfDay(Object time) {
        return (int) (((LocalTime) time).toNanoOfDay() / 1_000_000L);
    }

    static long epochMillis(Object timestamp) {
        return ((Instant) timestamp).toEpochMilli();
    }

    /** The bytes of a BYTES value (its remaining bytes; the buffer is not moved). */
    static byte[] bytes(Object value) {
        ByteBuffer buffer = ((ByteBuffer) value).duplicate();
        byte[] out = new byte[buffer.remaining()];
        buffer.get(out);
        return out;
    }

    static ByteBuffer bytesValue(byte[] bytes) {
        return ByteBuffer.wrap(bytes).asReadOnlyBuffer();
    }

    static ByteBuffer base64(String text, SqlType type) {
        try {
            return bytesValue(Base64.getDecoder().decode(text));
        } catch (IllegalArgumentException e) {
            throw new FieldError(type.sql(), "Value is not a valid Base64 encoded string: " + shorten(text));
        }
    }

    /**
     * A value of a primitive type from its text form (DELIMITED fields, KAFKA-format test data,
     * non-STRING map keys of JSON), as ksqlDB's DELIMITED format parses it: BOOLEAN is true only
     * for {@code true} in any case; numbers as Java parses them; DECIMAL fitted to the column.
     */
    static Object parse(SqlType type, String text) {
        try {
            return switch (type.baseType()) {
                case BOOLEAN -> Boolean.parseBoolean(text);
                case INTEGER -> Integer.parseInt(text);
                case BIGINT -> Long.parseLong(text);
                case DOUBLE -> Double.parseDouble(text);
                case DECIMAL -> fit(new BigDecimal(text), (SqlType.Decimal) type);
                case STRING -> text;
                case BYTES -> base64(text, type);
                case DATE -> date(Long.parseLong(text), type);
                case TIME -> time(Long.parseLong(text), type);
                case TIMESTAMP -> timestamp(Long.parseLong(text));
                case ARRAY, MAP, STRUCT -> throw new FieldError(type.sql(), "type has no text form");
            };
        } catch (NumberFormatException e) {
            throw new FieldError(type.sql(), "Can't parse '" + shorten(text) + "' as " + type.sql());
        }
    }

    /** The text form of a non-null primitive value, the inverse of {@link #parse}. */
    static String format(SqlType type, Object value) {
        return switch (type.baseType()) {
            case BOOLEAN -> ((Boolean) value).toString();
            case INTEGER -> ((Integer) value).toString();
            case BIGINT -> ((Long) value).toString();
            case DOUBLE -> ((Double) value).toString();
            case DECIMAL -> fit((BigDecimal) value, (SqlType.Decimal) type).toPlainString();
            case STRING -> (String) value;
            case BYTES -> Base64.getEncoder().encodeToString(bytes(value));
            case DATE -> Integer.toString(epochDays(value));
            case TIME -> Integer.toString(millisOfDay(value));
            case TIMESTAMP -> Long.toString(epochMillis(value));
            case ARRAY, MAP, STRUCT -> throw new FieldError(type.sql(), "type has no text form");
        };
    }

    /** A short form of user data for error reasons. */
    static String shorten(String text) {
        return text.length() <= 40 ? text : text.substring(0, 40) + "...";
    }

    /** The reason a Java value does not have the type's run-time class. */
    static FieldError wrongClass(SqlType type, Object value) {
        return new FieldError(type.sql(), "value of class " + value.getClass().getName() + " is not a " + type.sql());
    }
}
