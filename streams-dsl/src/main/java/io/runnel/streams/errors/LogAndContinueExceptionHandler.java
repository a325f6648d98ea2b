package io.runnel.streams.errors;

import io.runnel.streams.processor.Record;

/** Logs each error at WARNING and answers CONTINUE, for all three kinds of errors. */
public final class LogAndContinueExceptionHandler
        implements DeserializationExceptionHandler, ProcessingExceptionHandler, ProductionExceptionHandler {
    private static final System.Logger LOG = System.getLogger(LogAndContinueExceptionHandler.class.getName());

    @Override
    public HandlerResponse handle(ErrorHandlerContext context, byte[] key, byte[] value, Exception exception) {
        LOG.log(System.Logger.Level.WARNING, "skipping a record that cannot be deserialized at " + where(context), exception);
        return HandlerResponse.CONTINUE;
    }

    @Override
    public HandlerResponse handle(ErrorHandlerContext context, Record<?, ?> record, Exception exception) {
        if (record == null) {
            LOG.log(System.Logger.Level.WARNING, "a punctuation of processor " + context.processorNodeId() + " failed (task "
                    + context.taskId() + "); continuing", exception);
        } else {
            LOG.log(System.Logger.Level.WARNING, "skipping a record that failed in processor " + context.processorNodeId()
                    + " at " + where(context), exception);
        }
        return HandlerResponse.CONTINUE;
    }

    @Override
    public HandlerResponse handle(ErrorHandlerContext context, String topic, byte[] key, byte[] value, Exception exception) {
        LOG.log(System.Logger.Level.WARNING, "dropping an output record to " + topic + " that cannot be produced", exception);
        return HandlerResponse.CONTINUE;
    }

    static String where(ErrorHandlerContext c) {
        return c.topic() + "-" + c.partition() + " offset " + c.offset() + " (task " + c.taskId() + ")";
    }
}
