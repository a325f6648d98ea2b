package io.runnel.sql.internal.planner;

import io.runnel.sql.internal.analyzer.AnalyzedJoin;
import io.runnel.sql.internal.analyzer.AnalyzedQuery;
import io.runnel.sql.internal.analyzer.RowSchema;
import io.runnel.sql.internal.analyzer.TypedExpression;
import io.runnel.sql.internal.ast.Expression;
import io.runnel.sql.internal.ast.Position;
import io.runnel.sql.internal.catalog.DataSource;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.rel.RelCollations;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.AggregateCall;
import org.apache.calcite.rel.core.JoinRelType;
import org.apache.calcite.rel.logical.LogicalAggregate;
import org.apache.calcite.rel.logical.LogicalFilter;
import org.apache.calcite.rel.logical.LogicalJoin;
import org.apache.calcite.rel.logical.LogicalProject;
import org.apache.calcite.rel.logical.LogicalTableScan;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexUtil;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.util.ImmutableBitSet;

/**
 * Translates an analyzed query into a Calcite logical plan, in the order ksqlDB evaluates it:
 * <pre>
 * scan (one per source)
 *  → join per JOIN step (condition: an opaque "ON" call over both sides' join expressions)
 *  → project to the join's row (key columns, the sources' rows, the result's pseudo columns)
 *  → filter (WHERE)
 *  → project (GROUP BY values, aggregate arguments) → aggregate
 *    → project (adds WINDOWSTART, WINDOWEND when windowed) → filter (HAVING)
 *  → project (the output key and value columns)
 * </pre>
 * Every relational node's row type is the analyzer's row schema at that point, field for field,
 * so the analyzed expressions translate with their own column indexes.
 *
 * <p>Not translated ({@link UnsupportedShapeException}, the query is planned without Calcite): a
 * join whose left or right join expression reads no column of its side.
 */
final class LogicalPlanTranslator {
    private final RelOptCluster cluster;
    private final RelTypes types;
    private final RexTranslator translator;
    private final RexBuilder rex;

    LogicalPlanTranslator(RelOptCluster cluster, RelTypes types) {
        this.cluster = cluster;
        this.types = types;
        this.rex = cluster.getRexBuilder();
        this.translator = new RexTranslator(rex, types);
    }

    RelNode translate(AnalyzedQuery query) {
        RelNode node = query.join().isPresent() ? join(query.join().get()) : scan(query.source(), 0, query.input());
        if (query.where().isPresent()) {
            node = filter(node, query.where().get());
        }
        if (query.isAggregate()) {
            node = aggregate(node, query);
            if (query.having().isPresent()) {
                node = filter(node, query.having().get());
            }
        }
        List<RexNode> outputs = new ArrayList<>();
        List<String> names = new ArrayList<>();
        Set<String> taken = new HashSet<>();
        for (List<AnalyzedQuery.Projection> part : List.of(query.keys(), query.values())) {
            for (AnalyzedQuery.Projection p : part) {
                outputs.add(translator.translate(p.expression(), node.getRowType()));
                names.add(RelTypes.unique(p.name(), taken));
            }
        }
        return LogicalProject.create(node, List.of(), outputs, names, Set.of());
    }

    private RelNode scan(DataSource source, int position, RowSchema row) {
        RelDataType type = types.row(row);
        return LogicalTableScan.create(cluster, new SourceTable(source, position, type), List.of());
    }

    private RelNode filter(RelNode input, TypedExpression predicate) {
        return LogicalFilter.create(input, translator.translateCondition(predicate, input.getRowType()));
    }

