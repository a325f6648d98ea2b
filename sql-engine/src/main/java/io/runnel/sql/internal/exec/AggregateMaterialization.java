package io.runnel.sql.internal.exec;

import io.runnel.sql.internal.analyzer.AnalyzedQuery;
import io.runnel.sql.internal.analyzer.TypedExpression;
import io.runnel.sql.internal.ast.WindowExpression;
import io.runnel.sql.internal.plan.ExecNode;
import io.runnel.sql.internal.row.Row;
import io.runnel.state.Window;
import io.runnel.state.Windowed;
import java.util.List;
import java.util.Optional;

/**
 * The rows of a table written by an aggregation (CTAS ... GROUP BY), read from the aggregation's
 * own store, as ksqlDB answers pull queries: the store holds each group's (and window's)
 * aggregation states; a read maps a state to the table's row the way the query's operators map
 * an update: the aggregates' results, the HAVING filter (a group it rejects has no row), then the
 * projection. So the table is kept once (no second store of its rows, no second changelog) and
 * the query writes each update once.
 *
 * <p>Plans it serves: {@code Sink <- Project <- [TableFilter (HAVING)] <- Aggregate}, where the
 * aggregate has no window or a tumbling or hopping one, does not EMIT FINAL, the projection keeps
 * the GROUP BY values as the key in their order (as ksqlDB requires) without table functions or
 * PARTITION BY, and the sink takes no record time from a column. Other tables keep their rows in
 * a store of their own ({@link SinkMaterializer}).
 *
 * <p>Threading: {@link #row} is called by pull queries on any thread; the compiled expressions
 * and aggregate functions are used by one caller at a time.
 */
public final class AggregateMaterialization {
    private final String storeName;
    private final Optional<Long> windowSizeMs;
    private final Aggregation aggregation;
    private final RowLayout layout;
    private final Optional<Evaluator> having;
    private final Evaluator[] values;
    private final ProcessingLog log;
    private final String nodeId;

    /** One row of the table: its key columns and value columns, as the sink writes them. */
    public record TableRow(Row key, Row value) {
    }

    private AggregateMaterialization(String queryId, Chain chain, ProcessingLog log) {
        ExecNode.Aggregate aggregate = chain.aggregate();
        this.storeName = storeName(queryId, aggregate);
        this.windowSizeMs = aggregate.window().map(w -> w instanceof WindowExpression.Tumbling t ? t.size().toMillis()
                : ((WindowExpression.Hopping) w).size().toMillis());
        this.aggregation = new Aggregation(aggregate.aggregates(), log, aggregate.id());
        this.layout = new RowLayout.Aggregated(aggregate.groupBy().size(), aggregate.aggregates().size(),
                aggregate.window().isPresent());
        this.having = chain.having().map(f -> TopologyBuilder.compile(f.predicate(), log, f.id()));
        List<AnalyzedQuery.Projection> projected = chain.project().values();
        this.values = new Evaluator[projected.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = TopologyBuilder.compile(projected.get(i).expression(), log, chain.project().id());
        }
        this.log = log;
        this.nodeId = chain.project().id();
    }

    /** The aggregation's store of a query (as {@link TopologyBuilder} names it). */
    static String storeName(String queryId, ExecNode.Aggregate aggregate) {
        return queryId + "." + aggregate.id() + ".store";
    }

    /** Whether the table {@code sink} writes is read from its aggregation's store. */
    public static boolean serves(ExecNode.Sink sink) {
        return Chain.of(sink).isPresent();
    }

    /** How pull queries read the table {@code sink} writes from its aggregation's store; empty when they cannot. */
    public static Optional<AggregateMaterialization> of(String queryId, ExecNode.Sink sink, ProcessingLog log) {
        return Chain.of(sink).map(chain -> new AggregateMaterialization(queryId, chain, log));
    }

    /** The aggregation's store: a timestamped key-value store, or a timestamped window store when {@link #windowed()}. */
    public String storeName() {
        return storeName;
    }

    public boolean windowed() {
        return windowSizeMs.isPresent();
    }

    /** The size of the windows (their end is their start plus this); only when {@link #windowed()}. */
    public long windowSizeMs() {
        return windowSizeMs.orElseThrow(() -> new IllegalStateException("not windowed"));
    }

    /**
     * The table's row for a group's stored states, or empty when HAVING rejects the group.
     *
     * @param groupKey the GROUP BY values, as the store's key
     * @param window   the window of a windowed aggregation, else null
     * @param states   the aggregation states, as stored
     */
    public synchronized Optional<TableRow> row(Row groupKey, Window window, Row states) {
        Object key = window == null ? groupKey : new Windowed<>(groupKey, window);
        Object[] row = layout.fill(key, aggregation.results(states), 0, 0, -1);
        if (having.isPresent()) {
            Object keep;
            try {
                keep = having.get().evaluate(row);
            } catch (ExpressionEvaluationException e) {
                log.error(nodeId, e.getMessage(), e);
                return Optional.empty();
            }
            if (!Boolean.TRUE.equals(keep)) {
                return Optional.empty();
            }
        }
        return Optional.of(new TableRow(groupKey, Row.wrap(TopologyBuilder.evaluateAll(values, row, log, nodeId))));
    }

    /** The operators between an aggregation and its table's sink, when this class can replay them. */
    private record Chain(ExecNode.Aggregate aggregate, Optional<ExecNode.TableFilter> having, ExecNode.Project project) {

        static Optional<Chain> of(ExecNode.Sink sink) {
            if (!ExecNode.isTable(sink) || sink.timestampColumn().isPresent()
                    || !(sink.input() instanceof ExecNode.Project project) || project.partitionBy()
                    || project.values().stream().anyMatch(AnalyzedQuery.Projection::tableFunction)) {
                return Optional.empty();
            }
            Optional<ExecNode.TableFilter> having = Optional.empty();
            ExecNode below = project.input();
            if (below instanceof ExecNode.TableFilter f) {
                having = Optional.of(f);
                below = f.input();
            }
            if (!(below instanceof ExecNode.Aggregate aggregate) || aggregate.emitFinal()
                    || aggregate.window().filter(w -> w instanceof WindowExpression.Session).isPresent()
                    || !keepsGroupKey(project.keys(), aggregate.groupBy().size())) {
                return Optional.empty();
            }
            return Optional.of(new Chain(aggregate, having, project));
        }

        /** True when key column {@code i} is aggregated column {@code i} (the i-th GROUP BY value), for each. */
        private static boolean keepsGroupKey(List<AnalyzedQuery.Projection> keys, int groupBy) {
            if (keys.size() != groupBy || groupBy == 0) {
                return false;
            }
            for (int i = 0; i < groupBy; i++) {
                TypedExpression k = keys.get(i).expression();
                if (!k.isBound(k.expression()) || k.columnIndex(k.expression()) != i) {
                    return false;
                }
            }
            return true;
        }
    }
}
