package io.runnel.sql.internal.plan;

import io.runnel.sql.internal.analyzer.TypedExpression;
import io.runnel.sql.internal.ast.Expression;
import io.runnel.sql.internal.catalog.Column;
import java.util.ArrayList;
import java.util.List;

/**
 * The planner's choice of how an aggregation's records reach their group
 * ({@link ExecNode.Aggregate.Grouping}), made once when the plan is built and stored with it: a
 * replayed plan keeps the choice it was started with (and so its repartition topic, or its
 * absence) whatever this rule says later.
 */
public final class AggregateGrouping {
    private AggregateGrouping() {
    }

    /**
     * {@link ExecNode.Aggregate.Grouping#SOURCE_KEY} when a stream aggregation groups by its
     * source's key columns, in key order, over the source's records as read (a stream source and
     * its filters; not a windowed source, whose keys carry windows): then each record's key
     * already is its group's key. Otherwise (tables, joins, projections, other groupings)
     * {@link ExecNode.Aggregate.Grouping#REPARTITION}.
     *
     * @param input   the aggregation's input node
     * @param groupBy its GROUP BY expressions, typed over the input's rows
     */
    public static ExecNode.Aggregate.Grouping of(ExecNode input, List<TypedExpression> groupBy) {
        return groupsBySourceKey(input, groupBy) ? ExecNode.Aggregate.Grouping.SOURCE_KEY
                : ExecNode.Aggregate.Grouping.REPARTITION;
    }

    private static boolean groupsBySourceKey(ExecNode input, List<TypedExpression> groupBy) {
        if (ExecNode.isTable(input)) {
            return false;
        }
        ExecNode node = input;
        while (node instanceof ExecNode.Filter f) {
            node = f.input();
        }
        if (!(node instanceof ExecNode.StreamSource s) || s.source().formats().window().isPresent()) {
            return false;
        }
        List<Column> columns = s.source().columns();
        List<Integer> keyIndices = new ArrayList<>();
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).isKey() && columns.get(i).role() != Column.Role.HEADERS) {
                keyIndices.add(i);
            }
        }
        if (keyIndices.isEmpty() || keyIndices.size() != groupBy.size()) {
            return false;
        }
        for (int i = 0; i < keyIndices.size(); i++) {
            TypedExpression g = groupBy.get(i);
            if (!(g.expression() instanceof Expression.ColumnRef) || !g.isBound(g.expression())
                    || g.columnIndex(g.expression()) != keyIndices.get(i)) {
                return false;
            }
        }
        return true;
    }
}
