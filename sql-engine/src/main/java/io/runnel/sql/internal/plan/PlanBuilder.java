package io.runnel.sql.internal.plan;

import io.runnel.sql.SqlErrorCode;
import io.runnel.sql.SqlException;
import io.runnel.sql.internal.analyzer.AnalyzedJoin;
import io.runnel.sql.internal.analyzer.AnalyzedQuery;
import io.runnel.sql.internal.analyzer.RowSchema;
import io.runnel.sql.internal.ast.SourceKind;
import io.runnel.sql.internal.catalog.SourceFormats;

/**
 * Turns an analyzed query into an exec plan. Node ids are {@code kind_position}, counted from the
 * source, so the same query always gets the same names. Stream sources, with or without
 * aggregation (tumbling and hopping windows); table sources as streams of changes (filter,
 * projection) and grouped with undo-capable aggregates; tumbling, hopping and session windows;
 * windowed sources (their window is kept); joins: {@code source_0}, then per JOIN the right
 * source ({@code source_n}) and an {@link ExecNode.Join} ({@code join_m}) over the left node and
 * that source. Joins of windowed sources, and grouping or re-keying a windowed source, are
 * rejected with a clear error until their nodes land.
 */
public final class PlanBuilder {

    private PlanBuilder() {
    }

    /**
     * The plan writing the query's result to {@code topic}; the sink's root node is returned.
     * {@code timestampColumn}: the output column records take their time from, if any.
     */
    public static ExecNode.Sink build(AnalyzedQuery query, String topic, SourceFormats formats,
                                      java.util.Optional<String> timestampColumn) {
        boolean table = query.resultKindOfInput() == SourceKind.TABLE;
        if (table && query.isAggregate()) {
            requireUndo(query);
        }
        if (query.source().formats().window().isPresent() && (query.isAggregate() || !query.partitionBy().isEmpty())) {
            throw unsupported("GROUP BY or PARTITION BY over windowed sources");
        }
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
                    query.emit().filter(e -> e == io.runnel.sql.internal.ast.Query.Emit.FINAL).isPresent());
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
