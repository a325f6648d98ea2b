package io.runnel.state;

import io.runnel.common.RunnelException;

/** A store failed in its storage (I/O, RocksDB error, unreadable checkpoint while writing). */
public class ProcessorStateException extends RunnelException {
    private static final long serialVersionUID = 1L;

    public ProcessorStateException(String message) {
        super(message);
    }

    public ProcessorStateException(String message, Throwable cause) {
        super(message, cause);
    }
}
