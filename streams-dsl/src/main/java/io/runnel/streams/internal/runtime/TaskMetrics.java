package io.runnel.streams.internal.runtime;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Per-task counters: {@code dropped-records-total} (late records, null keys where a key is
 * required, deserialization skips), also split per processor. Runs on the task's thread; read
 * between records.
 */
public final class TaskMetrics {
    private long droppedRecords;
    private long processedRecords;
    private final Map<String, Long> droppedByNode = new LinkedHashMap<>();

    public void recordDropped(String nodeName) {
        droppedRecords++;
        droppedByNode.merge(nodeName, 1L, Long::sum);
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
