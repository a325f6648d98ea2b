package io.runnel.sql.internal.runtime;

import io.runnel.sql.engine.QueryColumn;
import io.runnel.sql.internal.analyzer.AnalyzedQuery;
import io.runnel.sql.internal.catalog.Column;
import io.runnel.sql.internal.catalog.SqlType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The columns of a query's result as the user sees them. With an explicit select list they come
 * in SELECT order (key columns added only to key the rows left out, see {@link TransientSelect});
 * with {@code *}: the key columns, then WINDOWSTART and WINDOWEND for a windowed result (unless
 * selected as values), then the value columns, as ksqlDB shows them.
 *
 * <p>The shown columns and the rows agree, except in one case where ksqlDB's do not
 * ({@link #withSourceHeaderColumns}).
 *
 * @param columns       the result's columns as its schema shows them
 * @param shownKeys     indexes of the output key columns that are shown, in the default order
 * @param permutation   for each value of a row, its index in the default order (keys, window, values)
 * @param valueNames    the output value columns' internal names (a tombstone's selected window
 *                      bounds are read from its key)
 */
record QueryShape(List<QueryColumn> columns, List<Integer> shownKeys, boolean windowColumns, int values,
                  List<Integer> permutation, List<String> valueNames) {

    QueryShape {
        columns = List.copyOf(columns);
        shownKeys = List.copyOf(shownKeys);
        permutation = List.copyOf(permutation);
        valueNames = List.copyOf(valueNames);
        if (permutation.size() != columns.size()) {
            throw new IllegalArgumentException("permutation of " + permutation.size() + " for " + columns.size()
                    + " columns");
        }
    }

    /**
     * @param keysAreKeys   whether key columns are flagged as keys (pull queries on tables)
     * @param windowedInput whether the rows carry a window (a windowed aggregation, or a pull
     *                      query's {@code SELECT *} on a windowed table); with an explicit select
     *                      list the bounds are shown only where selected
     * @param select        the hidden key columns, SELECT order and shown names of the query
     */
    static QueryShape of(AnalyzedQuery query, boolean keysAreKeys, boolean windowedInput, TransientSelect select) {
        List<QueryColumn> columns = new ArrayList<>();
        List<Integer> shown = new ArrayList<>();
        List<Column> keys = query.output().key();
        for (int i = 0; i < keys.size(); i++) {
            if (!select.hidden().contains(keys.get(i).name())) {
                shown.add(i);
                columns.add(new QueryColumn(select.shownName(keys.get(i).name()), keys.get(i).type().sql(),
                        keysAreKeys));
            }
        }
        boolean windowed = windowedInput && (select.order().isEmpty() || select.star()) && query.output().value().stream()
                .noneMatch(c -> c.name().equals("WINDOWSTART") || c.name().equals("WINDOWEND"));
        if (windowed) {
            columns.add(new QueryColumn("WINDOWSTART", SqlType.BIGINT.sql(), keysAreKeys));
            columns.add(new QueryColumn("WINDOWEND", SqlType.BIGINT.sql(), keysAreKeys));
        }
        // The bounds of a windowed table's rows are part of its key, also when selected by name.
        boolean windowedTable = keysAreKeys && query.source().formats().window().isPresent();
        for (Column v : query.output().value()) {
            boolean bound = v.name().equals("WINDOWSTART") || v.name().equals("WINDOWEND");
            columns.add(new QueryColumn(select.shownName(v.name()), v.type().sql(), windowedTable && bound));
        }
        List<Integer> permutation = new ArrayList<>();
        List<String> internal = new ArrayList<>();
        for (int i : shown) {
            internal.add(keys.get(i).name());
        }
        if (windowed) {
            internal.add("WINDOWSTART");
            internal.add("WINDOWEND");
        }
        query.output().value().forEach(v -> internal.add(v.name()));
        for (String name : select.order()) {
            int at = internal.indexOf(name);
            if (at >= 0 && !permutation.contains(at)) {
                permutation.add(at);
            }
        }
        for (int i = 0; i < columns.size(); i++) {
            if (!permutation.contains(i)) {
                permutation.add(i);
            }
        }
        List<QueryColumn> ordered = new ArrayList<>();
        for (int i : permutation) {
            ordered.add(columns.get(i));
        }
        return new QueryShape(ordered, shown, windowed, query.output().value().size(), permutation,
                query.output().value().stream().map(Column::name).toList());
    }

    /**
     * As ksqlDB answers a pull query's {@code SELECT *} over a table whose source declares header
     * columns (a {@code CREATE SOURCE TABLE} with {@code HEADER('k')} or {@code HEADERS}): its
     * schema shows those columns right after the key and window columns, flagged as header columns,
     * while each row carries them after the value columns, where the table's materialized rows
     * hold them. This shape's other columns keep their order.
     *
     * @param sourceColumns the source's declared columns
     */
    QueryShape withSourceHeaderColumns(List<Column> sourceColumns) {
        Map<String, Column> headers = new HashMap<>();
        sourceColumns.stream().filter(c -> c.role() == Column.Role.HEADERS).forEach(c -> headers.put(c.name(), c));
        int fixed = shownKeys.size() + (windowColumns ? 2 : 0);
        List<QueryColumn> leading = new ArrayList<>();
        List<QueryColumn> headerColumns = new ArrayList<>();
        List<QueryColumn> trailing = new ArrayList<>();
        List<Integer> rowOrder = new ArrayList<>();
        List<Integer> headerOrder = new ArrayList<>();
        for (int i = 0; i < columns.size(); i++) {
            QueryColumn c = columns.get(i);
            Column header = permutation.get(i) >= fixed ? headers.get(c.name()) : null;
            if (header != null) {
                headerColumns.add(new QueryColumn(c.name(), c.type(), QueryColumn.Namespace.HEADERS, header.headerKey()));
                headerOrder.add(permutation.get(i));
            } else {
                (permutation.get(i) < fixed ? leading : trailing).add(c);
                rowOrder.add(permutation.get(i));
            }
        }
        if (headerColumns.isEmpty()) {
            return this;
        }
        List<QueryColumn> shown = new ArrayList<>(leading);
        shown.addAll(headerColumns);
        shown.addAll(trailing);
        rowOrder.addAll(headerOrder);
        return new QueryShape(shown, shownKeys, windowColumns, values, rowOrder, valueNames);
    }

    /**
     * The shown row from the output key columns, the window bounds and the value columns
     * ({@code values} null for a tombstone: nulls, except selected WINDOWSTART and WINDOWEND,
     * which a tombstone's windowed key still holds, as ksqlDB shows them).
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
        for (int v = 0; v < this.values; v++) {
            if (values != null) {
                row[i + v] = v < values.length ? values[v] : null;
            } else if (valueNames.get(v).equals("WINDOWSTART")) {
                row[i + v] = windowStart;
            } else if (valueNames.get(v).equals("WINDOWEND")) {
                row[i + v] = windowEnd;
            }
        }
        Object[] out = new Object[row.length];
        for (int c = 0; c < out.length; c++) {
            out[c] = row[permutation.get(c)];
        }
        return out;
    }
}
