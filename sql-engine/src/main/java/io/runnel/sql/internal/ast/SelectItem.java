package io.runnel.sql.internal.ast;

import java.util.Objects;
import java.util.Optional;

/** One entry of a SELECT list. */
public sealed interface SelectItem extends Node {

    /** {@code *} or {@code s.*}. */
    record AllColumns(Optional<String> source, Position position) implements SelectItem {
        public AllColumns {
            Objects.requireNonNull(source, "source");
            Objects.requireNonNull(position, "position");
        }
    }

    /** {@code struct_col->*}: every field of a struct as its own column. */
    record AllStructFields(Expression struct, Position position) implements SelectItem {
        public AllStructFields {
            Objects.requireNonNull(struct, "struct");
            Objects.requireNonNull(position, "position");
        }
    }

    /** {@code expression [AS alias]}. */
    record SingleColumn(Expression expression, Optional<String> alias, Position position) implements SelectItem {
        public SingleColumn {
            Objects.requireNonNull(expression, "expression");
            Objects.requireNonNull(alias, "alias");
            Objects.requireNonNull(position, "position");
        }
    }
}
