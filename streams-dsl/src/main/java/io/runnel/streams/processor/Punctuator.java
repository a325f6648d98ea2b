package io.runnel.streams.processor;

/** A callback scheduled with {@link BaseContext#schedule}. */
@FunctionalInterface
public interface Punctuator {

    /** @param timestamp the stream time or wall-clock time at which it fires */
    void punctuate(long timestamp);
}
