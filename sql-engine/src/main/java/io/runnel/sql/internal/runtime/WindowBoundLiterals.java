package io.runnel.sql.internal.runtime;

import io.runnel.sql.SqlErrorCode;
import io.runnel.sql.SqlException;
import io.runnel.sql.internal.ast.Expression;
import io.runnel.sql.internal.ast.Expression.ColumnRef;
import io.runnel.sql.internal.ast.Expression.Comparison;
import io.runnel.sql.internal.ast.Expression.Logical;
import io.runnel.sql.internal.ast.Expression.LongLiteral;
import io.runnel.sql.internal.ast.Expression.StringLiteral;
import io.runnel.sql.internal.ast.Query;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A pull query on a windowed table may bound WINDOWSTART and WINDOWEND with text datetimes, as in
 * ksqlDB ({@code WINDOWSTART >= '2020-02-23T23:45:12.000'}): such literals are replaced by their
 * epoch milliseconds before analysis. The text may be partial (missing parts are the start of
 * their unit: {@code '2020-02-22T23:45'}, hour 24 is the next day's midnight) and may end with a
 * zone offset ({@code Z}, {@code -0100}, {@code +01:00}); without one it is UTC.
 */
final class WindowBoundLiterals {
    private static final Pattern TEXT = Pattern.compile(
            "(\\d{4})(?:-(\\d{2})(?:-(\\d{2})(?:T(\\d{2})(?::(\\d{2})(?::(\\d{2})(?:\\.(\\d{1,3}))?)?)?)?)?)?"
                    + "(Z|[+-]\\d{2}:?\\d{2})?");

    private WindowBoundLiterals() {
    }

    static Query rewrite(Query query) {
        if (query.where().isEmpty()) {
            return query;
        }
        Expression where = query.where().get();
        Expression rewritten = rewrite(where);
        if (rewritten == where) {
            return query;
        }
        return new Query(query.select(), query.from(), query.window(), Optional.of(rewritten),
                query.groupBy(), query.partitionBy(), query.having(), query.emit(), query.limit(), query.position());
    }

    private static Expression rewrite(Expression e) {
        if (e instanceof Logical l) {
            Expression left = rewrite(l.left());
            Expression right = rewrite(l.right());
            return left == l.left() && right == l.right() ? l : new Logical(l.operator(), left, right, l.position());
        }
        if (e instanceof Comparison c) {
            if (isBound(c.left()) && c.right() instanceof StringLiteral s) {
                return new Comparison(c.operator(), c.left(), millis(s), c.position());
            }
            if (isBound(c.right()) && c.left() instanceof StringLiteral s) {
                return new Comparison(c.operator(), millis(s), c.right(), c.position());
            }
        }
        return e;
    }

    private static boolean isBound(Expression e) {
        return e instanceof ColumnRef ref && (ref.name().equals("WINDOWSTART") || ref.name().equals("WINDOWEND"));
    }

    private static LongLiteral millis(StringLiteral s) {
        return new LongLiteral(parse(s.text()), s.position());
    }

    /** Epoch milliseconds of a (partial) ISO datetime text. */
    static long parse(String text) {
        Matcher m = TEXT.matcher(text.trim());
        if (!m.matches()) {
            throw new SqlException(SqlErrorCode.INVALID_STATEMENT, "Failed to parse timestamp '" + text
                    + "': expected yyyy-MM-dd'T'HH:mm:ss.SSS, optionally partial and with a zone offset");
        }
        LocalDateTime t = LocalDateTime.of(Integer.parseInt(m.group(1)), part(m.group(2), 1), part(m.group(3), 1), 0, 0)
                .plusHours(part(m.group(4), 0)).plusMinutes(part(m.group(5), 0)).plusSeconds(part(m.group(6), 0))
                .plusNanos(m.group(7) == null ? 0 : Long.parseLong((m.group(7) + "00").substring(0, 3)) * 1_000_000L);
        ZoneOffset offset = m.group(8) == null ? ZoneOffset.UTC
                : ZoneOffset.of(m.group(8).length() == 5 ? m.group(8).substring(0, 3) + ":" + m.group(8).substring(3)
                : m.group(8));
        return t.toInstant(offset).toEpochMilli();
    }

    private static int part(String digits, int absent) {
        return digits == null ? absent : Integer.parseInt(digits);
    }
}
