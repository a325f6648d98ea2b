package io.runnel.log;

import io.runnel.common.RunnelException;

/** Stored or received bytes that fail validation (CRC, length, format); never served. */
public class CorruptRecordException extends RunnelException {
    private static final long serialVersionUID = 1L;

    public CorruptRecordException(String message) {
        super(message);
    }

    public CorruptRecordException(String message, Throwable cause) {
        super(message, cause);
    }
}
