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

    public RunnelClientException(int httpStatus, int errorCode, String message, String statementText,
            List<KsqlEntity> entities) {
        super(message);
        this.httpStatus = httpStatus;
        this.errorCode = errorCode;
        this.statementText = statementText;
        this.entities = entities == null ? List.of() : List.copyOf(entities);
    }

    /** A transport failure. */
    public RunnelClientException(String message, Throwable cause) {
        super(message, cause);
        this.httpStatus = -1;
        this.errorCode = -1;
        this.statementText = null;
        this.entities = List.of();
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
