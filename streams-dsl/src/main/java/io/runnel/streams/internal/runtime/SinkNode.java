package io.runnel.streams.internal.runtime;

import io.runnel.common.Serializer;
import io.runnel.log.Producer;
import io.runnel.streams.processor.Record;
import io.runnel.streams.processor.RecordContext;
import io.runnel.streams.processor.StreamPartitioner;
import io.runnel.streams.processor.TopicNameExtractor;
import io.runnel.streams.serde.WindowedSerializer;
import java.util.function.UnaryOperator;

/** Serializes records (errors to the production exception handler) and hands them to the task's {@link RecordCollector}. */
@SuppressWarnings({"unchecked", "rawtypes"})
final class SinkNode extends ProcessorNode {
    private final String topic;
    private final TopicNameExtractor extractor;
    private final Serializer keySerializer;
    private final Serializer valueSerializer;
    private final StreamPartitioner partitioner;
    private final UnaryOperator<String> decorate;
    private TaskContext task;

    SinkNode(String name, String topic, TopicNameExtractor<?, ?> extractor, Serializer<?> keySerializer,
             Serializer<?> valueSerializer, StreamPartitioner<?, ?> partitioner, UnaryOperator<String> decorate) {
        super(name);
        this.topic = topic == null ? null : decorate.apply(topic);
        this.extractor = extractor;
        this.keySerializer = keySerializer;
        this.valueSerializer = valueSerializer;
        this.partitioner = partitioner;
        this.decorate = decorate;
    }

    @Override
    public void init(TaskContext task) {
        this.task = task;
    }

    @Override
    public void process(Record<Object, Object> record) {
        String t = topic;
        if (t == null) {
            RecordContext rc = new RecordContext(task.currentTopic() == null ? "" : task.currentTopic(),
                    task.currentPartition(), task.currentOffset(), record.timestamp(), record.headers());
            t = decorate.apply(extractor.extract(record.key(), record.value(), rc));
        }
        byte[] k;
        byte[] v;
        try {
            k = keySerializer.serialize(t, record.key());
            v = valueSerializer.serialize(t, record.value());
        } catch (RuntimeException e) {
            ErrorHandling errors = task.errors();
            if (errors == null) {
                throw e;
            }
            errors.onSerializationError(task, name(), t, record.key(), record.value(), e);
            return;
        }
        Integer partition = null;
        if (partitioner != null) {
            partition = partitioner.partition(t, record.key(), record.value(), task.collector().partitionCount(t));
        } else if (keySerializer instanceof WindowedSerializer windowed && k != null && k.length >= windowed.windowBytes()) {
            // As Kafka Streams: a windowed key goes to the partition of its key without the window.
            partition = Producer.defaultPartition(k, k.length - windowed.windowBytes(), task.collector().partitionCount(t));
        }
        task.collector().send(t, partition, k, v, record.timestamp(), record.headers());
    }
}
