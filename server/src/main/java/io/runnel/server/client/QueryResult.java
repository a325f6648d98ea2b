package io.runnel.server.client;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * All rows of a query that ended (a pull query, or a push query with a LIMIT).
 *
 * @param rows the rows; values may be null
 */
public record QueryResult(String queryId, List<String> columnNames, List<String> columnTypes,
        List<List<Object>> rows) {

    public QueryResult {
        Objects.requireNonNull(queryId, "queryId");
        columnNames = List.copyOf(columnNames);
        columnTypes = List.copyOf(columnTypes);
        List<List<Object>> copy = new ArrayList<>(rows.size());
        for (List<Object> row : rows) {
            copy.add(Collections.unmodifiableList(new ArrayList<>(row)));
        }
        rows = Collections.unmodifiableList(copy);
    }
}
