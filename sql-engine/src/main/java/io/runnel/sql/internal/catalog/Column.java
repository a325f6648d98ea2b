package io.runnel.sql.internal.catalog;

import java.util.Objects;
import java.util.Optional;

/**
 * A column of a stream or table. {@link Role#KEY} columns come from a stream's record key,
 * {@link Role#PRIMARY_KEY} from a table's; {@link Role#HEADERS} columns read record headers (all
 * of them as {@code ARRAY<STRUCT<KEY STRING, VALUE BYTES>>}, or one header's bytes when
 * {@code headerKey} is set).
 */
public record Column(String name, SqlType type, Role role, Optional<String> headerKey) {

    public enum Role { KEY, PRIMARY_KEY, VALUE, HEADERS }

    public Column {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(headerKey, "headerKey");
        if (name.isEmpty()) throw new IllegalArgumentException("empty column name");
        if (headerKey.isPresent() && role != Role.HEADERS) {
            throw new IllegalArgumentException("header key on a " + role + " column " + name);
        }
    }

    public static Column value(String name, SqlType type) {
        return new Column(name, type, Role.VALUE, Optional.empty());
    }

    public boolean isKey() {
        return role == Role.KEY || role == Role.PRIMARY_KEY;
    }

    /** As ksqlDB prints schemas: {@code `ID` STRING KEY}. */
    public String sql() {
        String suffix = switch (role) {
            case KEY -> " KEY";
            case PRIMARY_KEY -> " PRIMARY KEY";
            case VALUE -> "";
            case HEADERS -> headerKey.map(k -> " HEADER('" + k.replace("'", "''") + "')").orElse(" HEADERS");
        };
        return SqlType.quote(name) + " " + type.sql() + suffix;
    }
}
