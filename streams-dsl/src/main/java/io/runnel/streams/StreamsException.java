package io.runnel.streams;

import io.runnel.common.RunnelException;

/** A failure while processing records (a full suppression buffer, a processor that threw). */
public class StreamsException extends RunnelException {
    private static final long serialVersionUID = 1L;

    public StreamsException(String message) {
        super(message);
    }

    public StreamsException(String message, Throwable cause) {
        super(message, cause);
    }
}
