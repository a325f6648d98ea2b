package io.runnel.state;

/**
 * A persistent store's files could not be opened or read as valid data. The state manager reacts
 * by wiping the store's directory and restoring it from its changelog; it never retries the open
 * of the same files (which would be a crash loop).
 */
public class CorruptedStoreException extends ProcessorStateException {
    private static final long serialVersionUID = 1L;

    public CorruptedStoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
