package io.runnel.streams.errors;

import io.runnel.streams.processor.TaskId;
import java.util.Objects;

/**
 * Where a record failed: the input record in flight (topic, partition, offset; topic is empty and
 * offset -1 when none, e.g. inside a punctuation), the node that failed and its task.
 */
public record ErrorHandlerContext(String topic, int partition, long offset, String processorNodeId, TaskId taskId) {

    public ErrorHandlerContext {
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(processorNodeId, "processorNodeId");
        Objects.requireNonNull(taskId, "taskId");
    }
}
