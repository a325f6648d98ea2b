package io.runnel.sql.internal.analyzer;

import io.runnel.sql.internal.ast.Expression.ArithmeticOperator;
import io.runnel.sql.internal.catalog.SqlBaseType;
import io.runnel.sql.internal.catalog.SqlType;
import java.util.Optional;

/**
 * ksqlDB's typing rules for operators.
 *
 * <p>Numbers widen INTEGER → BIGINT → DECIMAL → DOUBLE; INTEGER counts as DECIMAL(10, 0) and
 * BIGINT as DECIMAL(19, 0) when mixed with decimals. Decimal results (precision p, scale s of
 * the operands, capped at precision 38 like ksqlDB):
 * <table>
 *   <caption>decimal result types</caption>
 *   <tr><th>operator</th><th>precision</th><th>scale</th></tr>
 *   <tr><td>+ -</td><td>max(s1, s2) + max(p1 - s1, p2 - s2) + 1</td><td>max(s1, s2)</td></tr>
 *   <tr><td>*</td><td>p1 + p2 + 1</td><td>s1 + s2</td></tr>
 *   <tr><td>/</td><td>p1 - s1 + s2 + max(6, s1 + p2 + 1)</td><td>max(6, s1 + p2 + 1)</td></tr>
 *   <tr><td>%</td><td>min(p1 - s1, p2 - s2) + max(s1, s2)</td><td>max(s1, s2)</td></tr>
 * </table>
 */
public final class TypeRules {

    /** The largest decimal precision an arithmetic result gets. */
    public static final int MAX_RESULT_PRECISION = 38;

    private TypeRules() {
    }

    /** The result type of {@code left op right}, or empty when the operator does not apply. */
    public static Optional<SqlType> arithmetic(ArithmeticOperator op, SqlType left, SqlType right) {
        SqlBaseType l = left.baseType();
        SqlBaseType r = right.baseType();
        if (op == ArithmeticOperator.ADD && l == SqlBaseType.STRING && r == SqlBaseType.STRING) {
            return Optional.of(SqlType.STRING);
        }
        if (!l.isNumber() || !r.isNumber()) {
            return Optional.empty();
        }
        if (l == SqlBaseType.DOUBLE || r == SqlBaseType.DOUBLE) {
            return Optional.of(SqlType.DOUBLE);
        }
        if (l == SqlBaseType.DECIMAL || r == SqlBaseType.DECIMAL) {
            return Optional.of(decimalArithmetic(op, asDecimal(left), asDecimal(right)));
        }
        if (l == SqlBaseType.BIGINT || r == SqlBaseType.BIGINT) {
            return Optional.of(SqlType.BIGINT);
        }
        return Optional.of(SqlType.INTEGER);
    }

    static SqlType.Decimal decimalArithmetic(ArithmeticOperator op, SqlType.Decimal a, SqlType.Decimal b) {
        int p1 = a.precision();
        int s1 = a.scale();
        int p2 = b.precision();
        int s2 = b.scale();
        int precision;
        int scale;
        switch (op) {
            case ADD, SUBTRACT -> {
                scale = Math.max(s1, s2);
                precision = scale + Math.max(p1 - s1, p2 - s2) + 1;
            }
            case MULTIPLY -> {
                precision = p1 + p2 + 1;
                scale = s1 + s2;
            }
            case DIVIDE -> {
                scale = Math.max(6, s1 + p2 + 1);
                precision = p1 - s1 + s2 + scale;
            }
            case MODULUS -> {
                scale = Math.max(s1, s2);
                precision = Math.min(p1 - s1, p2 - s2) + scale;
            }
            default -> throw new IllegalStateException(op.name());
        }
        precision = Math.min(Math.max(precision, 1), MAX_RESULT_PRECISION);
        scale = Math.min(scale, precision);
        return new SqlType.Decimal(precision, scale);
    }

    /** A number type seen as a decimal: INTEGER = DECIMAL(10, 0), BIGINT = DECIMAL(19, 0). */
    public static SqlType.Decimal asDecimal(SqlType type) {
        return switch (type.baseType()) {
            case DECIMAL -> (SqlType.Decimal) type;
            case INTEGER -> new SqlType.Decimal(10, 0);
            case BIGINT -> new SqlType.Decimal(19, 0);
            default -> throw new IllegalArgumentException(type.sql() + " is not an exact number");
        };
    }

    /** True when values of the two types can be compared with = and &lt;. */
    public static boolean comparable(SqlType a, SqlType b) {
        SqlBaseType x = a.baseType();
        SqlBaseType y = b.baseType();
        if (x.isNumber() && y.isNumber()) {
            return true;
        }
        if (isTemporal(x) && (isTemporal(y) || y == SqlBaseType.STRING) || isTemporal(y) && x == SqlBaseType.STRING) {
            return true;
        }
        return x == y;
    }

