package io.runnel.log;

import io.runnel.common.RunnelException;

/** A producer whose epoch is older than the one the log knows for its producer id. */
public class ProducerFencedException extends RunnelException {
    private static final long serialVersionUID = 1L;

    public ProducerFencedException(String message) {
        super(message);
    }

    public ProducerFencedException(String message, Throwable cause) {
        super(message, cause);
    }
}
