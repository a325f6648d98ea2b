package io.runnel.sql.internal.runtime;

import io.runnel.sql.SqlErrorCode;
import io.runnel.sql.SqlException;
import io.runnel.sql.internal.analyzer.AnalyzedQuery;
import io.runnel.sql.internal.analyzer.ExpressionChildren;
import io.runnel.sql.internal.ast.Expression;
import io.runnel.sql.internal.ast.Expression.ColumnRef;
import io.runnel.sql.internal.ast.Expression.Comparison;
import io.runnel.sql.internal.ast.Expression.ComparisonOperator;
import io.runnel.sql.internal.ast.Expression.InList;
import io.runnel.sql.internal.ast.Expression.Logical;
import io.runnel.sql.internal.ast.Expression.LogicalOperator;
import io.runnel.sql.internal.ast.Query;
import io.runnel.sql.internal.ast.SelectItem;
import io.runnel.sql.internal.ast.SourceKind;
import io.runnel.sql.internal.catalog.Column;
import io.runnel.sql.internal.parser.SqlFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * ksqlDB's rules for the WHERE clause of a pull query on a table, with its messages. Always: a
 * key may not be looked up as NULL. When table scans are off
 * ({@code ksql.query.pull.table.scan.enabled=false}), each disjunct of the WHERE clause must look
 * up every key column once, by {@code =} or {@code IN}, against an expression without columns;
 * other conditions (on value columns or the window bounds) only filter.
 */
final class PullQueryWhere {

    private PullQueryWhere() {
    }

    /** ROWPARTITION and ROWOFFSET are columns of push queries only, in ksqlDB. */
    static void checkPseudoColumns(Query query) {
        Set<String> inSelect = new LinkedHashSet<>();
        for (SelectItem item : query.select()) {
            if (item instanceof SelectItem.SingleColumn c) {
                columns(c.expression(), inSelect);
            }
        }
        disallowed(inSelect, "SELECT");
        Set<String> inWhere = new LinkedHashSet<>();
        query.where().ifPresent(w -> columns(w, inWhere));
        disallowed(inWhere, "WHERE");
    }

    private static void disallowed(Set<String> columns, String clause) {
        List<String> found = new ArrayList<>();
        for (String name : List.of("ROWPARTITION", "ROWOFFSET")) {
            if (columns.contains(name)) {
                found.add("`" + name + "`");
            }
        }
        if (!found.isEmpty()) {
            throw error("Pull queries don't support the following columns in " + clause + " clauses: "
                    + String.join(", ", found));
        }
    }

    static void check(AnalyzedQuery query, boolean scanEnabled) {
        if (query.source().kind() != SourceKind.TABLE) {
            return;
        }
        List<Column> keys = query.source().keyColumns();
        Set<String> keyNames = new HashSet<>();
        keys.forEach(k -> keyNames.add(k.name()));
        if (query.where().isEmpty()) {
            return;
        }
        Expression where = query.where().get().expression();
        checkNullComparisons(where, query);
        checkNullKeys(where, keyNames);
        checkInListKeyTypes(where, keys);
        if (scanEnabled) {
            return;
        }
        List<Expression> disjuncts = Logical.terms(where, LogicalOperator.OR);
        for (Expression disjunct : disjuncts) {
            List<Expression> conjuncts = Logical.terms(disjunct, LogicalOperator.AND);
            Set<String> looked = new HashSet<>();
            boolean anyKey = false;
            for (Expression c : conjuncts) {
                String key = keyLookup(c, keyNames, keys);
                if (key == null) {
                    continue;
                }
                anyKey = true;
                if (!looked.add(key)) {
                    throw error("A comparison condition on the key column cannot be combined with other comparisons"
                            + " such as an IN predicate");
                }
            }
            if (!anyKey) {
                throw error("WHERE clause missing key column for disjunct: " + SqlFormatter.format(disjunct));
            }
            if (looked.size() < keyNames.size()) {
                throw error("Multi-column sources must specify every key in the WHERE clause");
            }
        }
    }

