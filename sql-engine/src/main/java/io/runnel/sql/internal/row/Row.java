package io.runnel.sql.internal.row;

import java.util.Arrays;

/**
 * The columns of a key or a value at run time, in schema order, each a Java value as mapped in
 * docs/internals/sql-engine.md (null = SQL NULL). Immutable once handed downstream: an operator
 * that changes columns makes a new row. Equality and hash are by column values, so rows serve as
 * keys of grouped and joined data.
 */
public final class Row {
    private static final Object[] NO_COLUMNS = new Object[0];
    public static final Row EMPTY = new Row(NO_COLUMNS);

    private final Object[] columns;

    private Row(Object[] columns) {
        this.columns = columns;
    }

    /** A row holding {@code columns}; the array is taken over, not copied: do not change it later. */
    public static Row wrap(Object[] columns) {
        return columns.length == 0 ? EMPTY : new Row(columns);
    }

    public static Row of(Object... columns) {
        return wrap(columns.clone());
    }

    public Object get(int index) {
        return columns[index];
    }

    public int size() {
        return columns.length;
    }

    /**
     * The columns themselves, not a copy, for code that only reads them (compiled expressions
     * evaluate over an {@code Object[]}); writing to the array breaks the row's immutability.
     */
    public Object[] columnsForReading() {
        return columns;
    }

    /** True when a column is NULL. */
    public boolean containsNull() {
        for (Object c : columns) {
            if (c == null) {
                return true;
            }
        }
        return false;
    }

    /** A copy of the columns. */
    public Object[] toArray() {
        return columns.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Row r && Arrays.deepEquals(columns, r.columns);
    }

    @Override
    public int hashCode() {
        return Arrays.deepHashCode(columns);
    }

    @Override
    public String toString() {
        return Arrays.deepToString(columns);
    }
}
