package io.runnel.sql.internal.ast;

/**
 * Where a node starts in the SQL text: 1-based line and 1-based column (ANTLR's 0-based
 * character position plus one), so it can be shown to users as typed.
 */
public record Position(int line, int column) {

    /** Position of nodes made by code rather than parsed (e.g. in tests or rewrites). */
    public static final Position UNKNOWN = new Position(1, 1);

    public Position {
        if (line < 1) throw new IllegalArgumentException("line < 1: " + line);
        if (column < 1) throw new IllegalArgumentException("column < 1: " + column);
    }

    @Override
    public String toString() {
        return "line " + line + ":" + column;
    }
}
