package io.runnel.sql.internal.exec;

import io.runnel.sql.internal.catalog.Column;
import io.runnel.sql.internal.catalog.DataSource;
import io.runnel.sql.internal.row.Row;
import java.util.List;

/**
 * Lays a source record out as the analyzer's input row ({@code QueryAnalyzer.inputSchema}): the
 * source's columns in declared order (each read from the key row or the value row), then
 * ROWTIME, ROWPARTITION and ROWOFFSET. Built once per query node; {@link #fill} reuses no state,
 * so one layout serves every thread.
 */
final class SourceRowLayout {
    private static final int PSEUDO_COLUMNS = 3;

    /** Per declared column: {@code k >= 0} = key row index k; {@code -1 - v} = value row index v. */
    private final int[] from;

    SourceRowLayout(DataSource source) {
        List<Column> columns = source.columns();
        from = new int[columns.size()];
        int key = 0;
        int value = 0;
        for (int i = 0; i < columns.size(); i++) {
            from[i] = columns.get(i).isKey() ? key++ : -1 - value++;
        }
    }

    /** The input row of one record (a null value row reads as all-null value columns). */
    Object[] fill(Row key, Row value, long timestamp, int partition, long offset) {
        Object[] row = new Object[from.length + PSEUDO_COLUMNS];
        for (int i = 0; i < from.length; i++) {
            int f = from[i];
            if (f >= 0) {
                row[i] = key == null || f >= key.size() ? null : key.get(f);
            } else {
                int v = -1 - f;
                row[i] = value == null || v >= value.size() ? null : value.get(v);
            }
        }
        row[from.length] = timestamp;
        row[from.length + 1] = partition;
        row[from.length + 2] = offset;
        return row;
    }
}
