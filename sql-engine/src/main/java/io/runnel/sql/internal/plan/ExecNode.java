package io.runnel.sql.internal.plan;

import io.runnel.sql.internal.analyzer.AnalyzedJoin;
import io.runnel.sql.internal.analyzer.AnalyzedQuery;
import io.runnel.sql.internal.analyzer.LogicalSchema;
import io.runnel.sql.internal.analyzer.RowSchema;
import io.runnel.sql.internal.analyzer.TypedExpression;
import io.runnel.sql.internal.ast.WindowExpression;
import io.runnel.sql.internal.catalog.DataSource;
import io.runnel.sql.internal.catalog.SourceFormats;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One step of a query's plan. Each kind is a record; the topology builder has one method per
 * kind, so a new kind is a compile error where it matters.
 */
public sealed interface ExecNode {

    /** A name unique in the plan, e.g. {@code source_0}, {@code filter_1}. */
    String id();

    /** The source node of a plan that reads one source (a plan with a join reads several: {@link #sourcesOf}). */
    static StreamSource sourceOf(ExecNode node) {
        List<StreamSource> sources = sourcesOf(node);
        if (sources.size() != 1) {
            throw new IllegalStateException("the plan reads " + sources.size() + " sources: " + node.id());
        }
        return sources.get(0);
    }

    /** Every source node a plan reads, left to right. */
    static List<StreamSource> sourcesOf(ExecNode node) {
        if (node instanceof StreamSource s) {
            return List.of(s);
        } else if (node instanceof Filter f) {
            return sourcesOf(f.input());
        } else if (node instanceof TableFilter f) {
            return sourcesOf(f.input());
        } else if (node instanceof Aggregate a) {
            return sourcesOf(a.input());
        } else if (node instanceof Project p) {
            return sourcesOf(p.input());
        } else if (node instanceof Sink s) {
            return sourcesOf(s.input());
        } else if (node instanceof Join j) {
            List<StreamSource> all = new java.util.ArrayList<>(sourcesOf(j.left()));
            all.add(j.right());
            return List.copyOf(all);
        }
        throw new IllegalStateException("exec node kind not handled: " + node.getClass().getSimpleName());
    }

    /** True when the node's rows are a table's changes (a table source, or a join of tables). */
    static boolean isTable(ExecNode node) {
        if (node instanceof StreamSource s) {
            return s.source().kind() == io.runnel.sql.internal.ast.SourceKind.TABLE;
        } else if (node instanceof Join j) {
            return j.step().resultKind() == io.runnel.sql.internal.ast.SourceKind.TABLE;
        } else if (node instanceof Filter f) {
            return isTable(f.input());
        } else if (node instanceof TableFilter f) {
            return isTable(f.input());
        } else if (node instanceof Aggregate) {
            return true;
        } else if (node instanceof Project p) {
            return isTable(p.input());
        } else if (node instanceof Sink s) {
            return isTable(s.input());
        }
        throw new IllegalStateException("exec node kind not handled: " + node.getClass().getSimpleName());
    }

    /**
     * Joins the rows of {@code left} (a source, or an earlier join) with the rows of source
     * {@code right} as one JOIN step says: each side is laid out as its joined value (a source's
     * row: columns, ROWTIME, ROWPARTITION, ROWOFFSET), re-keyed by its join expression when the
     * step says so, and joined by key; the result's value is the left value then the right
     * value (a side without a match all NULL), its key the join key ({@code keyWidth} columns: one,
     * or the left table's key columns of a foreign-key join).
     */
    record Join(String id, ExecNode left, StreamSource right, AnalyzedJoin.Step step, RowSchema leftRows,
                int keyWidth) implements ExecNode {
        public Join {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(left, "left");
            Objects.requireNonNull(right, "right");
            Objects.requireNonNull(step, "step");
            Objects.requireNonNull(leftRows, "leftRows");
        }

        /** The width of this join's value: the left value's fields and the right source row's. */
        public int width() {
            return leftRows.size() + step.right().row().size();
        }
    }

