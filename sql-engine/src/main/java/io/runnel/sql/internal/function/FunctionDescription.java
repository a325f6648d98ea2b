package io.runnel.sql.internal.function;

import java.util.List;
import java.util.Objects;

/**
 * A function as SHOW FUNCTIONS / DESCRIBE FUNCTION present it.
 *
 * @param overloads one per overload: its signature text and description
 */
public record FunctionDescription(FunctionMetadata metadata, List<Overload> overloads) {
    public FunctionDescription {
        Objects.requireNonNull(metadata, "metadata");
        overloads = List.copyOf(overloads);
    }

    public String name() {
        return metadata.name();
    }

    public FunctionKind kind() {
        return metadata.kind();
    }

    /** One overload: e.g. {@code SUBSTRING(str STRING, pos INTEGER) => STRING}. */
    public record Overload(String signature, String description) {
        public Overload {
            Objects.requireNonNull(signature, "signature");
            Objects.requireNonNull(description, "description");
        }
    }
}
