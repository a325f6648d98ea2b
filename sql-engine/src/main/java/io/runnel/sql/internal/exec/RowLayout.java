package io.runnel.sql.internal.exec;

import io.runnel.sql.internal.catalog.Column;
import io.runnel.sql.internal.catalog.DataSource;
import io.runnel.sql.internal.row.Row;
import io.runnel.state.Windowed;
import java.util.List;

/**
 * Lays a record out as the row its expressions were typed over. Built once per query node;
 * {@link #fill} keeps no state, so one layout serves every thread.
 */
sealed interface RowLayout {

    /** The expression input row of one record; {@code key} is a {@link Row} or a {@code Windowed<Row>}. */
    Object[] fill(Object key, Row value, long timestamp, int partition, long offset);

    /**
     * A source record: the source's columns in declared order (each from the key row or the value
     * row), then ROWTIME, ROWPARTITION and ROWOFFSET (the analyzer's input schema).
     */
    final class Source implements RowLayout {
        private static final int PSEUDO_COLUMNS = 3;

        /** Per declared column: {@code k >= 0} = key row index k; {@code -1 - v} = value row index v. */
        private final int[] from;
        /** A windowed source's rows end with WINDOWSTART and WINDOWEND, read from its Windowed keys. */
        private final boolean windowed;

        Source(DataSource source) {
            windowed = source.formats().window().isPresent();
            List<Column> columns = source.columns();
            from = new int[columns.size()];
            int key = 0;
            int value = 0;
            for (int i = 0; i < columns.size(); i++) {
                if (columns.get(i).role() != Column.Role.HEADERS) {
                    from[i] = columns.get(i).isKey() ? key++ : -1 - value++;
                }
            }
            // Header columns are appended to the value row after the value columns (TopologyBuilder).
            for (int i = 0; i < columns.size(); i++) {
                if (columns.get(i).role() == Column.Role.HEADERS) {
                    from[i] = -1 - value++;
                }
            }
        }

        @Override
        public Object[] fill(Object keyObject, Row value, long timestamp, int partition, long offset) {
            Row key;
            Object[] row = new Object[from.length + PSEUDO_COLUMNS + (windowed ? 2 : 0)];
            if (keyObject instanceof Windowed<?> w) {
                key = (Row) w.key();
                if (windowed) {
                    row[from.length + PSEUDO_COLUMNS] = w.window().start();
                    row[from.length + PSEUDO_COLUMNS + 1] = w.window().end();
                }
            } else {
                key = (Row) keyObject;
            }
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

    /**
     * An aggregated record: the GROUP BY values (from the key, so a tombstone still has them),
     * the aggregate results (from the value; null for a tombstone), then WINDOWSTART and
     * WINDOWEND from a windowed key.
     */
    final class Aggregated implements RowLayout {
        private final int groupBy;
        private final int aggregates;
        private final boolean windowed;

        Aggregated(int groupBy, int aggregates, boolean windowed) {
            this.groupBy = groupBy;
            this.aggregates = aggregates;
            this.windowed = windowed;
        }

        @Override
        public Object[] fill(Object keyObject, Row value, long timestamp, int partition, long offset) {
            Object[] row = new Object[groupBy + aggregates + (windowed ? 2 : 0)];
            Row key;
            if (keyObject instanceof Windowed<?> w) {
                key = (Row) w.key();
                row[groupBy + aggregates] = w.window().start();
                row[groupBy + aggregates + 1] = w.window().end();
            } else {
                key = (Row) keyObject;
            }
            for (int i = 0; i < groupBy && key != null && i < key.size(); i++) {
                row[i] = key.get(i);
            }
            for (int i = 0; i < aggregates && value != null; i++) {
                row[groupBy + i] = value.get(i);
            }
            return row;
        }
    }

    /**
     * A joined record: the join key columns (from the key), the joined value's fields (every
     * joined source's row; all null for a tombstone), then ROWTIME, ROWPARTITION and ROWOFFSET
     * of the record (the analyzer's join input schema).
     */
    final class Joined implements RowLayout {
        private final int keyWidth;
        private final int valueWidth;

        Joined(int keyWidth, int valueWidth) {
            this.keyWidth = keyWidth;
            this.valueWidth = valueWidth;
        }

        @Override
        public Object[] fill(Object keyObject, Row value, long timestamp, int partition, long offset) {
            Object[] row = new Object[keyWidth + valueWidth + 3];
            Row key = keyObject instanceof Windowed<?> w ? (Row) w.key() : (Row) keyObject;
            for (int i = 0; i < keyWidth && key != null && i < key.size(); i++) {
                row[i] = key.get(i);
            }
            for (int i = 0; i < valueWidth && value != null && i < value.size(); i++) {
                row[keyWidth + i] = value.get(i);
            }
            row[keyWidth + valueWidth] = timestamp;
            row[keyWidth + valueWidth + 1] = partition;
            row[keyWidth + valueWidth + 2] = offset;
            return row;
        }
    }
}
