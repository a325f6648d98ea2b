package io.runnel.sql.internal.runtime;

import io.runnel.sql.internal.analyzer.AnalyzedQuery;
import io.runnel.sql.internal.ast.Expression;
import io.runnel.sql.internal.ast.Expression.Between;
import io.runnel.sql.internal.ast.Expression.ColumnRef;
import io.runnel.sql.internal.ast.Expression.Comparison;
import io.runnel.sql.internal.ast.Expression.ComparisonOperator;
import io.runnel.sql.internal.ast.Expression.InList;
import io.runnel.sql.internal.ast.Expression.Logical;
import io.runnel.sql.internal.ast.Expression.LogicalOperator;
import io.runnel.sql.internal.ast.SourceKind;
import io.runnel.sql.internal.catalog.Column;
import io.runnel.sql.internal.catalog.SourceFormats;
import io.runnel.sql.internal.catalog.SqlType;
import io.runnel.sql.internal.row.Row;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Which keys (and windows) of a table a pull query's WHERE clause can only match, as ksqlDB's key
 * constraints: when every disjunct of the clause fixes every key column by {@code =} or
 * {@code IN} against literals, the query reads just those keys from the store (a get each; for a
 * windowed table a range of window starts, narrowed by the disjunct's WINDOWSTART bounds and, for
 * time windows, its WINDOWEND bounds less the window size). Otherwise it scans.
 *
 * <p>The constraints only choose what to read: every row read is still filtered by the whole
 * WHERE clause, so a lookup is taken only where it surely reads every row the clause can match:
 * literals are converted to the key column's type only when exact (an INT key looked up as
 * {@code 1}, never {@code 1.5} or {@code '1'}), and only for INT, BIGINT and STRING keys, whose
 * values have a single serialized form; anything else scans.
 */
final class KeyConstraints {
    /** More lookups than this scan instead. */
    static final int MAX_LOOKUPS = 10_000;

    /**
     * One key to read, with the window starts to read for a windowed table (inclusive; the whole
     * range {@code [Long.MIN_VALUE, Long.MAX_VALUE]} when not bounded).
     */
    record Lookup(Row key, long startFrom, long startTo) {
        Lookup {
            Objects.requireNonNull(key, "key");
            if (startFrom > startTo) {
                throw new IllegalArgumentException("empty window start range " + startFrom + ".." + startTo);
            }
        }
    }

    private KeyConstraints() {
    }

    /** The lookups that cover every row the WHERE clause can match, or empty when the query must scan. */
    static Optional<List<Lookup>> of(AnalyzedQuery query) {
        if (query.source().kind() != SourceKind.TABLE || query.where().isEmpty()) {
            return Optional.empty();
        }
        List<Column> keys = query.source().keyColumns();
        if (keys.isEmpty()) {
            return Optional.empty();
        }
        Optional<SourceFormats.KeyWindow> window = query.source().formats().window();
        long size = window.filter(w -> w.kind() != SourceFormats.KeyWindow.Kind.SESSION)
                .flatMap(SourceFormats.KeyWindow::sizeMillis).orElse(-1L);
        List<Expression> disjuncts = Logical.terms(query.where().get().expression(), LogicalOperator.OR);
        List<Lookup> out = new ArrayList<>();
        for (Expression disjunct : disjuncts) {
            List<Expression> conjuncts = Logical.terms(disjunct, LogicalOperator.AND);
            List<List<Object>> values = new ArrayList<>();
            keys.forEach(k -> values.add(null));
            long[] bounds = {Long.MIN_VALUE, Long.MAX_VALUE};
            for (Expression c : conjuncts) {
                for (int i = 0; i < keys.size(); i++) {
                    if (values.get(i) == null) {
                        values.set(i, keyValues(c, keys.get(i)).orElse(null));
                    }
                }
                if (window.isPresent()) {
                    narrow(c, size, bounds);
                }
            }
            if (values.contains(null)) {
                return Optional.empty();
            }
            if (bounds[0] > bounds[1]) {
                continue; // the disjunct matches no window
            }
            Optional<List<Row>> product = product(values, MAX_LOOKUPS - out.size());
            if (product.isEmpty()) {
                return Optional.empty();
            }
            product.get().forEach(key -> out.add(new Lookup(key, bounds[0], bounds[1])));
        }
        return Optional.of(out);
    }

    /** The values a conjunct allows for a key column, when it fixes them ({@code K = lit}, {@code K IN (lits)}). */
    private static Optional<List<Object>> keyValues(Expression c, Column key) {
        if (c instanceof Comparison cmp && cmp.operator() == ComparisonOperator.EQUAL) {
            Expression other = isColumn(cmp.left(), key.name()) ? cmp.right()
                    : isColumn(cmp.right(), key.name()) ? cmp.left() : null;
            return other == null ? Optional.empty() : keyValue(other, key.type()).map(List::of);
        }
        if (c instanceof InList in && !in.negated() && isColumn(in.value(), key.name())) {
            List<Object> out = new ArrayList<>();
            for (Expression item : in.list()) {
                Optional<Object> v = keyValue(item, key.type());
                if (v.isEmpty()) {
                    return Optional.empty();
                }
                out.add(v.get());
            }
            return Optional.of(out);
        }
        return Optional.empty();
    }

