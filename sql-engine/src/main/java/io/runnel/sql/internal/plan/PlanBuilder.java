package io.runnel.sql.internal.plan;

import io.runnel.sql.SqlErrorCode;
import io.runnel.sql.SqlException;
import io.runnel.sql.internal.analyzer.AnalyzedJoin;
import io.runnel.sql.internal.analyzer.AnalyzedQuery;
import io.runnel.sql.internal.analyzer.FunctionResolver;
import io.runnel.sql.internal.analyzer.RowSchema;
import io.runnel.sql.internal.ast.SourceKind;
import io.runnel.sql.internal.catalog.SourceFormats;
import io.runnel.sql.internal.planner.CalcitePlanner;

/**
 * Turns an analyzed query into an exec plan. Every query goes through the Calcite phase
 * ({@link CalcitePlanner}: logical plan, optimizer phases, exec plan records); a query whose shape
 * that phase does not translate (see {@link io.runnel.sql.internal.planner.LogicalPlanTranslator}
 * and {@link Planned#fallback()}) is planned directly from the analyzed query, clause by clause.
 * Node ids are {@code kind_position}, counted from the source, so the same query always gets the
 * same names. Stream sources, with or without aggregation (tumbling and hopping windows); table
 * sources as streams of changes (filter, projection) and grouped with undo-capable aggregates;
 * tumbling, hopping and session windows; windowed sources (their window is kept); joins:
 * {@code source_0}, then per JOIN the right source ({@code source_n}) and an
 * {@link ExecNode.Join} ({@code join_m}) over the left node and that source. Joins of windowed
 * sources, and grouping or re-keying a windowed source, are rejected with a clear error until
 * their nodes land.
 */
public final class PlanBuilder {
    private static final System.Logger LOG = System.getLogger(PlanBuilder.class.getName());

    private PlanBuilder() {
    }

    /**
     * A planned query.
     *
     * @param plan      the exec plan (its sink)
     * @param logical   the Calcite logical plan as translated (empty when planned without Calcite)
     * @param optimized the Calcite plan after the optimizer (empty when planned without Calcite)
     * @param fallback  why the query was planned without Calcite, if it was
     */
    public record Planned(ExecNode.Sink plan, java.util.Optional<String> logical,
                          java.util.Optional<String> optimized, java.util.Optional<String> fallback) {
        public Planned {
            java.util.Objects.requireNonNull(plan, "plan");
            java.util.Objects.requireNonNull(logical, "logical");
            java.util.Objects.requireNonNull(optimized, "optimized");
            java.util.Objects.requireNonNull(fallback, "fallback");
        }

        /** The Calcite plans before and after optimization, as EXPLAIN shows them (empty without Calcite). */
        public String calcitePlans() {
            if (logical.isEmpty()) {
                return fallback.map(f -> "Planned without Calcite: " + f + "\n").orElse("");
            }
            return "Logical plan (Calcite):\n" + logical.get() + "Optimized plan (Calcite):\n"
                    + optimized.orElseThrow();
        }
    }

    /**
     * The plan writing the query's result to {@code topic}; the sink's root node is returned.
     * {@code timestampColumn}: the output column records take their time from, if any;
     * {@code functions} resolves the functions of expressions the optimizer rewrote.
     */
    public static ExecNode.Sink build(AnalyzedQuery query, String topic, SourceFormats formats,
                                      java.util.Optional<String> timestampColumn, FunctionResolver functions) {
        return plan(query, topic, formats, timestampColumn, functions).plan();
    }

