package io.runnel.sql.internal.analyzer;

import io.runnel.sql.SqlErrorCode;
import io.runnel.sql.SqlException;
import io.runnel.sql.internal.analyzer.QueryAnalyzer.NamedExpression;
import io.runnel.sql.internal.ast.Expression;
import io.runnel.sql.internal.ast.Expression.ColumnRef;
import io.runnel.sql.internal.ast.Position;
import io.runnel.sql.internal.ast.Query;
import io.runnel.sql.internal.ast.SelectItem;
import io.runnel.sql.internal.catalog.Column;
import io.runnel.sql.internal.catalog.TypeResolver;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The projection of a join, as ksqlDB names and keys it: select items expanded with join names
 * ({@code ALIAS_COLUMN}), and the join key taken out of the projection as the output key.
 */
final class JoinProjection {
    private static final java.util.Set<String> RESERVED_NAMES = QueryAnalyzer.RESERVED_NAMES;
    private static final List<RowSchema.Field> PSEUDO_COLUMNS = QueryAnalyzer.PSEUDO_COLUMNS;

    private final FunctionResolver functions;
    private final TypeResolver types;

    JoinProjection(FunctionResolver functions, TypeResolver types) {
        this.functions = functions;
        this.types = types;
    }

    /** A column reference qualified with the source that owns it (other expressions as they are). */
    static Expression qualified(Expression e, RowSchema input) {
        if (e instanceof ColumnRef ref && ref.qualifier().isEmpty()) {
            try {
                RowSchema.Field f = input.field(input.indexOf(ref.qualifier(), ref.name()));
                if (f.source().isPresent() && !f.source().get().equals(JoinAnalyzer.KEY_QUALIFIER)) {
                    return new ColumnRef(f.source(), ref.name(), ref.position());
                }
            } catch (SqlException ignored) {
                // resolved (and reported) when the expression is typed
            }
        }
        return e;
    }

    /**
     * The select items of a join with ksqlDB's names: {@code *} is every source's columns named
     * {@code ALIAS_COLUMN} (after a synthetic key column; a windowed source's window bounds
     * {@code ALIAS_WINDOWSTART} and {@code ALIAS_WINDOWEND} after its key columns), {@code a.*} one source's, and a column
     * reference keeps its name unless another source has a column of that name, when it becomes
     * {@code ALIAS_COLUMN}.
     */
    List<NamedExpression> expandJoinSelect(List<SelectItem> items, AnalyzedJoin join, RowSchema input,
                                           boolean rekeyed,
                                           java.util.function.Function<SelectItem, List<NamedExpression>> others) {
        List<NamedExpression> out = new ArrayList<>();
        int generated = 0;
        for (SelectItem item : items) {
            if (item instanceof SelectItem.AllColumns all) {
                if (all.source().isEmpty() && join.synthetic()) {
                    String key = join.keyFields().get(0).name();
                    out.add(new NamedExpression(key, new ColumnRef(Optional.empty(), key, all.position())));
                }
                boolean found = false;
                for (AnalyzedJoin.Source s : join.sources()) {
                    if (all.source().isPresent() && !all.source().get().equals(s.alias())) {
                        continue;
                    }
                    found = true;
                    List<String> names = new ArrayList<>();
                    if (rekeyed) {
                        // Re-keyed by PARTITION BY: value columns, pseudo columns, then key columns (ksqlDB's order).
                        s.source().columns().stream().filter(c -> !c.isKey()).forEach(c -> names.add(c.name()));
                        PSEUDO_COLUMNS.forEach(f -> names.add(f.name()));
                        s.source().columns().stream().filter(Column::isKey).forEach(c -> names.add(c.name()));
                    } else if (s.source().formats().window().isPresent()) {
                        // A windowed source: key columns, its window bounds, value columns (ksqlDB's order).
                        s.source().columns().stream().filter(Column::isKey).forEach(c -> names.add(c.name()));
                        names.add("WINDOWSTART");
                        names.add("WINDOWEND");
                        s.source().columns().stream().filter(c -> !c.isKey()).forEach(c -> names.add(c.name()));
                    } else {
                        s.source().columns().forEach(c -> names.add(c.name()));
                    }
                    for (String name : names) {
                        out.add(new NamedExpression(s.alias() + "_" + name,
                                new ColumnRef(Optional.of(s.alias()), name, all.position())));
                    }
                }
                if (!found) {
                    throw QueryAnalyzer.error(all, "'" + all.source().get() + "' is not a valid stream/table name or alias.");
                }
            } else if (item instanceof SelectItem.SingleColumn c && c.alias().isEmpty()
                    && c.expression() instanceof ColumnRef ref) {
                if (RESERVED_NAMES.contains(ref.name()) && ref.qualifier().isEmpty()) {
                    throw QueryAnalyzer.error(c, "Reserved column name in select: `" + ref.name() + "`. Please remove or alias the column.");
                }
                out.add(new NamedExpression(joinColumnName(ref, join, input), ref));
            } else {
                List<NamedExpression> one = others.apply(item);
                for (NamedExpression e : one) {
                    out.add(e.name().startsWith("KSQL_COL_") ? new NamedExpression("KSQL_COL_" + generated, e.expression()) : e);
                    if (e.name().startsWith("KSQL_COL_")) {
                        generated++;
                    }
                }
            }
        }
        return out;
    }

