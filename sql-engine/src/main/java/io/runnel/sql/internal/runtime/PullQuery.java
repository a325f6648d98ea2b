package io.runnel.sql.internal.runtime;

import io.runnel.common.Header;
import io.runnel.sql.SqlErrorCode;
import io.runnel.sql.SqlException;
import io.runnel.sql.engine.QueryColumn;
import io.runnel.sql.engine.QueryListener;
import io.runnel.sql.engine.StartedQuery;
import io.runnel.sql.internal.analyzer.AnalyzedQuery;
import io.runnel.sql.internal.ast.SourceKind;
import io.runnel.sql.internal.catalog.Column;
import io.runnel.sql.internal.catalog.DataSource;
import io.runnel.sql.internal.exec.Evaluator;
import io.runnel.sql.internal.exec.ExpressionCompiler;
import io.runnel.sql.internal.exec.ExpressionEvaluationException;
import io.runnel.sql.internal.exec.HeaderColumns;
import io.runnel.sql.internal.row.Row;
import io.runnel.sql.internal.serde.WindowedKey;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A pull query ({@code SELECT} without EMIT): reads the source's current rows from a
 * {@link PullRows} — for a table a running query materializes, its store, by key where the WHERE
 * clause fixes the keys ({@link KeyConstraints}), else by a scan of the store; for a stream or a
 * table over a topic, the topic from the beginning to its current end offsets ({@link TopicRows}).
 * Then the WHERE filter and the projection are evaluated on each row (also on rows read by key),
 * and LIMIT stops early. The query runs inside {@link io.runnel.sql.engine.SqlEngine#query} and
 * completes before it returns.
 */
final class PullQuery implements StartedQuery {
    private final String id;
    private final QueryShape shape;

    private PullQuery(String id, QueryShape shape) {
        this.id = id;
        this.shape = shape;
    }

    static void validate(AnalyzedQuery query) {
        if (query.join().isPresent()) {
            throw new SqlException(SqlErrorCode.INVALID_STATEMENT, "Pull queries don't support JOIN clauses. See "
                    + "https://cnfl.io/queries for more info.\nAdd EMIT CHANGES if you intended to issue a push query.");
        }
        if (query.isAggregate() || query.window().isPresent()) {
            throw new SqlException(SqlErrorCode.INVALID_STATEMENT, "Pull queries don't support GROUP BY clauses."
                    + " Add EMIT CHANGES to the query to make it a push query.");
        }
        if (!query.partitionBy().isEmpty()) {
            throw new SqlException(SqlErrorCode.INVALID_STATEMENT, "Pull queries don't support PARTITION BY clauses.");
        }
        if (query.values().stream().anyMatch(AnalyzedQuery.Projection::tableFunction)) {
            throw new SqlException(SqlErrorCode.UNSUPPORTED_FEATURE, "Pull queries don't support table functions yet.");
        }
    }

    /**
     * @param selectAll whether the query selects {@code *} (then a windowed source's bounds are columns too)
     * @param rows      where the source's rows are read
     */
    static PullQuery run(String id, AnalyzedQuery query, boolean selectAll, TransientSelect select, PullRows rows,
                         QueryListener listener) {
        validate(query);
        boolean windowColumns = selectAll && query.source().formats().window().isPresent();
        boolean table = query.source().kind() == SourceKind.TABLE;
        QueryShape shape = QueryShape.of(query, table, windowColumns, select);
        PullQuery q = new PullQuery(id, table && selectAll ? shape.withSourceHeaderColumns(query.source().columns())
                : shape);
        listener.onStart(id, q.shape.columns());
        try {
            q.execute(query, rows, listener);
        } catch (RuntimeException e) {
            listener.onError(e);
        }
        return q;
    }

    private void execute(AnalyzedQuery query, PullRows rows, QueryListener listener) {
        DataSource source = query.source();
        SourceCodec codec = SourceCodec.of(source);
        Optional<Evaluator> where = query.where().map(ExpressionCompiler::compile);
        List<Evaluator> keys = new ArrayList<>();
        query.keys().forEach(k -> keys.add(ExpressionCompiler.compile(k.expression())));
        List<Evaluator> values = new ArrayList<>();
        query.values().forEach(v -> values.add(ExpressionCompiler.compile(v.expression())));
        List<List<Evaluator>> projections = List.of(keys, values);
        long limit = query.limit().isPresent() ? query.limit().getAsInt() : Long.MAX_VALUE;
        long[] sent = {0};
        if (limit > 0) {
            rows.read(KeyConstraints.of(query), (key, value, timestamp, partition, offset, headers) ->
                    !emit(new Stored(source.topic(), key, value, timestamp, partition, offset, headers), source, codec, where,
                            projections, listener, sent, limit));
        }
        listener.onComplete(sent[0] >= limit ? "Limit Reached" : "Query Completed");
    }

    /** One row as read: its record's key and value bytes, time, partition, offset and headers. */
    private record Stored(String topic, byte[] key, byte[] value, long timestamp, int partition, long offset,
                          List<Header> headers) {
    }

    /** Emits the row if it passes the filter; whether the limit is reached. */
    private boolean emit(Stored r, DataSource source, SourceCodec codec,
                         Optional<Evaluator> where, List<List<Evaluator>> projections, QueryListener listener, long[] sent,
                         long limit) {
        if (sent[0] >= limit) {
            return true;
        }
        WindowedKey key;
        Row value;
        try {
            key = codec.key(r.topic(), r.key());
            value = codec.value(r.topic(), r.value());
        } catch (RuntimeException e) {
            return false;
        }
        if (value == null) {
            return false;
        }
        Object[] input = inputRow(source, key, value, r, codec.windowed());
        try {
            if (where.isPresent() && !Boolean.TRUE.equals(where.get().evaluate(input))) {
                return false;
            }
            Object[] out = shape.row(evaluate(projections.get(0), input), key == null ? null : key.start(),
                    key == null ? null : key.end(), evaluate(projections.get(1), input));
            listener.onRow(OutputValues.row(out));
        } catch (ExpressionEvaluationException e) {
            return false;
        }
        sent[0]++;
        return sent[0] >= limit;
    }

    private static Object[] evaluate(List<Evaluator> evaluators, Object[] input) {
        Object[] out = new Object[evaluators.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = evaluators.get(i).evaluate(input);
        }
        return out;
    }

    /**
     * The analyzer's input row: the columns in declared order, ROWTIME, ROWPARTITION, ROWOFFSET,
     * window bounds. Header columns are read from the record's headers, as a query over the
     * source's topic reads them (a HEADERS column of a record without headers is an empty array).
     */
    private static Object[] inputRow(DataSource source, WindowedKey key, Row value, Stored r,
                                     boolean windowed) {
        List<Column> columns = source.columns();
        Object[] row = new Object[columns.size() + 3 + (windowed ? 2 : 0)];
        int k = 0;
        int v = 0;
        for (int i = 0; i < columns.size(); i++) {
            Column c = columns.get(i);
            if (c.isKey()) {
                Row keyRow = key == null ? null : key.key();
                row[i] = keyRow == null || k >= keyRow.size() ? null : keyRow.get(k);
                k++;
            } else if (c.role() == Column.Role.VALUE) {
                row[i] = v < value.size() ? value.get(v) : null;
                v++;
            } else {
                row[i] = HeaderColumns.value(c, r.headers());
            }
        }
        row[columns.size()] = r.timestamp();
        row[columns.size() + 1] = r.partition();
        row[columns.size() + 2] = r.offset();
        if (windowed && key != null) {
            row[columns.size() + 3] = key.start();
            row[columns.size() + 4] = key.end();
        }
        return row;
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public List<QueryColumn> columns() {
        return shape.columns();
    }

    @Override
    public void close() {
        // done before it was returned
    }
}
