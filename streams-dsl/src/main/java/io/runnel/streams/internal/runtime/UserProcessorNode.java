package io.runnel.streams.internal.runtime;

import io.runnel.streams.processor.Processor;
import io.runnel.streams.processor.Record;

/** Runs one {@link Processor}. */
@SuppressWarnings({"unchecked", "rawtypes"})
final class UserProcessorNode extends ProcessorNode {
    private final Processor processor;
    private final NodeContext context;

    UserProcessorNode(String name, Processor<?, ?, ?, ?> processor, NodeContext context) {
        super(name);
        this.processor = processor;
        this.context = context;
    }

    @Override
    public void init(TaskContext task) {
        processor.init(context);
    }

    @Override
    public void process(Record<Object, Object> record) {
        processor.process(record);
    }

    @Override
    public void close() {
        processor.close();
    }
}
