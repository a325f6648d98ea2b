package io.runnel.common;

/** The root of Runnel's typed exceptions. */
public class RunnelException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public RunnelException(String message) {
        super(message);
    }

    public RunnelException(String message, Throwable cause) {
        super(message, cause);
    }
}
