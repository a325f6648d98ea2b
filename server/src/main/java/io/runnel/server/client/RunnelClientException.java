package io.runnel.server.client;

import io.runnel.server.api.KsqlEntity;
import java.util.List;

/**
 * A request failed. For errors the server reported, {@link #errorCode()} and
 * {@link #httpStatus()} are ksqlDB's ({@code 40001} and 400 for a bad statement), and
 * {@link #statementText()} names the failing statement when the server said which; for a
 * transport failure (no connection, broken stream) both are -1.
 */
public final class RunnelClientException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int httpStatus;
    private final int errorCode;
    private final String statementText;
    private final transient List<KsqlEntity> entities;
    private final int line;
    private final int column;

    public RunnelClientException(int httpStatus, int errorCode, String message, String statementText,
            List<KsqlEntity> entities) {
        this(httpStatus, errorCode, message, statementText, entities, 0, 0);
    }

    /** With the 1-based position of the mistake in {@code statementText} (0 when unknown). */
    public RunnelClientException(int httpStatus, int errorCode, String message, String statementText,
            List<KsqlEntity> entities, int line, int column) {
        super(message);
        this.httpStatus = httpStatus;
        this.errorCode = errorCode;
        this.statementText = statementText;
        this.entities = entities == null ? List.of() : List.copyOf(entities);
        this.line = line;
        this.column = column;
    }

    /** A transport failure. */
    public RunnelClientException(String message, Throwable cause) {
        super(message, cause);
        this.httpStatus = -1;
        this.errorCode = -1;
        this.statementText = null;
        this.entities = List.of();
        this.line = 0;
        this.column = 0;
    }

    /** 1-based line of the mistake within {@link #statementText()}, 0 if the server did not say. */
    public int line() {
        return line;
    }

    /** 1-based column of the mistake within its line, 0 if the server did not say. */
    public int column() {
        return column;
    }

    public int httpStatus() {
        return httpStatus;
    }

    public int errorCode() {
        return errorCode;
    }

    /** The failing statement, or null. */
    public String statementText() {
        return statementText;
    }

    /** Results of the statements that ran before the failing one (for {@code /ksql}). */
    public List<KsqlEntity> entities() {
        return entities;
    }

    /** Whether the server answered (rather than the connection failing). */
    public boolean isServerError() {
        return errorCode > 0;
    }
}
