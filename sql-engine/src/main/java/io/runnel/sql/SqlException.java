package io.runnel.sql;

import java.util.Objects;
import java.util.Optional;

/**
 * A user error in SQL: carries a stable {@link SqlErrorCode}, and the 1-based line and column it
 * refers to when there is one. The message is meant to be shown to the user as is.
 */
public class SqlException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final SqlErrorCode errorCode;
    private final int line;
    private final int column;

    /** An error at a position in the SQL text ({@code line} and {@code column} are 1-based). */
    public SqlException(SqlErrorCode errorCode, int line, int column, String message) {
        super(Objects.requireNonNull(message, "message"));
        this.errorCode = Objects.requireNonNull(errorCode, "errorCode");
        if (line < 1) throw new IllegalArgumentException("line < 1: " + line);
        if (column < 1) throw new IllegalArgumentException("column < 1: " + column);
        this.line = line;
        this.column = column;
    }

    /** An error not tied to a position (e.g. a catalog lookup by a name given through an API). */
    public SqlException(SqlErrorCode errorCode, String message) {
        super(Objects.requireNonNull(message, "message"));
        this.errorCode = Objects.requireNonNull(errorCode, "errorCode");
        this.line = 0;
        this.column = 0;
    }

    /**
     * This error located at a position of the statement, e.g. a catalog miss found while binding
     * a column reference: same code, message prefixed with {@code line L:C: }.
     */
    public SqlException withPosition(int line, int column) {
        SqlException located = new SqlException(errorCode, line, column, "line " + line + ":" + column + ": " + getMessage());
        located.initCause(this);
        return located;
    }

    public SqlErrorCode errorCode() {
        return errorCode;
    }

    /** The 1-based line, if the error has a position. */
    public Optional<Integer> line() {
        return line == 0 ? Optional.empty() : Optional.of(line);
    }

    /** The 1-based column, if the error has a position. */
    public Optional<Integer> column() {
        return column == 0 ? Optional.empty() : Optional.of(column);
    }
}
