package io.runnel.sql.internal.analyzer;

import io.runnel.sql.internal.catalog.Column;
import io.runnel.sql.internal.catalog.SqlType;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * The columns of a stream or table as records carry them: key columns (from the record key)
 * then value columns (from the record value), each in order. This is what a query produces and
 * what a sink writes; printed as ksqlDB prints schemas: {@code `ID` INTEGER KEY, `NAME` STRING}.
 */
public record LogicalSchema(List<Column> key, List<Column> value) {

    public LogicalSchema {
        key = List.copyOf(key);
        value = List.copyOf(value);
        for (Column c : key) {
            if (!c.isKey()) {
                throw new IllegalArgumentException("key column " + c.name() + " has role " + c.role());
            }
        }
    }

    /** All columns, keys first. */
    public List<Column> columns() {
        List<Column> all = new ArrayList<>(key);
        all.addAll(value);
        return all;
    }

    public String sql() {
        return columns().stream().map(Column::sql).collect(Collectors.joining(", "));
    }

    /** A value column. */
    public static Column valueColumn(String name, SqlType type) {
        return Column.value(name, type);
    }

    public static Column keyColumn(String name, SqlType type, boolean primary) {
        return new Column(Objects.requireNonNull(name, "name"), type,
                primary ? Column.Role.PRIMARY_KEY : Column.Role.KEY, java.util.Optional.empty());
    }
}
