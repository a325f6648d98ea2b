package io.runnel.log;

import io.runnel.common.RunnelException;

/** An offset commit from a member whose group generation is stale (the group rebalanced). */
public class CommitFailedException extends RunnelException {
    private static final long serialVersionUID = 1L;

    public CommitFailedException(String message) {
        super(message);
    }

    public CommitFailedException(String message, Throwable cause) {
        super(message, cause);
    }
}
