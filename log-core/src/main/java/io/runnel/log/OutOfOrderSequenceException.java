package io.runnel.log;

import io.runnel.common.RunnelException;

/** An idempotent producer batch whose sequence leaves a gap. */
public class OutOfOrderSequenceException extends RunnelException {
    private static final long serialVersionUID = 1L;

    public OutOfOrderSequenceException(String message) {
        super(message);
    }

    public OutOfOrderSequenceException(String message, Throwable cause) {
        super(message, cause);
    }
}
