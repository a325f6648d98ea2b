package io.runnel.log;

import io.runnel.common.RunnelException;

/** A topic to create exists already. */
public class TopicExistsException extends RunnelException {
    private static final long serialVersionUID = 1L;

    public TopicExistsException(String message) {
        super(message);
    }

    public TopicExistsException(String message, Throwable cause) {
        super(message, cause);
    }
}
