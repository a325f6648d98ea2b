package io.runnel.sql.internal.ast;

/** A source is a stream (append-only) or a table (changelog keyed by its PRIMARY KEY). */
public enum SourceKind {
    STREAM,
    TABLE
}
