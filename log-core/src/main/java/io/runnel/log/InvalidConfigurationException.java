package io.runnel.log;

import io.runnel.common.RunnelException;

/** A configuration value that is missing, unknown or out of range; the message says which and why. */
public class InvalidConfigurationException extends RunnelException {
    private static final long serialVersionUID = 1L;

    public InvalidConfigurationException(String message) {
        super(message);
    }

    public InvalidConfigurationException(String name, Object value, String expected) {
        super("Invalid value '" + value + "' for configuration " + name + ": expected " + expected);
    }
}
