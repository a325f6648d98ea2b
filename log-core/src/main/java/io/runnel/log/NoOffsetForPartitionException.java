package io.runnel.log;

import io.runnel.common.RunnelException;

/** No committed offset and auto.offset.reset=none. */
public class NoOffsetForPartitionException extends RunnelException {
    private static final long serialVersionUID = 1L;

    public NoOffsetForPartitionException(String message) {
        super(message);
    }

    public NoOffsetForPartitionException(String message, Throwable cause) {
        super(message, cause);
    }
}
