package io.runnel.server.api;

import java.util.List;
import java.util.Objects;

/**
 * A user's statement (or request) was rejected. Carries what the REST API returns: a stable
 * error code ({@link ErrorCodes}), a message, the statement text, and the position of the
 * mistake when known (1-based line and column within {@link #statementText()}, 0 when unknown).
 *
 * <p>{@link #entities()} are the results of the statements of the same script that ran before
 * the failing one (ksqlDB returns them in the error's {@code entities}).
 */
public final class StatementException extends Exception {

    private static final long serialVersionUID = 1L;

    private final int errorCode;
    private final String statementText;
    private final int line;
    private final int column;
    private final transient List<KsqlEntity> entities;

    public StatementException(int errorCode, String message, String statementText, int line, int column,
            List<KsqlEntity> entities) {
        super(Objects.requireNonNull(message, "message"));
        if (errorCode < 10000 || errorCode > 59999) {
            throw new IllegalArgumentException("not a ksqlDB error code: " + errorCode);
        }
        if (line < 0 || column < 0) {
            throw new IllegalArgumentException("line and column must be >= 0: " + line + ":" + column);
        }
        this.errorCode = errorCode;
        this.statementText = statementText;
        this.line = line;
        this.column = column;
        this.entities = List.copyOf(Objects.requireNonNull(entities, "entities"));
    }

    /** A statement error without a known position. */
    public StatementException(int errorCode, String message, String statementText) {
        this(errorCode, message, statementText, 0, 0, List.of());
    }

    /** A bad statement ({@link ErrorCodes#BAD_STATEMENT}) with the position of the mistake. */
    public static StatementException badStatement(String message, String statementText, int line, int column) {
        return new StatementException(ErrorCodes.BAD_STATEMENT, message, statementText, line, column, List.of());
    }

    /** A bad request ({@link ErrorCodes#BAD_REQUEST}) that is not about one statement. */
    public static StatementException badRequest(String message) {
        return new StatementException(ErrorCodes.BAD_REQUEST, message, null);
    }

    /** The same error, carrying the results of the statements executed before it. */
    public StatementException withEntities(List<KsqlEntity> executedBefore) {
        return new StatementException(errorCode, getMessage(), statementText, line, column, executedBefore);
    }

    public int errorCode() {
        return errorCode;
    }

    /** The failing statement, or null if the error is not about one statement. */
    public String statementText() {
        return statementText;
    }

    /** 1-based line of the mistake within the statement text, 0 if unknown. */
    public int line() {
        return line;
    }

    /** 1-based column of the mistake within its line, 0 if unknown. */
    public int column() {
        return column;
    }

    public List<KsqlEntity> entities() {
        return entities;
    }
}
