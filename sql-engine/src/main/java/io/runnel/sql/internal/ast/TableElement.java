package io.runnel.sql.internal.ast;

import java.util.Objects;
import java.util.Optional;

/** A column declared in CREATE STREAM/TABLE (or added by ALTER). */
public record TableElement(String name, TypeExpr type, Constraint constraint, Optional<String> headerKey,
                           Position position) implements Node {

    /** Where the column's value comes from. */
    public enum Constraint {
        /** The record value (no constraint written). */
        VALUE,
        /** {@code KEY}: part of a stream's record key. */
        KEY,
        /** {@code PRIMARY KEY}: part of a table's primary key. */
        PRIMARY_KEY,
        /** {@code HEADERS}: all record headers, or with {@code HEADER('k')} one header's bytes. */
        HEADERS
    }

    public TableElement {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(constraint, "constraint");
        Objects.requireNonNull(headerKey, "headerKey");
        Objects.requireNonNull(position, "position");
        if (headerKey.isPresent() && constraint != Constraint.HEADERS) {
            throw new IllegalArgumentException("a header key needs the HEADERS constraint");
        }
    }
}
