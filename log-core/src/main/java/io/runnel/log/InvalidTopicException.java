package io.runnel.log;

import io.runnel.common.RunnelException;

/** A topic name that is not allowed. */
public class InvalidTopicException extends RunnelException {
    private static final long serialVersionUID = 1L;

    public InvalidTopicException(String message) {
        super(message);
    }

    public InvalidTopicException(String message, Throwable cause) {
        super(message, cause);
    }
}
