package io.runnel.state;

import io.runnel.common.RunnelException;

/**
 * A store used when it cannot serve: closed, not yet initialized, or (for interactive queries)
 * migrated away or still restoring. Retriable for queries once the store is running again.
 */
public class InvalidStateStoreException extends RunnelException {
    private static final long serialVersionUID = 1L;

    public InvalidStateStoreException(String message) {
        super(message);
    }

    public InvalidStateStoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
