package io.runnel.sql.internal.plan.json;

/**
 * A stored exec plan that this version of Runnel cannot read: not an exec plan, a version it does
 * not know (a newer Runnel wrote it), or a field missing or malformed. The message says which.
 */
public final class UnreadablePlanException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public UnreadablePlanException(String message) {
        super(message);
    }

    public UnreadablePlanException(String message, Throwable cause) {
        super(message, cause);
    }
}
