package io.runnel.sql.internal.runtime;

import io.runnel.sql.engine.QueryColumn;
import io.runnel.sql.internal.analyzer.AnalyzedQuery;
import io.runnel.sql.internal.catalog.Column;
import io.runnel.sql.internal.catalog.SqlType;
import java.util.ArrayList;
import java.util.List;

/**
 * The columns of a query's result as the user sees them: the key columns, then WINDOWSTART and
 * WINDOWEND for a windowed result (unless selected as values), then the value columns.
 */
record QueryShape(List<QueryColumn> columns, int keys, boolean windowColumns, int values) {

    /**
     * @param keysAreKeys   whether key columns are flagged as keys (pull queries on tables)
     * @param windowedInput whether the rows carry a window (a windowed aggregation, or a pull
     *                      query's {@code SELECT *} on a windowed table)
     */
    static QueryShape of(AnalyzedQuery query, boolean keysAreKeys, boolean windowedInput) {
        List<QueryColumn> columns = new ArrayList<>();
        for (Column k : query.output().key()) {
            columns.add(new QueryColumn(k.name(), k.type().sql(), keysAreKeys));
        }
        boolean windowed = windowedInput && query.output().value().stream()
                .noneMatch(c -> c.name().equals("WINDOWSTART") || c.name().equals("WINDOWEND"));
        if (windowed) {
            columns.add(new QueryColumn("WINDOWSTART", SqlType.BIGINT.sql(), keysAreKeys));
            columns.add(new QueryColumn("WINDOWEND", SqlType.BIGINT.sql(), keysAreKeys));
        }
        for (Column v : query.output().value()) {
            columns.add(new QueryColumn(v.name(), v.type().sql(), false));
        }
        return new QueryShape(columns, query.output().key().size(), windowed, query.output().value().size());
    }
}
