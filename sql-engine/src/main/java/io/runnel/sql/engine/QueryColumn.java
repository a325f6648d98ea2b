package io.runnel.sql.engine;

import java.util.Objects;

/**
 * A column of a query's result.
 *
 * @param name the column name (upper case unless quoted)
 * @param type the SQL type as ksqlDB prints it: {@code STRING}, {@code DECIMAL(4, 2)}, ...
 * @param key  whether the column is a key column of the result
 */
public record QueryColumn(String name, String type, boolean key) {
    public QueryColumn {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
    }
}
