package io.runnel.common;

/** Bytes could not be turned into a value, or a value into bytes. */
public class SerializationException extends RunnelException {
    private static final long serialVersionUID = 1L;

    public SerializationException(String message) {
        super(message);
    }

    public SerializationException(String message, Throwable cause) {
        super(message, cause);
    }
}
