package io.runnel.streams.errors;

import io.runnel.streams.processor.Record;

/**
 * Decides about a record a processor threw on, as Kafka Streams' handler of that name (KIP-1033).
 * Set with {@code processing.exception.handler} (an instance or a class name); the default fails.
 * With CONTINUE the record goes no further from the node that threw (what that node forwarded
 * before throwing stays forwarded) and is counted as dropped at that node.
 *
 * <p>A punctuator that throws comes here too, as in Kafka Streams: {@code record} is null, the
 * context names the processor that scheduled it and has no input record (empty topic, offset -1).
 * CONTINUE skips the rest of that punctuation (the next one fires as scheduled); FAIL ends the
 * stream thread, reported like a failed record.
 */
@FunctionalInterface
public interface ProcessingExceptionHandler {

    HandlerResponse handle(ErrorHandlerContext context, Record<?, ?> record, Exception exception);

    static ProcessingExceptionHandler logAndContinue() {
        return new LogAndContinueExceptionHandler();
    }

    static ProcessingExceptionHandler logAndFail() {
        return new LogAndFailExceptionHandler();
    }
}
