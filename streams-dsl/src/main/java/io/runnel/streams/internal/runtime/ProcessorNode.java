package io.runnel.streams.internal.runtime;

import io.runnel.streams.processor.Record;

/**
 * A node instantiated inside a task. Records are passed by direct method calls from parent to
 * children ({@link NodeContext#forward}); a record is fully processed downstream before the next
 * one starts. Runs on its task's thread only.
 */
public abstract class ProcessorNode {
    private final String name;

    protected ProcessorNode(String name) {
        this.name = name;
    }

    public String name() {
        return name;
    }

    /** Called once, in topological order, before the first record. */
    public abstract void init(TaskContext task);

    public abstract void process(Record<Object, Object> record);

    public void close() {
    }
}
