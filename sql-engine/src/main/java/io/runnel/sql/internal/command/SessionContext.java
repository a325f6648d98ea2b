package io.runnel.sql.internal.command;

import io.runnel.sql.internal.catalog.Catalog;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What a statement runs against: the current catalog snapshot, the session's properties
 * ({@code SET 'name' = 'value'}) and variables ({@code DEFINE name = 'value'}, names upper-cased).
 * Immutable; every change returns a new context, so the engine swaps one reference per statement.
 */
public record SessionContext(Catalog catalog, Map<String, String> properties, Map<String, String> variables) {

    public SessionContext {
        Objects.requireNonNull(catalog, "catalog");
        properties = Collections.unmodifiableMap(new TreeMap<>(properties));
        variables = Collections.unmodifiableMap(new TreeMap<>(variables));
    }

    /** An empty catalog, no properties, no variables. */
    public static SessionContext empty() {
        return new SessionContext(Catalog.empty(), Map.of(), Map.of());
    }

    public Optional<String> property(String name) {
        return Optional.ofNullable(properties.get(name));
    }

    public SessionContext withCatalog(Catalog next) {
        return new SessionContext(next, properties, variables);
    }

    public SessionContext withProperty(String name, String value) {
        TreeMap<String, String> copy = new TreeMap<>(properties);
        copy.put(name, value);
        return new SessionContext(catalog, copy, variables);
    }

    public SessionContext withoutProperty(String name) {
        TreeMap<String, String> copy = new TreeMap<>(properties);
        copy.remove(name);
        return new SessionContext(catalog, copy, variables);
    }

    public SessionContext withVariable(String name, String value) {
        TreeMap<String, String> copy = new TreeMap<>(variables);
        copy.put(name, value);
        return new SessionContext(catalog, properties, copy);
    }

    public SessionContext withoutVariable(String name) {
        TreeMap<String, String> copy = new TreeMap<>(variables);
        copy.remove(name);
        return new SessionContext(catalog, properties, copy);
    }
}
