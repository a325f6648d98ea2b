package io.runnel.log;

import io.runnel.common.RunnelException;

/** A log, partition or client used after close. */
public class LogClosedException extends RunnelException {
    private static final long serialVersionUID = 1L;

    public LogClosedException(String message) {
        super(message);
    }

    public LogClosedException(String message, Throwable cause) {
        super(message, cause);
    }
}
