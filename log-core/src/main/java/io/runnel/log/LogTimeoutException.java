package io.runnel.log;

import io.runnel.common.RunnelException;

/** An operation that did not complete within its timeout. */
public class LogTimeoutException extends RunnelException {
    private static final long serialVersionUID = 1L;

    public LogTimeoutException(String message) {
        super(message);
    }

    public LogTimeoutException(String message, Throwable cause) {
        super(message, cause);
    }
}