    /** A literal as a value of the key type, when the conversion is exact and the type has one serialized form. */
    static Optional<Object> keyValue(Expression e, SqlType type) {
        Object v = literal(e);
        switch (type.baseType()) {
            case INTEGER:
                if (v instanceof Integer) {
                    return Optional.of(v);
                }
                if (v instanceof Long l && l == (int) (long) l) {
                    return Optional.of((int) (long) l);
                }
                return Optional.empty();
            case BIGINT:
                return v instanceof Integer || v instanceof Long ? Optional.of(((Number) v).longValue()) : Optional.empty();
            case STRING:
                return v instanceof String ? Optional.of(v) : Optional.empty();
            default:
                return Optional.empty();
        }
    }

    /** The value of an integer or text literal (negated integers too), else null. */
    private static Object literal(Expression e) {
        if (e instanceof Expression.IntegerLiteral i) {
            return i.number();
        } else if (e instanceof Expression.LongLiteral l) {
            return l.number();
        } else if (e instanceof Expression.StringLiteral s) {
            return s.text();
        } else if (e instanceof Expression.Negation n) {
            Object inner = literal(n.operand());
            if (inner instanceof Integer i && i != Integer.MIN_VALUE) {
                return -i;
            }
            if (inner instanceof Long l && l != Long.MIN_VALUE) {
                return -l;
            }
        }
        return null;
    }

    /**
     * Narrows {@code bounds} (window starts, inclusive) by a conjunct bounding WINDOWSTART, or
     * WINDOWEND of time windows ({@code size} &gt; 0: the end is the start plus the size).
     */
    private static void narrow(Expression c, long size, long[] bounds) {
        if (c instanceof Between b && !b.negated()) {
            Long lower = integer(b.lower());
            Long upper = integer(b.upper());
            if (lower != null) {
                narrow(b.value(), ComparisonOperator.GREATER_THAN_OR_EQUAL, lower, size, bounds);
            }
            if (upper != null) {
                narrow(b.value(), ComparisonOperator.LESS_THAN_OR_EQUAL, upper, size, bounds);
            }
            return;
        }
        if (!(c instanceof Comparison cmp)) {
            return;
        }
        Long right = integer(cmp.right());
        Long left = integer(cmp.left());
        if (right != null) {
            narrow(cmp.left(), cmp.operator(), right, size, bounds);
        } else if (left != null) {
            narrow(cmp.right(), flip(cmp.operator()), left, size, bounds);
        }
    }

    private static void narrow(Expression column, ComparisonOperator op, long value, long size, long[] bounds) {
        long start;
        if (isColumn(column, "WINDOWSTART")) {
            start = value;
        } else if (isColumn(column, "WINDOWEND") && size > 0 && value >= Long.MIN_VALUE + size) {
            start = value - size;
        } else {
            return;
        }
        switch (op) {
            case EQUAL -> {
                bounds[0] = Math.max(bounds[0], start);
                bounds[1] = Math.min(bounds[1], start);
            }
            case GREATER_THAN -> bounds[0] = Math.max(bounds[0], start == Long.MAX_VALUE ? start : start + 1);
            case GREATER_THAN_OR_EQUAL -> bounds[0] = Math.max(bounds[0], start);
            case LESS_THAN -> bounds[1] = Math.min(bounds[1], start == Long.MIN_VALUE ? start : start - 1);
            case LESS_THAN_OR_EQUAL -> bounds[1] = Math.min(bounds[1], start);
            default -> {
                // <>, IS [NOT] DISTINCT FROM: only filter
            }
        }
    }

    private static ComparisonOperator flip(ComparisonOperator op) {
        return switch (op) {
            case LESS_THAN -> ComparisonOperator.GREATER_THAN;
            case LESS_THAN_OR_EQUAL -> ComparisonOperator.GREATER_THAN_OR_EQUAL;
            case GREATER_THAN -> ComparisonOperator.LESS_THAN;
            case GREATER_THAN_OR_EQUAL -> ComparisonOperator.LESS_THAN_OR_EQUAL;
            default -> op;
        };
    }

    private static Long integer(Expression e) {
        Object v = literal(e);
        return v instanceof Integer || v instanceof Long ? ((Number) v).longValue() : null;
    }

    private static boolean isColumn(Expression e, String name) {
        return e instanceof ColumnRef ref && ref.name().equals(name);
    }

    /** Every combination of one value per key column, in order; empty when more than {@code max}. */
    private static Optional<List<Row>> product(List<List<Object>> values, int max) {
        List<Object[]> rows = new ArrayList<>();
        rows.add(new Object[values.size()]);
        for (int i = 0; i < values.size(); i++) {
            List<Object[]> next = new ArrayList<>();
            for (Object[] partial : rows) {
                for (Object v : values.get(i)) {
                    if (next.size() >= max) {
                        return Optional.empty();
                    }
                    Object[] row = partial.clone();
                    row[i] = v;
                    next.add(row);
                }
            }
            rows = next;
        }
        List<Row> out = new ArrayList<>();
        rows.forEach(r -> out.add(Row.wrap(r)));
        return Optional.of(out);
    }
}
