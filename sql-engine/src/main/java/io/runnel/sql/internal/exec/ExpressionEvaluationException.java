package io.runnel.sql.internal.exec;

import io.runnel.common.RunnelException;

/** A record made an expression fail; the message names the expression and the cause. */
public class ExpressionEvaluationException extends RunnelException {
    private static final long serialVersionUID = 1L;

    public ExpressionEvaluationException(String message, Throwable cause) {
        super(message, cause);
    }
}