    /** As {@link #build}, with the Calcite plans for EXPLAIN. */
    public static Planned plan(AnalyzedQuery query, String topic, SourceFormats formats,
                               java.util.Optional<String> timestampColumn, FunctionResolver functions) {
        boolean table = query.resultKindOfInput() == SourceKind.TABLE;
        if (table && query.isAggregate()) {
            requireUndo(query);
        }
        if (query.source().formats().window().isPresent() && (query.isAggregate() || !query.partitionBy().isEmpty())) {
            throw unsupported("GROUP BY or PARTITION BY over windowed sources");
        }
        try {
            CalcitePlanner.Planned planned = CalcitePlanner.plan(query, topic, formats, timestampColumn, functions);
            return new Planned(planned.plan(), java.util.Optional.of(planned.logical()),
                    java.util.Optional.of(planned.optimized()), java.util.Optional.empty());
        } catch (CalcitePlanner.NotTranslatedException e) {
            LOG.log(System.Logger.Level.INFO, "planned without Calcite: {0}", e.getMessage());
            return new Planned(direct(query, topic, formats, timestampColumn), java.util.Optional.empty(),
                    java.util.Optional.empty(), java.util.Optional.of(e.getMessage()));
        }
    }

    /**
     * The plan made clause by clause from the analyzed query, without the optimizer: the fallback
     * for shapes the Calcite phase does not translate, and what tests compare optimized plans with.
     */
    public static ExecNode.Sink direct(AnalyzedQuery query, String topic, SourceFormats formats,
                                java.util.Optional<String> timestampColumn) {
        boolean table = query.resultKindOfInput() == SourceKind.TABLE;
        int position = 0;
        ExecNode node = new ExecNode.StreamSource("source_" + position++, query.source());
        if (query.join().isPresent()) {
            AnalyzedJoin join = query.join().get();
            for (int i = 0; i < join.steps().size(); i++) {
                AnalyzedJoin.Step step = join.steps().get(i);
                ExecNode.StreamSource right = new ExecNode.StreamSource("source_" + position++, step.right().source());
                int keyWidth = i == join.steps().size() - 1 ? join.keyFields().size()
                        : step.kind() == AnalyzedJoin.Kind.FOREIGN_KEY ? join.first().keyColumns().size() : 1;
                node = new ExecNode.Join("join_" + position++, node, right, step,
                        new RowSchema(join.rows().fields().subList(0, step.leftWidth())), keyWidth);
            }
        }
        if (query.where().isPresent()) {
            // A table's rows that stop matching become tombstones; a stream's are dropped.
            node = table ? new ExecNode.TableFilter("filter_" + position++, node, query.where().get())
                    : new ExecNode.Filter("filter_" + position++, node, query.where().get());
        }
        if (query.isAggregate()) {
            node = new ExecNode.Aggregate("aggregate_" + position++, node, query.groupBy(), query.aggregates(),
                    query.window(), query.input(), query.aggregated().orElseThrow(),
                    query.emit().filter(e -> e == io.runnel.sql.internal.ast.Query.Emit.FINAL).isPresent(),
                    AggregateGrouping.of(node, query.groupBy()));
            if (query.having().isPresent()) {
                node = new ExecNode.TableFilter("having_" + position++, node, query.having().get());
            }
        }
        node = new ExecNode.Project("project_" + position++, node, query.keys(), query.values(), query.output(),
                !query.partitionBy().isEmpty());
        return new ExecNode.Sink("sink_" + position, node, topic, query.output(), formats, timestampColumn);
    }

    /** A table's aggregate takes old values back out, so every aggregate needs an undo (ksqlDB's rule). */
    private static void requireUndo(AnalyzedQuery query) {
        java.util.LinkedHashSet<String> without = new java.util.LinkedHashSet<>();
        for (AnalyzedQuery.AggregateCall call : query.aggregates()) {
            if (!call.function().supportsUndo()) {
                without.add(call.function().name());
            }
        }
        if (without.isEmpty()) {
            return;
        }
        java.util.List<String> names = new java.util.ArrayList<>(without);
        String list = names.size() == 1 ? names.get(0)
                : String.join(", ", names.subList(0, names.size() - 1)) + " and " + names.get(names.size() - 1);
        throw new SqlException(SqlErrorCode.INVALID_STATEMENT, "The aggregation function" + (names.size() > 1 ? "s " : " ")
                + list + (names.size() > 1 ? " cannot" : " cannot") + " be applied to a table source, only to a stream source.");
    }

    private static SqlException unsupported(String what) {
        return new SqlException(SqlErrorCode.UNSUPPORTED_FEATURE, "Persistent queries with " + what
                + " are not supported yet");
    }
}
