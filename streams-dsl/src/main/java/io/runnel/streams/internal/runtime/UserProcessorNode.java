package io.runnel.streams.internal.runtime;

import io.runnel.streams.processor.Processor;
import io.runnel.streams.processor.Record;

/** Runs one {@link Processor}, handing what it throws to the task's {@link ErrorHandling}. */
@SuppressWarnings({"unchecked", "rawtypes"})
final class UserProcessorNode extends ProcessorNode {
    private final Processor processor;
    private final NodeContext context;
    private TaskContext task;

    UserProcessorNode(String name, Processor<?, ?, ?, ?> processor, NodeContext context) {
        super(name);
        this.processor = processor;
        this.context = context;
    }

    Processor<?, ?, ?, ?> processor() {
        return processor;
    }

    @Override
    public void init(TaskContext task) {
        this.task = task;
        processor.init(context);
    }

    /** Runs the processor; an exception it throws goes to the processing exception handler (if any). */
    @Override
    public void process(Record<Object, Object> record) {
        try {
            processor.process(record);
        } catch (FailedRecordException e) {
            throw e;
        } catch (RuntimeException e) {
            ErrorHandling errors = task.errors();
            if (errors == null) {
                throw e;
            }
            errors.onProcessingError(task, name(), record, e);
        }
    }

    @Override
    public void close() {
        processor.close();
    }
}
