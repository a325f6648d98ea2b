package io.runnel.sql.internal.ast;

/** Every AST node records where it started in the SQL text. */
public interface Node {
    Position position();
}
