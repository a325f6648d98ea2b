package io.runnel.streams.internal.runtime;

import io.runnel.common.Header;
import io.runnel.log.Producer;
import io.runnel.log.ProducerRecord;
import io.runnel.log.RecordMetadata;
import io.runnel.streams.errors.ErrorHandlerContext;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * A task's sink and dead-letter records, sent with the stream thread's producer. A send refused
 * at once (record too large, unknown partition) goes to the production exception handler right
 * away, with the input record in flight as context; one that fails later is found by
 * {@link #checkSends()} after the producer flush of the next commit (per topic, the last send
 * stands for the ones before it: a log that failed a batch fails the batches after it), before
 * any input offset is committed. Runs on the stream thread.
 */
final class LogRecordCollector implements RecordCollector {
    private final Producer<byte[], byte[]> producer;
    private final ErrorHandling errors;
    private final Map<String, CompletableFuture<RecordMetadata>> lastSend = new HashMap<>();
    private TaskContext task;

    LogRecordCollector(Producer<byte[], byte[]> producer, ErrorHandling errors) {
        this.producer = producer;
        this.errors = errors;
    }

    void setTask(TaskContext task) {
        this.task = task;
    }

    @Override
    public void send(String topic, Integer partition, byte[] key, byte[] value, long timestamp, List<Header> headers) {
        CompletableFuture<RecordMetadata> f = producer.send(new ProducerRecord<>(topic, partition, timestamp, key, value,
                headers));
        if (f.isCompletedExceptionally()) {
            errors.onProductionError(ErrorHandling.context(task, "sink"), task.metrics(), topic, key, value, failure(f));
            return;
        }
        lastSend.put(topic, f);
    }

    @Override
    public int partitionCount(String topic) {
        return producer.partitionCount(topic);
    }

    /** After a producer flush: hands a failed send to the production exception handler. */
    void checkSends() {
        for (Map.Entry<String, CompletableFuture<RecordMetadata>> e : lastSend.entrySet()) {
            if (e.getValue().isCompletedExceptionally()) {
                errors.onProductionError(new ErrorHandlerContext("", -1, -1, "sink", task.taskId()), task.metrics(),
                        e.getKey(), null, null, failure(e.getValue()));
            }
        }
        lastSend.clear();
    }

    private static Exception failure(CompletableFuture<RecordMetadata> f) {
        Throwable t = f.handle((m, ex) -> ex).join();
        while (t instanceof java.util.concurrent.CompletionException && t.getCause() != null) {
            t = t.getCause();
        }
        return t instanceof Exception ex ? ex : new RuntimeException(t);
    }
}
