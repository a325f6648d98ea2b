package io.runnel.sql.internal.function;

import java.util.Locale;
import java.util.Objects;

/** What DESCRIBE FUNCTION shows about a function besides its overloads; {@code name} is upper case. */
public record FunctionMetadata(String name, FunctionKind kind, String description, String author, String version,
                               String category, String source) {
    public FunctionMetadata {
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
}
