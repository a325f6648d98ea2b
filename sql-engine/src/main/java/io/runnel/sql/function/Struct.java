package io.runnel.sql.function;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The value of a SQL STRUCT: named fields in declaration order, each possibly null. Field names
 * are case-sensitive, as they are in the struct's type. Immutable; build one with
 * {@link #builder()}.
 */
public final class Struct {
    private final Map<String, Object> fields;

    private Struct(Map<String, Object> fields) {
        this.fields = Collections.unmodifiableMap(fields);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A struct with the given field names and values, in order; names and values have the same size. */
    public static Struct of(List<String> names, List<?> values) {
        if (names.size() != values.size()) {
            throw new IllegalArgumentException(names.size() + " names but " + values.size() + " values");
        }
        Builder b = builder();
        for (int i = 0; i < names.size(); i++) {
            b.put(names.get(i), values.get(i));
        }
        return b.build();
    }

    /** The value of a field, or null when the field is null. Throws when there is no such field. */
    public Object get(String field) {
        if (!fields.containsKey(field)) {
            throw new IllegalArgumentException("Struct has no field '" + field + "'; fields: " + fields.keySet());
        }
        return fields.get(field);
    }

    public boolean has(String field) {
        return fields.containsKey(field);
    }

    /** Field names to values, in declaration order; unmodifiable. */
    public Map<String, Object> fields() {
        return fields;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Struct s && fields.equals(s.fields) && List.copyOf(fields.keySet()).equals(List.copyOf(s.fields.keySet()));
    }

    @Override
    public int hashCode() {
        return fields.hashCode();
    }

    @Override
    public String toString() {
        return "Struct" + fields;
    }

    /** Builds a {@link Struct}; fields keep the order they are put in. */
    public static final class Builder {
        private final Map<String, Object> fields = new LinkedHashMap<>();

        private Builder() {
        }

        public Builder put(String field, Object value) {
            Objects.requireNonNull(field, "field");
            if (fields.containsKey(field)) {
                throw new IllegalArgumentException("duplicate struct field '" + field + "'");
            }
            fields.put(field, value);
            return this;
        }

        public Struct build() {
            return new Struct(new LinkedHashMap<>(fields));
        }
    }
}
