package io.runnel.sql.internal.analyzer;

import io.runnel.sql.SqlErrorCode;
import io.runnel.sql.SqlException;
import io.runnel.sql.function.Struct;
import io.runnel.sql.internal.ast.Expression;
import io.runnel.sql.internal.ast.Position;
import io.runnel.sql.internal.catalog.SqlType;
import io.runnel.sql.internal.parser.SqlFormatter;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * ksqlDB's coercion of the constant items of an IN list to the type of the value tested: a
 * literal (or an ARRAY, MAP or STRUCT built of literals, NULL and {@code CAST(NULL AS ...)})
 * becomes a value of that type, so {@code INT_COL IN ('4.000')} holds for 4 and
 * {@code STRING_COL IN (10.30)} for {@code '10.30'}. Numbers stay {@link BigDecimal} (compared by
 * value with any number at run time); a struct with a field the value's type lacks matches
 * nothing ({@link #NO_MATCH}). Stateless.
 */
public final class InListCoercion {

    /** An item that can equal no value (a STRUCT constant with a field the value's type lacks). */
    public static final Object NO_MATCH = new Object() {
        @Override
        public String toString() {
            return "NO_MATCH";
        }
    };

    private InListCoercion() {
    }

    /**
     * The item's value as the value's type, or empty when the item is not a constant (it is then
     * compared as an expression).
     *
     * @throws SqlException when the constant cannot be a value of that type
     */
    public static Optional<Object> coerce(Expression item, SqlType itemType, SqlType target) {
        if (!isConstant(item)) {
            return Optional.empty();
        }
        return Optional.ofNullable(value(item, itemType, target, item, itemType));
    }

    private static boolean isConstant(Expression e) {
        if (e instanceof Expression.Literal) {
            return true;
        } else if (e instanceof Expression.Cast c) {
            return c.operand() instanceof Expression.NullLiteral;
        } else if (e instanceof Expression.ArrayConstructor a) {
            return a.elements().stream().allMatch(InListCoercion::isConstant);
        } else if (e instanceof Expression.MapConstructor m) {
            return m.entries().stream().allMatch(x -> isConstant(x.key()) && isConstant(x.value()));
        } else if (e instanceof Expression.StructConstructor s) {
            return s.fields().stream().allMatch(f -> isConstant(f.value()));
        }
        return false;
    }

    /** NULL is returned as null; {@code top}/{@code topType} name the whole item in messages. */
    private static Object value(Expression e, SqlType type, SqlType target, Expression top, SqlType topType) {
        if (e instanceof Expression.NullLiteral || e instanceof Expression.Cast) {
            return null;
        }
        switch (target.baseType()) {
            case ARRAY -> {
                if (!(e instanceof Expression.ArrayConstructor a)) {
                    throw mismatch(target, topType, top);
                }
                SqlType element = ((SqlType.Array) target).element();
                List<Object> out = new ArrayList<>();
                for (Expression x : a.elements()) {
                    out.add(value(x, null, element, top, topType));
                }
                return out;
            }
            case MAP -> {
                if (!(e instanceof Expression.MapConstructor m)) {
                    throw mismatch(target, topType, top);
                }
                SqlType.Map map = (SqlType.Map) target;
                Map<Object, Object> out = new LinkedHashMap<>();
                for (Expression.MapEntry x : m.entries()) {
                    out.put(value(x.key(), null, map.key(), top, topType), value(x.value(), null, map.value(), top, topType));
                }
                return out;
            }
            case STRUCT -> {
                if (!(e instanceof Expression.StructConstructor s)) {
                    throw mismatch(target, topType, top);
                }
                SqlType.Struct struct = (SqlType.Struct) target;
                Map<String, Object> given = new LinkedHashMap<>();
                for (Expression.StructField f : s.fields()) {
                    Optional<SqlType.Field> field = struct.field(f.name());
                    if (field.isEmpty()) {
                        return NO_MATCH;
                    }
                    given.put(f.name(), value(f.value(), null, field.get().type(), top, topType));
                }
                Struct.Builder out = Struct.builder();
                for (SqlType.Field f : struct.fields()) {
                    out.put(f.name(), given.get(f.name()));
                }
                return out.build();
            }
            default -> {
                return scalar(e, target, top, topType);
            }
        }
    }

    private static Object scalar(Expression e, SqlType target, Expression top, SqlType topType) {
        if (!(e instanceof Expression.Literal literal)) {
            throw mismatch(target, topType, top);
        }
        Object v = literal.value();
        switch (target.baseType()) {
            case INTEGER, BIGINT, DOUBLE, DECIMAL -> {
                if (v instanceof String s) {
                    try {
                        return new BigDecimal(s.trim());
                    } catch (NumberFormatException ex) {
                        throw invalidSyntax(target, s, top);
                    }
                }
                if (v instanceof Double d) {
                    return BigDecimal.valueOf(d);
                }
                if (v instanceof Integer || v instanceof Long) {
                    return BigDecimal.valueOf(((Number) v).longValue());
                }
                if (v instanceof BigDecimal d) {
                    return d;
                }
                throw mismatch(target, topType, top);
            }
            case STRING -> {
                if (v instanceof BigDecimal d) {
                    return d.toPlainString();
                }
                if (v instanceof String || v instanceof Boolean || v instanceof Number) {
                    return v.toString();
                }
                throw mismatch(target, topType, top);
            }
            case BOOLEAN -> {
                if (v instanceof Boolean) {
                    return v;
                }
                if (v instanceof String s) {
                    return parseBoolean(s).orElseThrow(() -> invalidSyntax(target, s, top));
                }
                throw mismatch(target, topType, top);
            }
            case DATE, TIME, TIMESTAMP -> {
                if (!(v instanceof String s)) {
                    throw mismatch(target, topType, top);
                }
                try {
                    return switch (target.baseType()) {
                        case DATE -> LocalDate.parse(s.trim());
                        case TIME -> LocalTime.parse(s.trim());
                        default -> Instant.ofEpochMilli(PartialTimestamps.toEpochMillis(s)
                                .orElseThrow(() -> invalidSyntax(target, s, top)));
                    };
                } catch (java.time.DateTimeException ex) {
                    throw invalidSyntax(target, s, top);
                }
            }
            default -> throw mismatch(target, topType, top);
        }
    }

    /** ksqlDB's lenient booleans: any prefix of true/yes, or of false/no, in any case. */
    private static Optional<Boolean> parseBoolean(String s) {
        String t = s.trim().toLowerCase(Locale.ROOT);
        if (t.isEmpty()) {
            return Optional.empty();
        }
        if ("true".startsWith(t) || "yes".startsWith(t)) {
            return Optional.of(true);
        }
        if ("false".startsWith(t) || "no".startsWith(t)) {
            return Optional.of(false);
        }
        return Optional.empty();
    }

    static SqlException mismatch(SqlType target, SqlType itemType, Expression item) {
        return error(item.position(), "Invalid Predicate: operator does not exist: " + target.sql() + " = "
                + (itemType == null ? "NULL" : itemType.sql()) + " (" + SqlFormatter.format(item) + ")\n"
                + "Hint: You might need to add explicit type casts.");
    }

    private static SqlException invalidSyntax(SqlType target, String text, Expression item) {
        return error(item.position(), "Invalid Predicate: invalid input syntax for type " + target.baseType().name()
                + ": \"" + text + "\".");
    }

    private static SqlException error(Position p, String message) {
        return new SqlException(SqlErrorCode.INVALID_STATEMENT, p.line(), p.column(),
                "line " + p.line() + ":" + p.column() + ": " + message);
    }
}
