package io.runnel.sql.internal.function;

import io.runnel.sql.internal.catalog.SqlType;
import java.util.List;
import java.util.Objects;

/**
 * What the analyzer knows about one argument of a call when it resolves the function: a typed
 * expression, the NULL literal (matches any parameter type), or a lambda whose body is typed on
 * demand once the resolver knows the lambda's input types.
 */
public sealed interface ArgType {

    static ArgType of(SqlType type) {
        return new Typed(type);
    }

    /** A string literal: STRING, but also accepted where a DATE, TIME or TIMESTAMP is wanted (as ksqlDB does). */
    static ArgType stringLiteral(String value) {
        return new StringLiteral(value);
    }

    static ArgType nullLiteral() {
        return NullLiteral.INSTANCE;
    }

    static ArgType lambda(int arity, LambdaBodyTyper bodyTyper) {
        return new Lambda(arity, bodyTyper);
    }

    /** How the argument is shown in error messages. */
    String display();

    record Typed(SqlType type) implements ArgType {
        public Typed {
            Objects.requireNonNull(type, "type");
        }

        @Override
        public String display() {
            return type.sql();
        }
    }

    /**
     * A string literal, e.g. {@code '2022-06-14'}: typed STRING, and implicitly castable (cost 1)
     * to a DATE, TIME or TIMESTAMP parameter; the literal is then converted with
     * {@link ImplicitCasts#convert} (ISO formats, as CAST does).
     */
    record StringLiteral(String value) implements ArgType {
        public StringLiteral {
            Objects.requireNonNull(value, "value");
        }

        @Override
        public String display() {
            return "STRING";
        }
    }

    /** The literal NULL: its type is whatever the parameter wants. */
    enum NullLiteral implements ArgType {
        INSTANCE;

        @Override
        public String display() {
            return "null";
        }
    }

    /**
     * A lambda {@code (x, y) => body} with {@code arity} parameters. The resolver calls
     * {@code bodyTyper} with the lambda's input types (bound from the other arguments) and
     * expects the body's type back; it may call it once per candidate overload, so it must not
     * have side effects the caller relies on.
     */
    record Lambda(int arity, LambdaBodyTyper bodyTyper) implements ArgType {
        public Lambda {
            if (arity < 1) throw new IllegalArgumentException("lambda arity < 1: " + arity);
            Objects.requireNonNull(bodyTyper, "bodyTyper");
        }

        @Override
        public String display() {
            return "LAMBDA(" + arity + ")";
        }
    }

    /** Types a lambda's body given the types of its parameters. */
    @FunctionalInterface
    interface LambdaBodyTyper {
        /** The body's type when the lambda's parameters have {@code inputTypes}; throws a SqlException when it does not type. */
        SqlType bodyType(List<SqlType> inputTypes);
    }
}
