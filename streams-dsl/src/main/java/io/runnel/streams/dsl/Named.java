package io.runnel.streams.dsl;

import java.util.Objects;

/**
 * The name of an operator, replacing the generated {@code <kind>-<n>} name. Names must be unique
 * in a topology; stores and internal topics of the operator derive from it.
 */
public record Named(String name) {

    public Named {
        NameCheck.check(name, "name");
    }

    public static Named as(String name) {
        return new Named(name);
    }

    static final class NameCheck {
        private NameCheck() {
        }

        static void check(String name, String what) {
            Objects.requireNonNull(name, what);
            if (name.isEmpty() || name.length() > 200 || !name.matches("[a-zA-Z0-9._-]+")) {
                throw new IllegalArgumentException(what + " must be 1-200 characters of [a-zA-Z0-9._-]: '" + name + "'");
            }
        }
    }
}
