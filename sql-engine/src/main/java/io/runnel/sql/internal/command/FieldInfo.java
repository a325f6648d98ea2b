package io.runnel.sql.internal.command;

import io.runnel.sql.internal.catalog.Column;
import java.util.Objects;
import java.util.Optional;

/**
 * A column (or STRUCT field) as ksqlDB's REST entities describe it: name, schema and, for key and
 * header columns, {@code type} KEY or HEADER (with the header's key for {@code HEADER('k')}).
 */
public record FieldInfo(String name, SchemaInfo schema, Optional<String> type, Optional<String> headerKey) {

    public FieldInfo {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(schema, "schema");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(headerKey, "headerKey");
    }

    public static FieldInfo value(String name, SchemaInfo schema) {
        return new FieldInfo(name, schema, Optional.empty(), Optional.empty());
    }

    public static FieldInfo of(Column column) {
        Optional<String> type = switch (column.role()) {
            case KEY, PRIMARY_KEY -> Optional.of("KEY");
            case HEADERS -> Optional.of("HEADER");
            case VALUE -> Optional.empty();
        };
        return new FieldInfo(column.name(), SchemaInfo.of(column.type()), type, column.headerKey());
    }
}
