package io.runnel.streams.internal.runtime;

import io.runnel.common.Deserializer;
import io.runnel.common.Header;
import io.runnel.streams.processor.Record;
import io.runnel.streams.processor.TimestampExtractor;
import java.util.List;

/** Deserializes input records, picks their event time and forwards them to its children. */
final class SourceNode extends ProcessorNode {
    private final Deserializer<?> keyDeserializer;
    private final Deserializer<?> valueDeserializer;
    private final TimestampExtractor timestampExtractor;
    private final NodeContext context;
    private TaskContext task;

    SourceNode(String name, Deserializer<?> keyDeserializer, Deserializer<?> valueDeserializer,
               TimestampExtractor timestampExtractor, NodeContext context) {
        super(name);
        this.keyDeserializer = keyDeserializer;
        this.valueDeserializer = valueDeserializer;
        this.timestampExtractor = timestampExtractor;
        this.context = context;
    }

    @Override
    public void init(TaskContext task) {
        this.task = task;
    }

    /** Processes one raw input record; returns false if it was dropped (negative timestamp, deserialization error skipped). */
    boolean processRaw(String topic, byte[] key, byte[] value, long timestamp, List<Header> headers) {
        Object k;
        Object v;
        try {
            k = keyDeserializer.deserialize(topic, key);
            v = valueDeserializer.deserialize(topic, value);
        } catch (RuntimeException e) {
            ErrorHandling errors = task.errors();
            if (errors == null) {
                throw e;
            }
            errors.onDeserializationError(task, name(), key, value, timestamp, headers, e);
            return false;
        }
        long ts = timestampExtractor == TimestampExtractor.RECORD_TIMESTAMP
                ? timestamp : timestampExtractor.extract(k, v, timestamp, task.streamTime());
        if (ts < 0) {
            task.metrics().recordDropped(name());
            return false;
        }
        task.advanceStreamTime(ts);
        task.setRecordTimestamp(ts);
        context.forward(new Record<>(k, v, ts, headers));
        return true;
    }

    @Override
    public void process(Record<Object, Object> record) {
        context.forward(record);
    }
}
