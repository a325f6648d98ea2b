package io.runnel.streams.internal.runtime;

import io.runnel.common.metrics.Counter;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Per-task counters: {@code dropped-records-total} (late records, null keys where a key is
 * required, deserialization skips, records dropped by an exception handler), also split per
 * processor. Runs on the task's thread; read between records (the runtime also counts drops in
 * its metrics registry, readable from any thread).
 */
public final class TaskMetrics {
    private long droppedRecords;
    private long processedRecords;
    private final Map<String, Long> droppedByNode = new LinkedHashMap<>();
    private Counter droppedCounter;

    /** Also counts drops in a registry counter (readable from other threads), as the runtime does. */
    public void bindDroppedCounter(Counter counter) {
        this.droppedCounter = counter;
    }

    public void recordDropped(String nodeName) {
        droppedRecords++;
        droppedByNode.merge(nodeName, 1L, Long::sum);
        if (droppedCounter != null) {
            droppedCounter.increment();
        }
    }

    public void recordProcessed() {
        processedRecords++;
    }

    public long droppedRecords() {
        return droppedRecords;
    }

    public long processedRecords() {
        return processedRecords;
    }

    public Map<String, Long> droppedByNode() {
        return Map.copyOf(droppedByNode);
    }
}
