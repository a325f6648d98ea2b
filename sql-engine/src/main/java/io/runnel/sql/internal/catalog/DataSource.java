package io.runnel.sql.internal.catalog;

import io.runnel.sql.SqlErrorCode;
import io.runnel.sql.SqlException;
import io.runnel.sql.internal.ast.SourceKind;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A stream or table in the catalog: its columns (keys first, as declared), the log topic it reads
 * and writes, its formats, the column that gives record timestamps (ROWTIME when empty) and
 * whether it is read-only ({@code CREATE SOURCE ...}).
 */
public record DataSource(String name, SourceKind kind, List<Column> columns, String topic, SourceFormats formats,
                         Optional<String> timestampColumn, boolean readOnly) {

    public DataSource {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
        columns = List.copyOf(columns);
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(formats, "formats");
        Objects.requireNonNull(timestampColumn, "timestampColumn");
        Set<String> names = new HashSet<>();
        for (Column column : columns) {
            if (!names.add(column.name())) {
                throw new SqlException(SqlErrorCode.ALREADY_EXISTS, "Column '" + column.name()
                        + "' is declared twice in " + describe(kind, name));
            }
            Column.Role wrongKey = kind == SourceKind.STREAM ? Column.Role.PRIMARY_KEY : Column.Role.KEY;
            if (column.role() == wrongKey) {
                throw new IllegalArgumentException("a " + kind.name().toLowerCase(Locale.ROOT) + " has "
                        + (kind == SourceKind.STREAM ? "KEY" : "PRIMARY KEY") + " columns, not " + wrongKey + ": "
                        + column.name());
            }
        }
        timestampColumn.ifPresent(ts -> {
            if (!names.contains(ts)) throw new IllegalArgumentException("timestamp column not in source: " + ts);
        });
    }

    /**
     * The column with exactly this name, or a {@link SqlErrorCode#COLUMN_NOT_FOUND} error naming the
     * closest column: {@code Column 'USERID' not found in stream PAGEVIEWS; did you mean 'USER_ID'?}.
     */
    public Column column(String columnName) {
        return findColumn(columnName).orElseThrow(() -> {
            List<String> names = columns.stream().map(Column::name).toList();
            String suggestion = NameSuggester.closest(columnName, names).map(n -> "; did you mean '" + n + "'?").orElse("");
            return new SqlException(SqlErrorCode.COLUMN_NOT_FOUND, "Column '" + columnName + "' not found in "
                    + describe(kind, name) + suggestion);
        });
    }

    public Optional<Column> findColumn(String columnName) {
        return columns.stream().filter(c -> c.name().equals(columnName)).findFirst();
    }

    public List<Column> keyColumns() {
        return columns.stream().filter(Column::isKey).toList();
    }

    /** The schema as ksqlDB prints it: {@code `ID` STRING KEY, `NAME` STRING}. */
    public String schemaSql() {
        return columns.stream().map(Column::sql).collect(Collectors.joining(", "));
    }

    static String describe(SourceKind kind, String name) {
        return kind.name().toLowerCase(Locale.ROOT) + " " + name;
    }
}