    /**
     * True when an IN list item of type {@code b} may be compared with a value of type {@code a}:
     * as {@link #comparable}, and ARRAY, MAP and STRUCT values whose elements, entries and common
     * fields are so comparable.
     */
    public static boolean inComparable(SqlType a, SqlType b) {
        if (a instanceof SqlType.Array x && b instanceof SqlType.Array y) {
            return inComparable(x.element(), y.element());
        }
        if (a instanceof SqlType.Map x && b instanceof SqlType.Map y) {
            return inComparable(x.key(), y.key()) && inComparable(x.value(), y.value());
        }
        if (a instanceof SqlType.Struct x && b instanceof SqlType.Struct y) {
            for (SqlType.Field f : x.fields()) {
                Optional<SqlType.Field> other = y.field(f.name());
                if (other.isPresent() && !inComparable(f.type(), other.get().type())) {
                    return false;
                }
            }
            return true;
        }
        SqlBaseType x = a.baseType();
        SqlBaseType y = b.baseType();
        if (x == SqlBaseType.ARRAY || x == SqlBaseType.MAP || x == SqlBaseType.STRUCT || y == SqlBaseType.ARRAY
                || y == SqlBaseType.MAP || y == SqlBaseType.STRUCT) {
            return false;
        }
        return comparable(a, b);
    }

    /** The type both branches widen to (CASE results, IN lists, COALESCE), or empty when none. */
    public static Optional<SqlType> common(SqlType a, SqlType b) {
        if (a.equals(b)) {
            return Optional.of(a);
        }
        if (a instanceof SqlType.Struct x && b instanceof SqlType.Struct y) {
            // Structs widen to the union of their fields (ksqlDB): a field of both widens, the others are kept.
            java.util.List<SqlType.Field> fields = new java.util.ArrayList<>();
            for (SqlType.Field f : x.fields()) {
                Optional<SqlType.Field> other = y.field(f.name());
                if (other.isEmpty()) {
                    fields.add(f);
                } else {
                    Optional<SqlType> t = common(f.type(), other.get().type());
                    if (t.isEmpty()) {
                        return Optional.empty();
                    }
                    fields.add(new SqlType.Field(f.name(), t.get()));
                }
            }
            for (SqlType.Field f : y.fields()) {
                if (x.field(f.name()).isEmpty()) {
                    fields.add(f);
                }
            }
            return Optional.of(new SqlType.Struct(fields));
        }
        SqlBaseType x = a.baseType();
        SqlBaseType y = b.baseType();
        if (x.isNumber() && y.isNumber()) {
            if (x == SqlBaseType.DOUBLE || y == SqlBaseType.DOUBLE) {
                return Optional.of(SqlType.DOUBLE);
            }
            if (x == SqlBaseType.DECIMAL || y == SqlBaseType.DECIMAL) {
                SqlType.Decimal d1 = asDecimal(a);
                SqlType.Decimal d2 = asDecimal(b);
                int scale = Math.max(d1.scale(), d2.scale());
                int precision = Math.min(scale + Math.max(d1.precision() - d1.scale(), d2.precision() - d2.scale()),
                        SqlType.Decimal.MAX_PRECISION);
                return Optional.of(new SqlType.Decimal(precision, Math.min(scale, precision)));
            }
            return Optional.of(SqlType.BIGINT);
        }
        return Optional.empty();
    }

    public static boolean isTemporal(SqlBaseType t) {
        return t == SqlBaseType.DATE || t == SqlBaseType.TIME || t == SqlBaseType.TIMESTAMP;
    }

    /** True when CAST from one type to the other is allowed (ksqlDB's cast matrix, simplified). */
    public static boolean castable(SqlType from, SqlType to) {
        SqlBaseType f = from.baseType();
        SqlBaseType t = to.baseType();
        if (f == t || t == SqlBaseType.STRING) {
            return f != SqlBaseType.STRUCT || t == SqlBaseType.STRING || from.equals(to) || t == SqlBaseType.STRUCT;
        }
        if (f == SqlBaseType.STRING) {
            return t != SqlBaseType.ARRAY && t != SqlBaseType.MAP && t != SqlBaseType.STRUCT && t != SqlBaseType.BYTES;
        }
        if ((f.isNumber() || f == SqlBaseType.BOOLEAN) && (t.isNumber())) {
            return f != SqlBaseType.BOOLEAN;
        }
        if (f == SqlBaseType.TIMESTAMP && (t == SqlBaseType.DATE || t == SqlBaseType.TIME)) {
            return true;
        }
        if (f == SqlBaseType.DATE && t == SqlBaseType.TIMESTAMP) {
            return true;
        }
        return false;
    }

    /** True when the type is a MAP or holds one (ksqlDB rejects such key columns). */
    public static boolean containsMap(SqlType type) {
        if (type instanceof SqlType.Map) {
            return true;
        } else if (type instanceof SqlType.Array a) {
            return containsMap(a.element());
        } else if (type instanceof SqlType.Struct st) {
            return st.fields().stream().anyMatch(f -> containsMap(f.type()));
        }
        return false;
    }

    /** ksqlDB's message for a key column whose type holds a MAP. */
    public static String mapKeyMessage(String column, SqlType type) {
        return "Map keys, including types that contain maps, are not supported as they may lead to unexpected "
                + "behavior due to inconsistent serialization. Key column name: `" + column + "`. Column type: "
                + type.sql() + ". See https://github.com/confluentinc/ksql/issues/6621 for more.";
    }
}
