package io.runnel.streams.errors;

/**
 * Decides about an input record whose key or value the source cannot deserialize, as Kafka
 * Streams' handler of that name. Set with {@code default.deserialization.exception.handler}
 * (an instance, or the name of a class with a public no-argument constructor); the default fails.
 * With CONTINUE the record is skipped, counted as dropped, and — when
 * {@code errors.dead.letter.queue.topic.name} is set — written with its original key and value
 * bytes to that topic, with headers naming its topic, partition, offset and the error.
 */
@FunctionalInterface
public interface DeserializationExceptionHandler {

    HandlerResponse handle(ErrorHandlerContext context, byte[] key, byte[] value, Exception exception);

    /** Logs the error at WARNING and skips the record. */
    static DeserializationExceptionHandler logAndContinue() {
        return new LogAndContinueExceptionHandler();
    }

    /** Logs the error and fails (the default). */
    static DeserializationExceptionHandler logAndFail() {
        return new LogAndFailExceptionHandler();
    }
}
