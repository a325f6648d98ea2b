package io.runnel.sql.internal.function;

import io.runnel.sql.internal.catalog.SqlType;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * The declared type of a function parameter or result, as derived from its Java type: either a
 * concrete {@link SqlType} or a pattern (any DECIMAL, any STRUCT, a type variable bound per call,
 * an array or map of patterns, a lambda). {@link #display()} is how signatures are listed by
 * DESCRIBE FUNCTION, e.g. {@code ARRAY<T>} or {@code LAMBDA<(T) => R>}.
 */
public sealed interface ParamType {

    String display();

    /** A fully known type, e.g. INTEGER or ARRAY<STRING>. */
    record Exact(SqlType type) implements ParamType {
        public Exact {
            Objects.requireNonNull(type, "type");
        }

        @Override
        public String display() {
            return type.sql();
        }
    }

    /** Any DECIMAL(p, s) ({@code BigDecimal}). */
    record AnyDecimal() implements ParamType {
        @Override
        public String display() {
            return "DECIMAL";
        }
    }

    /** Any STRUCT ({@code Struct}). */
    record AnyStruct() implements ParamType {
        @Override
        public String display() {
            return "STRUCT";
        }
    }

    /** A type variable, e.g. {@code T}: bound to the type of the first argument it meets. */
    record Generic(String name) implements ParamType {
        public Generic {
            Objects.requireNonNull(name, "name");
        }

        @Override
        public String display() {
            return name;
        }
    }

    /** Any type, unrelated to other parameters ({@code Object}). */
    record Any() implements ParamType {
        @Override
        public String display() {
            return "ANY";
        }
    }

    record ArrayOf(ParamType element) implements ParamType {
        public ArrayOf {
            Objects.requireNonNull(element, "element");
        }

        @Override
        public String display() {
            return "ARRAY<" + element.display() + ">";
        }
    }

    record MapOf(ParamType key, ParamType value) implements ParamType {
        public MapOf {
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(value, "value");
        }

        @Override
        public String display() {
            return "MAP<" + key.display() + ", " + value.display() + ">";
        }
    }

    /** A lambda taking {@code inputs} and returning {@code output}. */
    record Lambda(List<ParamType> inputs, ParamType output) implements ParamType {
        public Lambda {
            inputs = List.copyOf(inputs);
            Objects.requireNonNull(output, "output");
        }

        @Override
        public String display() {
            return "LAMBDA<(" + inputs.stream().map(ParamType::display).collect(Collectors.joining(", ")) + ") => "
                    + output.display() + ">";
        }
    }

    /** Whether this type is fully determined without an argument (no variable, no open DECIMAL/STRUCT). */
    default boolean isConcrete() {
        if (this instanceof Exact) return true;
        if (this instanceof ArrayOf a) return a.element().isConcrete();
        if (this instanceof MapOf m) return m.key().isConcrete() && m.value().isConcrete();
        return false;
    }

    /** Whether the type mentions a type variable. */
    default boolean hasGenerics() {
        if (this instanceof Generic) return true;
        if (this instanceof ArrayOf a) return a.element().hasGenerics();
        if (this instanceof MapOf m) return m.key().hasGenerics() || m.value().hasGenerics();
        if (this instanceof Lambda l) return l.output().hasGenerics() || l.inputs().stream().anyMatch(ParamType::hasGenerics);
        return false;
    }
}
