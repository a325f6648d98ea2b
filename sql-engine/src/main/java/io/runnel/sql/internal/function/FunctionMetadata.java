package io.runnel.sql.internal.function;

import java.util.Locale;
import java.util.Objects;

/**
 * What DESCRIBE FUNCTION shows about a function besides its overloads.
 *
 * @param name         the lookup name, upper case
 * @param declaredName the name as declared in the annotation; error messages about scalar and table
 *                     functions quote it (ksqlDB: {@code Function 'substring' does not accept ...}),
 *                     those about aggregates the upper-case name
 */
public record FunctionMetadata(String name, String declaredName, FunctionKind kind, String description, String author,
                               String version, String category, String source) {
    public FunctionMetadata {
        Objects.requireNonNull(declaredName, "declaredName");
        Objects.requireNonNull(name, "name");
        if (name.isBlank()) throw new IllegalArgumentException("blank function name");
        name = name.toUpperCase(Locale.ROOT);
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(author, "author");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(source, "source");
    }

    /** The name error messages quote. */
    public String messageName() {
        return kind == FunctionKind.AGGREGATE ? name : declaredName;
    }
}
