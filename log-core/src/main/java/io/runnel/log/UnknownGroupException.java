package io.runnel.log;

import io.runnel.common.RunnelException;

/** A consumer group that does not exist. */
public class UnknownGroupException extends RunnelException {
    private static final long serialVersionUID = 1L;

    public UnknownGroupException(String message) {
        super(message);
    }

    public UnknownGroupException(String message, Throwable cause) {
        super(message, cause);
    }
}
