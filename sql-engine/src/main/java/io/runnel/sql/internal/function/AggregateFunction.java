package io.runnel.sql.internal.function;

import java.util.List;
import java.util.Objects;

/** An aggregate function: its metadata and factory overloads. */
public record AggregateFunction(FunctionMetadata metadata, List<AggregateOverload> overloads) {
    public AggregateFunction {
        Objects.requireNonNull(metadata, "metadata");
        overloads = List.copyOf(overloads);
        if (overloads.isEmpty()) throw new IllegalArgumentException(metadata.name() + " has no overloads");
    }
}
