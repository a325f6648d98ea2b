package io.runnel.log;

import io.runnel.common.RunnelException;

/** A record or batch larger than max.message.bytes or max.request.size. */
public class RecordTooLargeException extends RunnelException {
    private static final long serialVersionUID = 1L;

    public RecordTooLargeException(String message) {
        super(message);
    }

    public RecordTooLargeException(String message, Throwable cause) {
        super(message, cause);
    }
}
