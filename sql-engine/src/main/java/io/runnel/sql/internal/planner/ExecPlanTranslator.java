package io.runnel.sql.internal.planner;

import io.runnel.sql.internal.analyzer.AnalyzedJoin;
import io.runnel.sql.internal.analyzer.AnalyzedQuery;
import io.runnel.sql.internal.analyzer.ExpressionTyper;
import io.runnel.sql.internal.analyzer.FunctionResolver;
import io.runnel.sql.internal.analyzer.RowSchema;
import io.runnel.sql.internal.analyzer.TypedExpression;
import io.runnel.sql.internal.ast.Expression;
import io.runnel.sql.internal.ast.Position;
import io.runnel.sql.internal.ast.Query;
import io.runnel.sql.internal.ast.SourceKind;
import io.runnel.sql.internal.catalog.Catalog;
import io.runnel.sql.internal.catalog.SourceFormats;
import io.runnel.sql.internal.catalog.TypeResolver;
import io.runnel.sql.internal.plan.AggregateGrouping;
import io.runnel.sql.internal.plan.ExecNode;
import java.util.Map;
import java.util.Optional;
import java.util.function.IntUnaryOperator;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.Aggregate;
import org.apache.calcite.rel.core.Filter;
import org.apache.calcite.rel.core.Join;
import org.apache.calcite.rel.core.Project;
import org.apache.calcite.rel.core.TableScan;
import org.apache.calcite.rel.core.Values;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexNode;

/**
 * Turns an optimized Calcite plan into exec plan records, one method per relational node kind.
 * The plan decides where filters run and what they test; what the relational nodes do not carry
 * (join steps, aggregate calls, windows, output columns) comes from the analyzed query the plan
 * was made from. Node ids are {@code kind_position} counted from the source exactly as the
 * analyzed query's clauses are laid out (a filter that the optimizer removed keeps its number
 * unused), so the same query always gets the same names; a WHERE filter pushed below a join onto
 * its left stream is {@code filter_source_0}.
 *
 * <p>Filters become: over an aggregate, a {@link ExecNode.TableFilter} (HAVING); over a join's
 * left stream source, a {@link ExecNode.Filter}; else the WHERE filter, a {@link ExecNode.Filter}
 * over streams and a {@link ExecNode.TableFilter} over tables (non-matching rows become
 * tombstones). Their conditions become typed expressions over the exec row they are evaluated
 * on; a condition the optimizer did not change keeps the analyzed expression.
 */
final class ExecPlanTranslator {
    private final AnalyzedQuery query;
    private final FunctionResolver functions;
    private final RexBuilder rex;
    private final Originals originals;
    private final Ids ids;

    /** The conditions of the logical plan as translated, to recognise a condition left as it was. */
    record Originals(Optional<String> where, Optional<String> having) {
    }

    /** Which filter the optimizer found never TRUE: the exec plan filters there with FALSE. */
    enum AlwaysFalse { NONE, WHERE, HAVING }

    private final AlwaysFalse alwaysFalse;

    ExecPlanTranslator(AnalyzedQuery query, FunctionResolver functions, RexBuilder rex, Originals originals,
                       AlwaysFalse alwaysFalse) {
        this.query = query;
        this.functions = functions;
        this.rex = rex;
        this.originals = originals;
        this.alwaysFalse = alwaysFalse;
        this.ids = new Ids(query);
    }

    /** The exec plan writing the plan's rows to {@code topic}. */
    ExecNode.Sink translate(RelNode plan, String topic, SourceFormats formats, Optional<String> timestampColumn) {
        ExecNode body = node(plan, query.isAggregate(), false);
        ExecNode.Project project = new ExecNode.Project(ids.project, body, query.keys(), query.values(), query.output(),
                !query.partitionBy().isEmpty());
        return new ExecNode.Sink(ids.sink, project, topic, query.output(), formats, timestampColumn);
    }

    /**
     * @param aboveAggregate the node is above the query's aggregate (its filters are HAVING)
     * @param joinInput      the node is a join's input
     */
    private ExecNode node(RelNode rel, boolean aboveAggregate, boolean joinInput) {
        if (rel instanceof Project p) {
            return node(p.getInput(), aboveAggregate, joinInput);
        } else if (rel instanceof Filter f) {
            return filter(f, aboveAggregate, joinInput);
        } else if (rel instanceof Aggregate a) {
            return aggregate(a);
        } else if (rel instanceof Join j) {
            return join(j);
        } else if (rel instanceof TableScan s) {
            return source(s);
        } else if (rel instanceof Values) {
            throw new AlwaysFalseException(aboveAggregate ? AlwaysFalse.HAVING : AlwaysFalse.WHERE);
        }
        throw new UnsupportedShapeException("a relational node the exec plan does not have: " + rel.getRelTypeName());
    }

    private ExecNode.StreamSource source(TableScan scan) {
        SourceTable table = scan.getTable().unwrap(SourceTable.class);
        if (table == null) {
            throw new UnsupportedShapeException("a scan of something other than a source");
        }
        return new ExecNode.StreamSource(ids.source(table.position()), table.source());
    }

    private ExecNode join(Join join) {
        AnalyzedJoin analyzed = query.join().orElseThrow();
        ExecNode left = node(join.getLeft(), false, true);
        ExecNode right = node(join.getRight(), false, true);
        if (!(right instanceof ExecNode.StreamSource rightSource)) {
            throw new UnsupportedShapeException("a join whose right input is not a source");
        }
        int step = joinsBelow(join.getLeft());
        AnalyzedJoin.Step analyzedStep = analyzed.steps().get(step);
        int keyWidth = step == analyzed.steps().size() - 1 ? analyzed.keyFields().size()
                : analyzedStep.kind() == AnalyzedJoin.Kind.FOREIGN_KEY ? analyzed.first().keyColumns().size() : 1;
        return new ExecNode.Join(ids.join(step), left, rightSource, analyzedStep,
                new RowSchema(analyzed.rows().fields().subList(0, analyzedStep.leftWidth())), keyWidth);
    }

