package io.runnel.sql.internal.serde;

import io.runnel.sql.internal.catalog.Column;
import io.runnel.sql.internal.catalog.DataSource;
import io.runnel.sql.internal.catalog.SqlType;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The columns a record key or a record value holds, in order: what a format turns into bytes.
 * A key schema holds the key columns of a source; a value schema its value columns (header
 * columns are read from record headers, not from the value, and are never part of it).
 */
public record SerdeSchema(Part part, List<Column> columns) {

    /** Whether the columns are the record's key or its value. */
    public enum Part {
        KEY, VALUE;

        /** {@code key} or {@code value}, as in error messages. */
        public String label() {
            return this == KEY ? "key" : "value";
        }
    }

    public SerdeSchema {
        Objects.requireNonNull(part, "part");
        columns = List.copyOf(columns);
        for (Column column : columns) {
            if (column.role() == Column.Role.HEADERS) {
                throw new IllegalArgumentException("header column " + column.name() + " is not part of a " + part.label());
            }
            if (column.isKey() != (part == Part.KEY)) {
                throw new IllegalArgumentException("column " + column.name() + " (" + column.role() + ") in a "
                        + part.label() + " schema");
            }
        }
    }

    /** The key columns of a source, as declared. */
    public static SerdeSchema keyOf(DataSource source) {
        return new SerdeSchema(Part.KEY, source.keyColumns());
    }

    /** The value columns of a source, as declared (header columns left out). */
    public static SerdeSchema valueOf(DataSource source) {
        return new SerdeSchema(Part.VALUE, source.columns().stream()
                .filter(c -> c.role() == Column.Role.VALUE).toList());
    }

    /** A key schema of (name, type) pairs, e.g. for an intermediate (repartition, changelog) topic. */
    public static SerdeSchema key(List<String> names, List<SqlType> types) {
        return new SerdeSchema(Part.KEY, columns(names, types, Column.Role.KEY));
    }

    /** A value schema of (name, type) pairs. */
    public static SerdeSchema value(List<String> names, List<SqlType> types) {
        return new SerdeSchema(Part.VALUE, columns(names, types, Column.Role.VALUE));
    }

    public int size() {
        return columns.size();
    }

    public Column column(int index) {
        return columns.get(index);
    }

    /** The columns as ksqlDB lists them in errors: {@code [`K` STRING KEY, `V` INTEGER]}. */
    public String describe() {
        return columns.stream().map(Column::sql).collect(Collectors.joining(", ", "[", "]"));
    }

    private static List<Column> columns(List<String> names, List<SqlType> types, Column.Role role) {
        if (names.size() != types.size()) {
            throw new IllegalArgumentException(names.size() + " names but " + types.size() + " types");
        }
        List<Column> columns = new ArrayList<>(names.size());
        for (int i = 0; i < names.size(); i++) {
            columns.add(new Column(names.get(i), types.get(i), role, Optional.empty()));
        }
        return columns;
    }
}
