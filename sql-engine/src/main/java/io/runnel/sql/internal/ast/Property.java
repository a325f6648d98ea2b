package io.runnel.sql.internal.ast;

import java.util.Objects;

/** One {@code NAME = value} of a WITH clause; the name is upper-cased (property names ignore case). */
public record Property(String name, Expression.Literal value, Position position) implements Node {
    public Property {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(position, "position");
    }
}
