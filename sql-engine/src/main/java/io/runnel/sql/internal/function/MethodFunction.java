package io.runnel.sql.internal.function;

import java.util.List;
import java.util.Objects;

/** A scalar or table function: its metadata and overloads. */
public record MethodFunction(FunctionMetadata metadata, List<MethodOverload> overloads) {
    public MethodFunction {
        Objects.requireNonNull(metadata, "metadata");
        overloads = List.copyOf(overloads);
        if (overloads.isEmpty()) throw new IllegalArgumentException(metadata.name() + " has no overloads");
    }
}
