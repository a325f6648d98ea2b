package io.runnel.streams.internal.runtime;

import io.runnel.streams.StreamsException;

/**
 * A record failed and its handler answered FAIL (or there is no handler): passes through the
 * handlers of the enclosing nodes unchanged and ends the stream thread.
 */
public final class FailedRecordException extends StreamsException {
    private static final long serialVersionUID = 1L;

    public FailedRecordException(String message, Throwable cause) {
        super(message, cause);
    }
}
