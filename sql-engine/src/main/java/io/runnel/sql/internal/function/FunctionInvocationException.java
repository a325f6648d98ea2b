package io.runnel.sql.internal.function;

/**
 * A function threw while evaluating one record. The caller makes the expression NULL and counts
 * the record as a processing error (docs/internals/sql-engine.md); the query keeps running.
 */
public final class FunctionInvocationException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public FunctionInvocationException(String functionName, Throwable cause) {
        super("Error calling " + functionName + ": " + cause, cause);
    }
}
