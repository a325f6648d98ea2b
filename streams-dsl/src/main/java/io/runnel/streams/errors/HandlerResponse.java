package io.runnel.streams.errors;

/** What an exception handler tells the runtime to do with the failed record. */
public enum HandlerResponse {
    /** Drop the record (counted in {@code dropped-records}), go on with the next one. */
    CONTINUE,
    /** Stop the stream thread with the error (the runtime moves to ERROR). */
    FAIL
}
