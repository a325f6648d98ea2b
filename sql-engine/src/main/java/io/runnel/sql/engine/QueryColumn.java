package io.runnel.sql.engine;

import java.util.Objects;
import java.util.Optional;

/**
 * A column of a query's result.
 *
 * @param name      the column name (upper case unless quoted)
 * @param type      the SQL type as ksqlDB prints it: {@code STRING}, {@code DECIMAL(4, 2)}, ...
 * @param namespace where the column comes from, as ksqlDB flags it in a result's schema
 * @param headerKey for a {@link Namespace#HEADERS} column, the header it reads
 *                  ({@code HEADER('k')}); empty for all headers ({@code HEADERS}) and other columns
 */
public record QueryColumn(String name, String type, Namespace namespace, Optional<String> headerKey) {

    /**
     * {@link #KEY}: a key column of the result; {@link #HEADERS}: a header column of the source,
     * which ksqlDB flags only in a pull query's {@code SELECT *} over a table whose source
     * declares it; {@link #VALUE}: any other column.
     */
    public enum Namespace { KEY, VALUE, HEADERS }

    public QueryColumn {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(namespace, "namespace");
        Objects.requireNonNull(headerKey, "headerKey");
        if (headerKey.isPresent() && namespace != Namespace.HEADERS) {
            throw new IllegalArgumentException("header key on a " + namespace + " column " + name);
        }
    }

    /** A key ({@code key} true) or value column. */
    public QueryColumn(String name, String type, boolean key) {
        this(name, type, key ? Namespace.KEY : Namespace.VALUE, Optional.empty());
    }

    /** Whether the column is a key column of the result. */
    public boolean key() {
        return namespace == Namespace.KEY;
    }
}
