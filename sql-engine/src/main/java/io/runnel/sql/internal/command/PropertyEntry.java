package io.runnel.sql.internal.command;

import java.util.Objects;

/**
 * One line of SHOW PROPERTIES: name, scope ({@code KSQL} for engine properties, {@code KAFKA} for
 * client and streams properties), the value in force ("" when unset) and whether the session
 * overrides the default.
 */
public record PropertyEntry(String name, String scope, String value, boolean overridden) {
    public PropertyEntry {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(value, "value");
    }
}
