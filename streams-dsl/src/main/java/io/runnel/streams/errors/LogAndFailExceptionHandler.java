package io.runnel.streams.errors;

import io.runnel.streams.processor.Record;

/** Logs each error at ERROR and answers FAIL: the default for deserialization and processing errors. */
public final class LogAndFailExceptionHandler implements DeserializationExceptionHandler, ProcessingExceptionHandler {
    private static final System.Logger LOG = System.getLogger(LogAndFailExceptionHandler.class.getName());

    @Override
    public HandlerResponse handle(ErrorHandlerContext context, byte[] key, byte[] value, Exception exception) {
        LOG.log(System.Logger.Level.ERROR, "a record cannot be deserialized at " + LogAndContinueExceptionHandler.where(context)
                + "; failing", exception);
        return HandlerResponse.FAIL;
    }

    @Override
    public HandlerResponse handle(ErrorHandlerContext context, Record<?, ?> record, Exception exception) {
        if (record == null) {
            LOG.log(System.Logger.Level.ERROR, "a punctuation of processor " + context.processorNodeId() + " failed (task "
                    + context.taskId() + "); failing", exception);
        } else {
            LOG.log(System.Logger.Level.ERROR, "processor " + context.processorNodeId() + " failed on the record at "
                    + LogAndContinueExceptionHandler.where(context) + "; failing", exception);
        }
        return HandlerResponse.FAIL;
    }
}
