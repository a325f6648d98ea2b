package io.runnel.sql.internal.runtime;

import io.runnel.sql.engine.QueryColumn;
import io.runnel.sql.internal.analyzer.AnalyzedQuery;
import io.runnel.sql.internal.catalog.Column;
import io.runnel.sql.internal.catalog.SqlType;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The columns of a query's result as the user sees them: the key columns (less those added only
 * to key the rows, see {@link TransientSelect}), then WINDOWSTART and WINDOWEND for a windowed
 * result (unless selected as values), then the value columns.
 *
 * @param shownKeys indexes of the output key columns that are shown, in order
 */
record QueryShape(List<QueryColumn> columns, List<Integer> shownKeys, boolean windowColumns, int values) {

    QueryShape {
        columns = List.copyOf(columns);
        shownKeys = List.copyOf(shownKeys);
    }

    /**
     * @param keysAreKeys   whether key columns are flagged as keys (pull queries on tables)
     * @param windowedInput whether the rows carry a window (a windowed aggregation, or a pull
     *                      query's {@code SELECT *} on a windowed table)
     * @param hidden        key columns not shown
     */
    static QueryShape of(AnalyzedQuery query, boolean keysAreKeys, boolean windowedInput, Set<String> hidden) {
        List<QueryColumn> columns = new ArrayList<>();
        List<Integer> shown = new ArrayList<>();
        List<Column> keys = query.output().key();
        for (int i = 0; i < keys.size(); i++) {
            if (!hidden.contains(keys.get(i).name())) {
                shown.add(i);
                columns.add(new QueryColumn(keys.get(i).name(), keys.get(i).type().sql(), keysAreKeys));
            }
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
        return new QueryShape(columns, shown, windowed, query.output().value().size());
    }

    /**
     * The shown row from the output key columns, the window bounds and the value columns
     * ({@code values} null for a tombstone: nulls).
     */
    Object[] row(Object[] keys, Long windowStart, Long windowEnd, Object[] values) {
        Object[] row = new Object[columns.size()];
        int i = 0;
        for (int k : shownKeys) {
            row[i++] = keys == null || k >= keys.length ? null : keys[k];
        }
        if (windowColumns) {
            row[i++] = windowStart;
            row[i++] = windowEnd;
        }
        for (int v = 0; v < this.values && values != null; v++) {
            row[i + v] = v < values.length ? values[v] : null;
        }
        return row;
    }
}