    /**
     * Reads a stream's or table's topic as keyed rows, in the source's own column layout; for a
     * table each record is a change (a null value deletes its key).
     */
    record StreamSource(String id, DataSource source) implements ExecNode {
        public StreamSource {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(source, "source");
        }
    }

    /** Keeps the records for which the predicate, over the source row, is TRUE. */
    record Filter(String id, ExecNode input, TypedExpression predicate) implements ExecNode {
        public Filter {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(input, "input");
            Objects.requireNonNull(predicate, "predicate");
        }
    }

    /**
     * Computes the output key and value columns from the source row (a new key when the query
     * partitions by expressions or drops the key). With {@code partitionBy} (PARTITION BY
     * expressions) a record without a value gets a NULL key, as in ksqlDB.
     */
    record Project(String id, ExecNode input, List<AnalyzedQuery.Projection> keys,
                   List<AnalyzedQuery.Projection> values, LogicalSchema schema, boolean partitionBy)
            implements ExecNode {
        public Project {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(input, "input");
            keys = List.copyOf(keys);
            values = List.copyOf(values);
            Objects.requireNonNull(schema, "schema");
        }

        /** A projection that keeps or computes the key without PARTITION BY. */
        public Project(String id, ExecNode input, List<AnalyzedQuery.Projection> keys,
                       List<AnalyzedQuery.Projection> values, LogicalSchema schema) {
            this(id, input, keys, values, schema, false);
        }
    }

    /**
     * Groups the source rows by the GROUP BY values and aggregates them (per window when
     * windowed); emits, for every input record, the updated aggregated row of its group: GROUP BY
     * values, aggregate results, then WINDOWSTART and WINDOWEND when windowed. With
     * {@code emitFinal} (EMIT FINAL, windowed only) a window's row is emitted once, when it closes.
     * {@code grouping} says how a stream's records reach their group, decided once by the planner
     * ({@link AggregateGrouping}) and stored with the plan, so a replayed plan keeps its topics.
     */
    record Aggregate(String id, ExecNode input, List<TypedExpression> groupBy,
                     List<AnalyzedQuery.AggregateCall> aggregates, Optional<WindowExpression> window,
                     RowSchema inputSchema, RowSchema aggregated, boolean emitFinal, Grouping grouping)
            implements ExecNode {
        public Aggregate {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(input, "input");
            groupBy = List.copyOf(groupBy);
            aggregates = List.copyOf(aggregates);
            Objects.requireNonNull(window, "window");
            Objects.requireNonNull(inputSchema, "inputSchema");
            Objects.requireNonNull(aggregated, "aggregated");
            Objects.requireNonNull(grouping, "grouping");
        }

        /** How the records of a stream aggregation reach their group (a table's aggregation always re-groups). */
        public enum Grouping {
            /**
             * Re-keyed by the GROUP BY values through a repartition topic
             * ({@code queryId.nodeId.groupby-repartition}): {@code groupBy}. What every plan that
             * does not say otherwise does (plans stored before the choice was recorded).
             */
            REPARTITION,
            /**
             * Already keyed (and partitioned) by their group: the GROUP BY is the source's key
             * columns in key order. {@code groupByKey}, no repartition topic (as in ksqlDB).
             */
            SOURCE_KEY
        }
    }

    /** A table's filter (HAVING): a row that fails it becomes a tombstone of its key. */
    record TableFilter(String id, ExecNode input, TypedExpression predicate) implements ExecNode {
        public TableFilter {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(input, "input");
            Objects.requireNonNull(predicate, "predicate");
        }
    }

    /**
     * Writes keyed rows to a topic with the sink's formats (and window, for windowed keys); with a
     * {@code timestampColumn} (the sink's TIMESTAMP property) each record takes its time from that
     * output column.
     */
    record Sink(String id, ExecNode input, String topic, LogicalSchema schema, SourceFormats formats,
                Optional<String> timestampColumn) implements ExecNode {
        public Sink {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(input, "input");
            Objects.requireNonNull(topic, "topic");
            Objects.requireNonNull(schema, "schema");
            Objects.requireNonNull(formats, "formats");
            Objects.requireNonNull(timestampColumn, "timestampColumn");
        }
    }
}
