package io.runnel.streams;

import io.runnel.common.RunnelException;

/** A topology is invalid: a duplicate or unknown name, a missing parent, an unconnected store. */
public class TopologyException extends RunnelException {
    private static final long serialVersionUID = 1L;

    public TopologyException(String message) {
        super(message);
    }
}
