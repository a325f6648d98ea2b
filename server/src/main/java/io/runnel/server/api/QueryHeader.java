package io.runnel.server.api;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
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
     * @param name      the column name as ksqlDB returns it (upper case unless quoted)
     * @param type      the SQL type as ksqlDB prints it: {@code STRING}, {@code BIGINT},
     *                  {@code DECIMAL(4, 2)}, {@code ARRAY<INTEGER>},
     *                  {@code STRUCT<`A` STRING>}, ...
     * @param namespace {@code KEY} for a key column of the result (pull queries on tables),
     *                  {@code HEADERS} for a header column ksqlDB flags (a pull query's
     *                  {@code SELECT *} over a table whose source declares it), else {@code VALUE}
     * @param headerKey for a {@code HEADERS} column, the header it reads ({@code HEADER('k')});
     *                  empty for all headers ({@code HEADERS}) and other columns
     */
    public record Column(String name, String type, Namespace namespace, Optional<String> headerKey) {

        /** Where a column comes from, as the schema text flags it. */
        public enum Namespace { KEY, VALUE, HEADERS }

        public Column {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(type, "type");
            Objects.requireNonNull(namespace, "namespace");
            Objects.requireNonNull(headerKey, "headerKey");
            if (headerKey.isPresent() && namespace != Namespace.HEADERS) {
                throw new IllegalArgumentException("header key on a " + namespace + " column " + name);
            }
        }

        /** A key ({@code key} true) or value column. */
        public Column(String name, String type, boolean key) {
            this(name, type, key ? Namespace.KEY : Namespace.VALUE, Optional.empty());
        }

        /** A value column. */
        public static Column value(String name, String type) {
            return new Column(name, type, false);
        }

        /** Whether the column is a key column of the result. */
        public boolean key() {
            return namespace == Namespace.KEY;
        }

        /** As ksqlDB prints it: {@code `ID` STRING KEY}, {@code `H` BYTES HEADER('abc')}. */
        String toSql() {
            String flag = switch (namespace) {
                case KEY -> " KEY";
                case VALUE -> "";
                case HEADERS -> headerKey.map(k -> " HEADER('" + k.replace("'", "''") + "')").orElse(" HEADERS");
            };
            return "`" + name + "` " + type + flag;
        }
    }
}