    /**
     * The key column a conjunct looks up, or null when it references no key column.
     *
     * @throws SqlException when the conjunct uses a key column in a way a lookup cannot
     */
    private static String keyLookup(Expression c, Set<String> keyNames, List<Column> keys) {
        Set<String> referenced = new HashSet<>();
        columns(c, referenced);
        referenced.retainAll(keyNames);
        if (referenced.isEmpty()) {
            return null;
        }
        if (c instanceof Comparison cmp) {
            Expression keySide;
            Expression other;
            if (cmp.left() instanceof ColumnRef l && keyNames.contains(l.name())) {
                keySide = l;
                other = cmp.right();
            } else if (cmp.right() instanceof ColumnRef r && keyNames.contains(r.name())) {
                keySide = r;
                other = cmp.left();
            } else {
                throw error("A comparison must directly reference a key column.");
            }
            if (hasColumns(other)) {
                throw error("A comparison must be between a key column and a resolvable expression.");
            }
            String name = ((ColumnRef) keySide).name();
            if (cmp.operator() == ComparisonOperator.EQUAL) {
                return name;
            }
            if (cmp.operator() == ComparisonOperator.NOT_EQUAL) {
                throw error("Bound on key columns '" + describe(keys) + "' must currently be '='.");
            }
            // A range on the key: counts as a second look-up when combined with another.
            return name;
        }
        if (c instanceof InList in && !in.negated() && in.value() instanceof ColumnRef ref
                && keyNames.contains(ref.name())) {
            for (Expression e : in.list()) {
                if (hasColumns(e)) {
                    throw error("A comparison must be between a key column and a resolvable expression.");
                }
            }
            return ref.name();
        }
        throw error("A comparison must directly reference a key column.");
    }

    /** {@code col = NULL} is never true: ksqlDB asks for IS NULL instead. */
    private static void checkNullComparisons(Expression e, AnalyzedQuery query) {
        if (e instanceof Comparison c && (c.left() instanceof Expression.NullLiteral
                || c.right() instanceof Expression.NullLiteral)) {
            String left = typeName(c.left(), query);
            String right = typeName(c.right(), query);
            throw error("Error in WHERE expression: Comparison with NULL not supported: " + left + " "
                    + c.operator().symbol() + " " + right + "\nUse 'IS NULL' or 'IS NOT NULL' instead.\nStatement: ("
                    + text(c.left()) + " " + c.operator().symbol() + " " + text(c.right()) + ")");
        }
        for (Expression child : ExpressionChildren.of(e)) {
            checkNullComparisons(child, query);
        }
    }

    private static String typeName(Expression e, AnalyzedQuery query) {
        if (e instanceof Expression.NullLiteral) {
            return "NULL";
        }
        if (e instanceof ColumnRef ref) {
            return query.source().findColumn(ref.name()).map(c -> c.type().sql()).orElse("UNKNOWN");
        }
        return "EXPRESSION";
    }

    private static String text(Expression e) {
        return e instanceof Expression.NullLiteral ? "null" : SqlFormatter.format(e);
    }

    private static void checkNullKeys(Expression e, Set<String> keyNames) {
        if (e instanceof InList in && in.value() instanceof ColumnRef ref && keyNames.contains(ref.name())) {
            for (Expression item : in.list()) {
                if (item instanceof Expression.NullLiteral) {
                    throw error("Primary key columns can not be NULL: (" + ref.name() + " = null)");
                }
            }
        }
        for (Expression child : ExpressionChildren.of(e)) {
            checkNullKeys(child, keyNames);
        }
    }

    /**
     * A key looked up with IN takes each item as a key value, so a text item for a key that is
     * not text is an error (ksqlDB does not coerce lookup keys, unlike IN in other queries).
     */
    private static void checkInListKeyTypes(Expression e, List<Column> keys) {
        if (e instanceof InList in && in.value() instanceof ColumnRef ref) {
            for (Column key : keys) {
                if (key.name().equals(ref.name()) && key.type().baseType() != io.runnel.sql.internal.catalog.SqlBaseType.STRING) {
                    for (Expression item : in.list()) {
                        if (item instanceof Expression.StringLiteral text) {
                            throw error("'" + text.text() + "' can not be converted to the type of the key column: "
                                    + key.name() + " " + key.type().sql() + " KEY");
                        }
                    }
                }
            }
        }
        for (Expression child : ExpressionChildren.of(e)) {
            checkInListKeyTypes(child, keys);
        }
    }

    private static String describe(List<Column> keys) {
        List<String> out = new ArrayList<>();
        for (Column k : keys) {
            out.add("`" + k.name() + "` " + k.type().sql() + " KEY");
        }
        return "[" + String.join(", ", out) + "]";
    }

    private static boolean hasColumns(Expression e) {
        Set<String> names = new HashSet<>();
        columns(e, names);
        return !names.isEmpty();
    }

    private static void columns(Expression e, Set<String> out) {
        if (e instanceof ColumnRef ref) {
            out.add(ref.name());
        }
        for (Expression child : ExpressionChildren.of(e)) {
            columns(child, out);
        }
    }

    private static SqlException error(String message) {
        return new SqlException(SqlErrorCode.INVALID_STATEMENT, message);
    }
}