    private RelNode join(AnalyzedJoin join) {
        AnalyzedJoin.Source first = join.sources().get(0);
        RelNode left = scan(first.source(), 0, first.row());
        for (int i = 0; i < join.steps().size(); i++) {
            AnalyzedJoin.Step step = join.steps().get(i);
            RelNode right = scan(step.right().source(), i + 1, step.right().row());
            RexNode leftKey = translator.translate(step.leftKey(), left.getRowType());
            RexNode rightKey = RexUtil.shift(translator.translate(step.rightKey(), right.getRowType()),
                    left.getRowType().getFieldCount());
            if (!RexUtil.containsInputRef(leftKey) || !RexUtil.containsInputRef(rightKey)) {
                throw new UnsupportedShapeException("a join expression that reads no column of its side");
            }
            Expression on = new Expression.Comparison(Expression.ComparisonOperator.EQUAL, step.leftKey().expression(),
                    step.rightKey().expression(), Position.UNKNOWN);
            RexNode condition = rex.makeCall(OpaqueFunction.joinCondition(on,
                    types.factory().createSqlType(SqlTypeName.BOOLEAN)), leftKey, rightKey);
            left = LogicalJoin.create(left, right, List.of(), condition, Set.of(), joinType(step));
        }
        // The join's row as the analyzer types expressions over it: key columns, sources' rows, pseudo columns.
        int width = join.rows().size();
        int leftWidth = join.steps().get(join.steps().size() - 1).leftWidth();
        if (join.input().size() != join.keyFields().size() + width + 3 || left.getRowType().getFieldCount() != width) {
            throw new UnsupportedShapeException("a join row laid out other than key, rows, pseudo columns");
        }
        RelDataType inputType = types.row(join.input());
        List<RexNode> fields = new ArrayList<>();
        for (int i = 0; i < join.input().size(); i++) {
            int row = i - join.keyFields().size();
            RelDataType type = inputType.getFieldList().get(i).getType();
            if (row >= 0 && row < width) {
                fields.add(rex.makeInputRef(left, row));
            } else {
                // Not a column of either side: pinned over both sides of the last join.
                RowSchema.Field field = join.input().field(i);
                fields.add(rex.makeCall(OpaqueFunction.placeholder(new Expression.ColumnRef(field.source(),
                        field.name(), Position.UNKNOWN), 2, type), rex.makeInputRef(left, 0),
                        rex.makeInputRef(left, leftWidth)));
            }
        }
        return LogicalProject.create(left, List.of(), fields, inputType.getFieldNames(), Set.of());
    }

    private static JoinRelType joinType(AnalyzedJoin.Step step) {
        return switch (step.type()) {
            case INNER -> JoinRelType.INNER;
            case LEFT -> JoinRelType.LEFT;
            case RIGHT -> JoinRelType.RIGHT;
            case FULL -> JoinRelType.FULL;
        };
    }

    private RelNode aggregate(RelNode input, AnalyzedQuery query) {
        List<RexNode> exprs = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (int i = 0; i < query.groupBy().size(); i++) {
            exprs.add(translator.translate(query.groupBy().get(i), input.getRowType()));
            names.add("GROUPBY_" + i);
        }
        List<List<Integer>> arguments = new ArrayList<>();
        for (int c = 0; c < query.aggregates().size(); c++) {
            AnalyzedQuery.AggregateCall call = query.aggregates().get(c);
            List<Integer> args = new ArrayList<>();
            for (int a = 0; a < call.function().columnCount(); a++) {
                args.add(exprs.size());
                exprs.add(translator.translate(call.arguments().get(a), input.getRowType()));
                names.add("ARG_" + c + "_" + a);
            }
            arguments.add(args);
        }
        RelNode projected = LogicalProject.create(input, List.of(), exprs, names, Set.of());
        RowSchema aggregated = query.aggregated().orElseThrow();
        RelDataType aggregatedType = types.row(aggregated);
        List<AggregateCall> calls = new ArrayList<>();
        for (int c = 0; c < query.aggregates().size(); c++) {
            AnalyzedQuery.AggregateCall call = query.aggregates().get(c);
            RelDataType type = aggregatedType.getFieldList().get(query.groupBy().size() + c).getType();
            calls.add(AggregateCall.create(new OpaqueAggregate(call, type), false, false, false, List.of(),
                    arguments.get(c), -1, null, RelCollations.EMPTY, type,
                    aggregatedType.getFieldList().get(query.groupBy().size() + c).getName()));
        }
        RelNode node = LogicalAggregate.create(projected, List.of(), ImmutableBitSet.range(query.groupBy().size()),
                null, calls);
        int width = query.groupBy().size() + query.aggregates().size();
        if (aggregated.size() == width) {
            return node;
        }
        List<RexNode> fields = new ArrayList<>();
        for (int i = 0; i < aggregated.size(); i++) {
            if (i < width) {
                fields.add(rex.makeInputRef(node, i));
            } else {
                RowSchema.Field field = aggregated.field(i);
                RelDataType type = aggregatedType.getFieldList().get(i).getType();
                fields.add(rex.makeCall(OpaqueFunction.placeholder(new Expression.ColumnRef(field.source(),
                        field.name(), Position.UNKNOWN), 0, type), List.of()));
            }
        }
        return LogicalProject.create(node, List.of(), fields, aggregatedType.getFieldNames(), Set.of());
    }
}
