package io.runnel.sql.internal.planner;

import io.runnel.sql.internal.catalog.DataSource;
import java.util.Objects;
import org.apache.calcite.plan.RelOptAbstractTable;
import org.apache.calcite.rel.type.RelDataType;

/**
 * A stream or table as a Calcite table: its rows as the analyzer lays them out (its columns, then
 * ROWTIME, ROWPARTITION, ROWOFFSET, and WINDOWSTART, WINDOWEND for a windowed source).
 * {@code position} is the source's place in the FROM clause (0 for the only or leftmost source).
 */
final class SourceTable extends RelOptAbstractTable {
    private final DataSource source;
    private final int position;

    SourceTable(DataSource source, int position, RelDataType rowType) {
        super(null, Objects.requireNonNull(source, "source").name(), rowType);
        this.source = source;
        this.position = position;
    }

    DataSource source() {
        return source;
    }

    int position() {
        return position;
    }
}
