package io.runnel.sql.internal.ast;

import java.util.List;
import java.util.Objects;

/**
 * A data type as written in SQL. Custom type names ({@code CREATE TYPE ADDRESS AS STRUCT<...>})
 * stay {@link Named} here; the catalog resolves them to a concrete SqlType.
 */
public sealed interface TypeExpr extends Node {

    /** Built-in scalar types; INT is INTEGER and VARCHAR is STRING. */
    enum PrimitiveKind { BOOLEAN, INTEGER, BIGINT, DOUBLE, STRING, BYTES, DATE, TIME, TIMESTAMP }

    record Primitive(PrimitiveKind kind, Position position) implements TypeExpr {
        public Primitive {
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(position, "position");
        }
    }

    record Decimal(int precision, int scale, Position position) implements TypeExpr {
        public Decimal {
            Objects.requireNonNull(position, "position");
            if (precision < 1) throw new IllegalArgumentException("DECIMAL precision must be >= 1: " + precision);
            if (scale < 0 || scale > precision) {
                throw new IllegalArgumentException("DECIMAL scale must be between 0 and precision " + precision + ": " + scale);
            }
        }
    }

    record Array(TypeExpr element, Position position) implements TypeExpr {
        public Array {
            Objects.requireNonNull(element, "element");
            Objects.requireNonNull(position, "position");
        }
    }

    record Map(TypeExpr key, TypeExpr value, Position position) implements TypeExpr {
        public Map {
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(value, "value");
            Objects.requireNonNull(position, "position");
        }
    }

    record Field(String name, TypeExpr type, Position position) implements Node {
        public Field {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(type, "type");
            Objects.requireNonNull(position, "position");
        }
    }

    record Struct(List<Field> fields, Position position) implements TypeExpr {
        public Struct {
            fields = List.copyOf(fields);
            Objects.requireNonNull(position, "position");
        }
    }

    /** A custom type registered with CREATE TYPE, referenced by name. */
    record Named(String name, Position position) implements TypeExpr {
        public Named {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(position, "position");
        }
    }
}
