package io.runnel.server.api;

/**
 * ksqlDB's error codes, which the REST API returns in {@code error_code}. An error code is the
 * HTTP status times 100 plus a detail, so {@link #httpStatus(int)} recovers the status.
 */
public final class ErrorCodes {

    /** Malformed request: bad JSON, a missing field, a row that does not fit its schema. */
    public static final int BAD_REQUEST = 40000;
    /** The statement is wrong: syntax error, unknown source or column, type mismatch. */
    public static final int BAD_STATEMENT = 40001;
    /** A query ({@code SELECT}, {@code PRINT}) was sent to {@code /ksql}. */
    public static final int QUERY_ENDPOINT = 40002;
    /** Too many push queries are running. */
    public static final int MAX_PUSH_QUERIES_EXCEEDED = 40003;
    /** No such resource (path, command id, query id). */
    public static final int NOT_FOUND = 40400;
    /** The HTTP method is not allowed on this path. */
    public static final int METHOD_NOT_ALLOWED = 40500;
    /** The server failed; not the user's fault. */
    public static final int SERVER_ERROR = 50000;
    /** The server is shutting down. */
    public static final int SERVER_SHUTTING_DOWN = 50300;
    /** The server is not ready yet. */
    public static final int SERVER_NOT_READY = 50302;

    private ErrorCodes() {
    }

    /** The HTTP status for an error code; 500 for a code outside 400..599. */
    public static int httpStatus(int errorCode) {
        int status = errorCode / 100;
        return status >= 400 && status <= 599 ? status : 500;
    }
}
