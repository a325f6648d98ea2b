package io.runnel.log;

import io.runnel.common.RunnelException;

/** A poll interrupted by Consumer.wakeup(). */
public class WakeupException extends RunnelException {
    private static final long serialVersionUID = 1L;

    public WakeupException(String message) {
        super(message);
    }

    public WakeupException(String message, Throwable cause) {
        super(message, cause);
    }
}
