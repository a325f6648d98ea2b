package io.runnel.server.api;

import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * The first message of a query result: its id and its columns.
 *
 * @param queryId the query's id (for pull queries too), accepted by {@code /close-query}
 * @param columns the result columns in order
 */
public record QueryHeader(String queryId, List<Column> columns) {

    public QueryHeader {
        Objects.requireNonNull(queryId, "queryId");
        columns = List.copyOf(Objects.requireNonNull(columns, "columns"));
    }

    /** The column names, as {@code /query-stream} sends them in {@code columnNames}. */
    public List<String> columnNames() {
        return columns.stream().map(Column::name).toList();
    }

    /** The column types, as {@code /query-stream} sends them in {@code columnTypes}. */
    public List<String> columnTypes() {
        return columns.stream().map(Column::type).toList();
    }

    /**
     * The schema as ksqlDB's {@code /query} header renders it, for example
     * {@code `ID` STRING KEY, `COUNT` BIGINT}.
     */
    public String schema() {
        return columns.stream().map(Column::toSql).collect(Collectors.joining(", "));
    }

    /**
     * One result column.
     *
     * @param name the column name as ksqlDB returns it (upper case unless quoted)
     * @param type the SQL type as ksqlDB prints it: {@code STRING}, {@code BIGINT},
     *             {@code DECIMAL(4, 2)}, {@code ARRAY<INTEGER>},
     *             {@code STRUCT<`A` STRING>}, ...
     * @param key  whether the column is a key column of the result (pull queries on tables)
     */
    public record Column(String name, String type, boolean key) {

        public Column {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(type, "type");
        }

        /** A value column. */
        public static Column value(String name, String type) {
            return new Column(name, type, false);
        }

        String toSql() {
            return "`" + name + "` " + type + (key ? " KEY" : "");
        }
    }
}
