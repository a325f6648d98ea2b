package io.runnel.sql.internal.analyzer;

import io.runnel.sql.internal.ast.Query;
import io.runnel.sql.internal.ast.SourceKind;
import io.runnel.sql.internal.ast.WindowExpression;
import io.runnel.sql.internal.catalog.DataSource;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A SELECT with every name and type resolved: what the planner turns into a plan.
 *
 * <p>Rows flow through three schemas. {@code input}: the source's key columns, value columns and
 * pseudo columns (ROWTIME, ROWPARTITION, ROWOFFSET; WINDOWSTART and WINDOWEND for windowed
 * sources) — WHERE, GROUP BY, PARTITION BY and aggregate arguments are typed over it. In an
 * aggregate query, {@code aggregated}: the GROUP BY values, then the aggregate results, then
 * WINDOWSTART and WINDOWEND when windowed — HAVING and the projection are typed over it, with
 * GROUP BY expressions and aggregate calls bound to its columns. Finally {@code output}: the
 * result's key and value columns, each value column computed by one projection.
 *
 * @param source      the stream or table read
 * @param alias       the name the source's columns are qualified with
 * @param input       the input row schema
 * @param where       the filter over input rows
 * @param groupBy     the grouping expressions over input rows (empty: not grouped)
 * @param aggregates  the aggregate calls, arguments typed over input rows
 * @param window      the window of a windowed aggregation
 * @param aggregated  the row schema after aggregation (empty when not an aggregate query)
 * @param having      the filter over aggregated rows
 * @param partitionBy the re-keying expressions over input rows (empty: keep the key)
 * @param keys        how each output key column is computed (over input rows, or aggregated rows)
 * @param values      how each output value column is computed
 * @param output      the result's schema
 * @param resultKind  STREAM or TABLE
 * @param emit        EMIT CHANGES / FINAL, if given
 * @param limit       LIMIT, if given
 * @param join        the join the query reads (then {@code source} is its leftmost source and
 *                    {@code input} the joined rows), or empty for one source
 */
public record AnalyzedQuery(DataSource source, String alias, RowSchema input, Optional<TypedExpression> where,
                            List<TypedExpression> groupBy, List<AggregateCall> aggregates,
                            Optional<WindowExpression> window, Optional<RowSchema> aggregated,
                            Optional<TypedExpression> having, List<TypedExpression> partitionBy,
                            List<Projection> keys, List<Projection> values, LogicalSchema output,
                            SourceKind resultKind, Optional<Query.Emit> emit, OptionalInt limit,
                            Optional<AnalyzedJoin> join) {

    public AnalyzedQuery {
        Objects.requireNonNull(source, "source");
        groupBy = List.copyOf(groupBy);
        aggregates = List.copyOf(aggregates);
        partitionBy = List.copyOf(partitionBy);
        keys = List.copyOf(keys);
        values = List.copyOf(values);
        Objects.requireNonNull(join, "join");
    }

    /** What the query reads: its source's kind, or the kind of its join's result. */
    public SourceKind resultKindOfInput() {
        return join.map(AnalyzedJoin::resultKind).orElse(source.kind());
    }

    public boolean isAggregate() {
        return aggregated.isPresent();
    }

    /**
     * One output column: its name and the expression computing it. When {@code tableFunction},
     * the expression is a table function call (EXPLODE, ...) whose value is a list: the record
     * becomes one output row per element.
     */
    public record Projection(String name, TypedExpression expression, boolean tableFunction) {
        public Projection {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(expression, "expression");
        }

        public Projection(String name, TypedExpression expression) {
            this(name, expression, false);
        }
    }

    /** An aggregate function applied to arguments over input rows ({@code COUNT(*)}: none). */
    public record AggregateCall(FunctionResolver.ResolvedAggregate function, List<TypedExpression> arguments,
                                String sql) {
        public AggregateCall {
            Objects.requireNonNull(function, "function");
            arguments = List.copyOf(arguments);
        }
    }
}