    private static int joinsBelow(RelNode node) {
        if (node instanceof Join j) {
            return 1 + joinsBelow(j.getLeft());
        }
        return node.getInputs().isEmpty() ? 0 : joinsBelow(node.getInput(0));
    }

    private ExecNode aggregate(Aggregate aggregate) {
        ExecNode input = node(aggregate.getInput(), false, false);
        return new ExecNode.Aggregate(ids.aggregate, input, query.groupBy(), query.aggregates(), query.window(),
                query.input(), query.aggregated().orElseThrow(),
                query.emit().filter(e -> e == Query.Emit.FINAL).isPresent(), AggregateGrouping.of(input, query.groupBy()));
    }

    private ExecNode filter(Filter filter, boolean aboveAggregate, boolean joinInput) {
        ExecNode input = node(filter.getInput(), aboveAggregate, joinInput);
        if (aboveAggregate) {
            TypedExpression predicate = alwaysFalse == AlwaysFalse.HAVING ? never(query.aggregated().orElseThrow())
                    : predicate(filter.getCondition(), query.aggregated().orElseThrow(), i -> i,
                    originals.having(), query.having());
            return new ExecNode.TableFilter(ids.having, input, predicate);
        }
        if (joinInput) {
            if (!(input instanceof ExecNode.StreamSource source) || !source.id().equals(ids.source(0))
                    || source.source().kind() != SourceKind.STREAM) {
                throw new UnsupportedShapeException("a filter below a join on other than its left stream source");
            }
            RowSchema row = query.join().orElseThrow().sources().get(0).row();
            return new ExecNode.Filter("filter_" + source.id(), input,
                    predicate(filter.getCondition(), row, i -> i, Optional.empty(), Optional.empty()));
        }
        TypedExpression predicate;
        if (alwaysFalse == AlwaysFalse.WHERE) {
            predicate = never(query.input());
        } else if (filter.getInput().getRowType().getFieldCount() == query.input().size()) {
            predicate = predicate(filter.getCondition(), query.input(), i -> i, originals.where(), query.where());
        } else {
            // Over the join's sources' rows: the exec row has the join key columns first.
            int keyWidth = query.join().orElseThrow(() -> new UnsupportedShapeException("a filter over a pruned row"))
                    .keyFields().size();
            predicate = predicate(filter.getCondition(), query.input(), i -> keyWidth + i, Optional.empty(),
                    Optional.empty());
        }
        return ExecNode.isTable(input) ? new ExecNode.TableFilter(ids.where, input, predicate)
                : new ExecNode.Filter(ids.where, input, predicate);
    }

    /**
     * The condition as a typed expression over {@code row}; the analyzed expression when the
     * condition is the one first translated from it, over the same row.
     */
    private TypedExpression predicate(RexNode condition, RowSchema row, IntUnaryOperator fieldOf,
                                      Optional<String> original, Optional<TypedExpression> analyzed) {
        if (original.isPresent() && analyzed.isPresent() && original.get().equals(condition.toString())) {
            return analyzed.get();
        }
        RexToExpression converter = new RexToExpression(rex, row, fieldOf);
        Expression expression = converter.convert(condition);
        TypedExpression typed = ExpressionTyper.type(expression, row, functions, new TypeResolver(Catalog.empty()));
        for (Map.Entry<Expression.ColumnRef, Integer> column : converter.columns().entrySet()) {
            if (typed.columnIndex(column.getKey()) != column.getValue()) {
                throw new UnsupportedShapeException("a column whose name reads another field: " + column.getKey());
            }
        }
        return typed;
    }

    private TypedExpression never(RowSchema row) {
        return ExpressionTyper.type(new Expression.BooleanLiteral(false, Position.UNKNOWN), row, functions,
                new TypeResolver(Catalog.empty()));
    }

    /** The optimizer found a filter never TRUE. */
    static final class AlwaysFalseException extends RuntimeException {
        private final AlwaysFalse where;

        AlwaysFalseException(AlwaysFalse where) {
            super("never true: " + where, null, false, false);
            this.where = where;
        }

        AlwaysFalse where() {
            return where;
        }
    }

    /**
     * Node ids as the analyzed query lays out its clauses: {@code source_0}, per JOIN
     * {@code source_n} and {@code join_m}, {@code filter_k} (WHERE), {@code aggregate_k},
     * {@code having_k}, {@code project_k}, {@code sink_k}.
     */
    private static final class Ids {
        private final java.util.List<String> sources = new java.util.ArrayList<>();
        private final java.util.List<String> joins = new java.util.ArrayList<>();
        private final String where;
        private final String aggregate;
        private final String having;
        private final String project;
        private final String sink;

        Ids(AnalyzedQuery query) {
            int position = 0;
            sources.add("source_" + position++);
            int steps = query.join().map(j -> j.steps().size()).orElse(0);
            for (int i = 0; i < steps; i++) {
                sources.add("source_" + position++);
                joins.add("join_" + position++);
            }
            where = "filter_" + position;
            if (query.where().isPresent()) {
                position++;
            }
            aggregate = "aggregate_" + position;
            if (query.isAggregate()) {
                position++;
            }
            having = "having_" + position;
            if (query.isAggregate() && query.having().isPresent()) {
                position++;
            }
            project = "project_" + position++;
            sink = "sink_" + position;
        }

        String source(int position) {
            return sources.get(position);
        }

        String join(int step) {
            return joins.get(step);
        }
    }
}
