package io.runnel.streams.errors;

/**
 * Decides about an output record that cannot be serialized or written (record too large, topic or
 * partition missing, log closed), as Kafka Streams' handler of that name. Set with
 * {@code default.production.exception.handler} (an instance or a class name); the default fails.
 * With CONTINUE the record is dropped, counted, and the commit goes on without it (so its input is
 * committed: the output is lost on purpose). A send that fails after it was handed to the producer
 * is seen at the next commit, which asks the handler before committing any input offset.
 */
public interface ProductionExceptionHandler {

    /** The record could not be written to {@code topic}. */
    HandlerResponse handle(ErrorHandlerContext context, String topic, byte[] key, byte[] value, Exception exception);

    /** The sink could not serialize the record's key or value; by default the same answer as {@link #handle}. */
    default HandlerResponse handleSerializationException(ErrorHandlerContext context, String topic, Object key, Object value,
                                                         Exception exception) {
        return handle(context, topic, null, null, exception);
    }

    /** Fails on every error (the default). */
    static ProductionExceptionHandler alwaysFail() {
        return (context, topic, key, value, exception) -> HandlerResponse.FAIL;
    }

    /** Logs and drops every record that cannot be produced. */
    static ProductionExceptionHandler logAndContinue() {
        return new LogAndContinueExceptionHandler();
    }
}