    /** A column reference's name in a join's result: ALIAS_COLUMN when several sources have the column. */
    private static String joinColumnName(ColumnRef ref, AnalyzedJoin join, RowSchema input) {
        int index;
        try {
            index = input.indexOf(ref.qualifier(), ref.name());
        } catch (SqlException e) {
            throw e.withPosition(ref.position().line(), ref.position().column());
        }
        RowSchema.Field field = input.field(index);
        if (field.source().isEmpty() || field.source().get().equals(JoinAnalyzer.KEY_QUALIFIER)) {
            return field.name();
        }
        int owners = 0;
        for (AnalyzedJoin.Source s : join.sources()) {
            if (s.source().findColumn(ref.name()).isPresent() || RESERVED_NAMES.contains(ref.name())) {
                owners++;
            }
        }
        return owners > 1 ? field.source().get() + "_" + field.name() : field.name();
    }

    /**
     * Takes the join key out of the projection: the first item selecting a key candidate (a join
     * column, or the synthetic key) becomes the key column, bound to the record key; the rest stay
     * values. With ksqlDB's messages when the key is missing or selected twice.
     */
    List<NamedExpression> takeJoinKey(Query query, AnalyzedJoin join, RowSchema input,
                                              List<NamedExpression> projection, String sinkName,
                                              List<AnalyzedQuery.Projection> keys) {
        // The first candidate (left source first) the projection selects is the key.
        int[] indexes = new int[projection.size()];
        for (int i = 0; i < indexes.length; i++) {
            indexes[i] = -2;
            if (projection.get(i).expression() instanceof ColumnRef ref) {
                try {
                    indexes[i] = input.indexOf(ref.qualifier(), ref.name());
                } catch (SqlException e) {
                    indexes[i] = -2;
                }
            }
        }
        int keyIndex = -1;
        for (int candidate : join.keyCandidates()) {
            if (keyIndex < 0 && java.util.Arrays.stream(indexes).anyMatch(i -> i == candidate)) {
                keyIndex = candidate;
            }
        }
        List<NamedExpression> keyItems = new ArrayList<>();
        List<NamedExpression> values = new ArrayList<>();
        for (int i = 0; i < indexes.length; i++) {
            (indexes[i] == keyIndex ? keyItems : values).add(projection.get(i));
        }
        Position p = query.position();
        if (keyItems.isEmpty()) {
            String first = join.candidateSql().get(0);
            String message = "The query used to build `" + sinkName + "` must include the join expression"
                    + (join.candidateSql().size() > 1 ? "s " : " ") + String.join(" or ", join.candidateSql())
                    + " in its projection (eg, SELECT " + first + "...).";
            if (join.synthetic()) {
                message = "Key missing from projection (ie, SELECT). See https://cnfl.io/2LV7ouS.\n" + message + "\n"
                        + first + " was added as a synthetic key column because the join criteria did not match any "
                        + "source column. This expression must be included in the projection and may be aliased.";
            }
            throw new SqlException(SqlErrorCode.INVALID_STATEMENT, p.line(), p.column(), message);
        }
        if (keyItems.size() > 1) {
            RowSchema.Field f = input.field(keyIndex);
            String column = f.source().isEmpty() ? f.name() : f.source().get() + "_" + f.name();
            throw QueryAnalyzer.error(keyItems.get(1).expression(), "The projection contains a key column (`" + column
                    + "`) more than once, aliased as: " + String.join(" and ",
                    keyItems.stream().map(NamedExpression::name).sorted().toList()) + ".");
        }
        RowSchema.Field keyField = join.keyFields().get(0);
        NamedExpression keyItem = keyItems.get(0);
        ColumnRef keyRef = new ColumnRef(keyField.source(), keyField.name(), keyItem.expression().position());
        RowSchema.Field selected = input.field(keyIndex);
        if (TypeRules.containsMap(selected.type())) {
            // ksqlDB names the key by its join column (ALIAS_COLUMN) here.
            String column = selected.source().isEmpty() ? selected.name() : selected.source().get() + "_" + selected.name();
            throw new SqlException(SqlErrorCode.INVALID_STATEMENT, p.line(), p.column(), TypeRules.mapKeyMessage(column,
                    selected.type()));
        }
        keys.add(new AnalyzedQuery.Projection(keyItem.name(), ExpressionTyper.type(keyRef, input, functions, types)));
        return values;
    }
}
