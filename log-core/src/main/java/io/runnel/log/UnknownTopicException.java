package io.runnel.log;

import io.runnel.common.RunnelException;

/** A topic or partition that does not exist. */
public class UnknownTopicException extends RunnelException {
    private static final long serialVersionUID = 1L;

    public UnknownTopicException(String message) {
        super(message);
    }

    public UnknownTopicException(String message, Throwable cause) {
        super(message, cause);
    }
}
