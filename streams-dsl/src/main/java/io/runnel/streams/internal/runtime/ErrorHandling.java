package io.runnel.streams.internal.runtime;

import io.runnel.common.Header;
import io.runnel.streams.errors.DeserializationExceptionHandler;
import io.runnel.streams.errors.ErrorHandlerContext;
import io.runnel.streams.errors.HandlerResponse;
import io.runnel.streams.errors.ProcessingExceptionHandler;
import io.runnel.streams.errors.ProductionExceptionHandler;
import io.runnel.streams.processor.Record;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Applies the three exception handlers of a stream thread to a failed record (or punctuation,
 * which goes to the processing handler with a null record): CONTINUE counts the
 * record as dropped at the node (and, for deserialization errors with a dead-letter topic, writes
 * the original record there); FAIL throws {@link FailedRecordException}, which ends the thread.
 *
 * <p>Dead-letter records keep the input's key and value bytes, timestamp and headers, and add
 * headers (KIP-1034's names): {@code __streams.errors.exception} (class name),
 * {@code __streams.errors.message}, {@code __streams.errors.stacktrace},
 * {@code __streams.errors.topic}, {@code __streams.errors.partition},
 * {@code __streams.errors.offset}; all UTF-8 text. Runs on the stream thread.
 */
public final class ErrorHandling {
    public static final String HEADER_PREFIX = "__streams.errors.";

    private final DeserializationExceptionHandler deserialization;
    private final ProcessingExceptionHandler processing;
    private final ProductionExceptionHandler production;
    private final String deadLetterTopic;

    public ErrorHandling(DeserializationExceptionHandler deserialization, ProcessingExceptionHandler processing,
                         ProductionExceptionHandler production, String deadLetterTopic) {
        this.deserialization = deserialization;
        this.processing = processing;
        this.production = production;
        this.deadLetterTopic = deadLetterTopic;
    }

    static ErrorHandlerContext context(TaskContext task, String node) {
        String topic = task.currentTopic();
        return new ErrorHandlerContext(topic == null ? "" : topic, topic == null ? -1 : task.currentPartition(),
                topic == null ? -1 : task.currentOffset(), node, task.taskId());
    }

    void onDeserializationError(TaskContext task, String node, byte[] key, byte[] value, long timestamp,
                                List<Header> headers, RuntimeException e) {
        ErrorHandlerContext c = context(task, node);
        if (answer(() -> deserialization.handle(c, key, value, e), c, "deserialization", e) == HandlerResponse.FAIL) {
            throw new FailedRecordException("cannot deserialize the record at " + where(c) + ": " + e.getMessage(), e);
        }
        task.metrics().recordDropped(node);
        if (deadLetterTopic != null) {
            List<Header> h = new ArrayList<>(headers);
            h.add(header("exception", e.getClass().getName()));
            h.add(header("message", String.valueOf(e.getMessage())));
            h.add(header("stacktrace", stackTrace(e)));
            h.add(header("topic", c.topic()));
            h.add(header("partition", Integer.toString(c.partition())));
            h.add(header("offset", Long.toString(c.offset())));
            task.collector().send(deadLetterTopic, null, key, value, timestamp, h);
        }
    }

    void onProcessingError(TaskContext task, String node, Record<?, ?> record, RuntimeException e) {
        ErrorHandlerContext c = context(task, node);
        if (answer(() -> processing.handle(c, record, e), c, "processing", e) == HandlerResponse.FAIL) {
            throw new FailedRecordException("processor " + node + " failed on the record at " + where(c) + ": "
                    + e.getMessage(), e);
        }
        task.metrics().recordDropped(node);
    }

    /** A punctuator of {@code node} threw (no record in flight: the handler gets a null record). */
    void onPunctuationError(TaskContext task, String node, io.runnel.streams.processor.PunctuationType type, long time,
                            RuntimeException e) {
        ErrorHandlerContext c = context(task, node);
        if (answer(() -> processing.handle(c, null, e), c, "processing", e) == HandlerResponse.FAIL) {
            throw new FailedRecordException("a " + type + " punctuation of processor " + node + " at " + time + " failed (task "
                    + c.taskId() + "): " + e.getMessage(), e);
        }
    }

    void onSerializationError(TaskContext task, String node, String topic, Object key, Object value, RuntimeException e) {
        ErrorHandlerContext c = context(task, node);
        if (answer(() -> production.handleSerializationException(c, topic, key, value, e), c, "serialization", e)
                == HandlerResponse.FAIL) {
            throw new FailedRecordException("sink " + node + " cannot serialize a record for " + topic + " (input at "
                    + where(c) + "): " + e.getMessage(), e);
        }
        task.metrics().recordDropped(node);
    }

    /** A send to {@code topic} failed; {@code context} is where the record came from when known. */
    void onProductionError(ErrorHandlerContext context, TaskMetrics metrics, String topic, byte[] key, byte[] value,
                           Exception e) {
        if (answer(() -> production.handle(context, topic, key, value, e), context, "production", e) == HandlerResponse.FAIL) {
            throw new FailedRecordException("cannot produce a record to " + topic + " (input at " + where(context) + "): "
                    + e.getMessage(), e);
        }
        if (metrics != null) {
            metrics.recordDropped(context.processorNodeId());
        }
    }

    private interface Answer {
        HandlerResponse get();
    }

    /** The handler's answer; a handler that throws or answers null fails the thread with that error. */
    private static HandlerResponse answer(Answer a, ErrorHandlerContext c, String kind, Exception original) {
        HandlerResponse r;
        try {
            r = a.get();
        } catch (RuntimeException handlerError) {
            handlerError.addSuppressed(original);
            throw new FailedRecordException("the " + kind + " exception handler threw at " + where(c), handlerError);
        }
        if (r == null) {
            throw new FailedRecordException("the " + kind + " exception handler answered null at " + where(c), original);
        }
        return r;
    }

    private static String where(ErrorHandlerContext c) {
        return c.topic() + "-" + c.partition() + " offset " + c.offset() + " (task " + c.taskId() + ", node "
                + c.processorNodeId() + ")";
    }

    private static Header header(String name, String value) {
        return new Header(HEADER_PREFIX + name, value.getBytes(StandardCharsets.UTF_8));
    }

    private static String stackTrace(Throwable e) {
        StringWriter w = new StringWriter();
        e.printStackTrace(new PrintWriter(w));
        return w.toString();
    }
}
