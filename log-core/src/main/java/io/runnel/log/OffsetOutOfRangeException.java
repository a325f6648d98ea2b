package io.runnel.log;

import io.runnel.common.RunnelException;

/** A read below the log start offset or beyond the log end offset. */
public class OffsetOutOfRangeException extends RunnelException {
    private static final long serialVersionUID = 1L;

    public OffsetOutOfRangeException(String message) {
        super(message);
    }

    public OffsetOutOfRangeException(String message, Throwable cause) {
        super(message, cause);
    }
}
