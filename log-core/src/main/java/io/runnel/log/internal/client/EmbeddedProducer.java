package io.runnel.log.internal.client;

import io.runnel.common.Serializer;
import io.runnel.common.Time;
import io.runnel.common.TopicPartition;
import io.runnel.log.LogClosedException;
import io.runnel.log.Producer;
import io.runnel.log.ProducerRecord;
import io.runnel.log.RecordMetadata;
import io.runnel.log.RecordTooLargeException;
import io.runnel.log.UnknownTopicException;
import io.runnel.log.internal.broker.Broker;
import io.runnel.log.internal.broker.TopicRegistry;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * The in-process {@link Producer}: serializes on the caller's thread, chooses the partition
 * ({@link Partitioner}), encodes the record into the partition's open batch
 * ({@link PartitionBatcher}) and leaves sending to the {@link Sender} thread. With idempotence
 * the producer gets a never-reused producer id from the broker at construction (epoch 0).
 *
 * <p>Thread-safe.
 */
public final class EmbeddedProducer<K, V> implements Producer<K, V> {
    private final Broker broker;
    private final ProducerConfig config;
    private final Serializer<K> keySerializer;
    private final Serializer<V> valueSerializer;
    private final Time time;
    private final Partitioner partitioner = new Partitioner();
    private final Sender sender;
    private final long producerId;
    private final ConcurrentHashMap<String, TopicBatchers> topics = new ConcurrentHashMap<>();
    private final java.util.function.Consumer<EmbeddedProducer<?, ?>> onClose;
    private volatile boolean closed;

    /** The batchers of one topic, valid while the topic object is the registry's current one. */
    private record TopicBatchers(TopicRegistry.Topic topic, PartitionBatcher[] batchers) {
    }

    public EmbeddedProducer(Broker broker, ProducerConfig config, Serializer<K> keySerializer,
                            Serializer<V> valueSerializer, java.util.function.Consumer<EmbeddedProducer<?, ?>> onClose) {
        this.broker = broker;
        this.onClose = onClose;
        this.config = config;
        this.keySerializer = Objects.requireNonNull(keySerializer, "keySerializer");
        this.valueSerializer = Objects.requireNonNull(valueSerializer, "valueSerializer");
        this.time = broker.time();
        this.producerId = config.idempotence() ? broker.producerIds().nextProducerId() : -1;
        this.sender = new Sender(config.clientId(), config.lingerMs(), config.bufferMemory());
        this.sender.start();
    }

    /** The producer id stamped on batches (-1 without idempotence). */
    public long producerId() {
        return producerId;
    }

    @Override
    public CompletableFuture<RecordMetadata> send(ProducerRecord<K, V> record) {
        Objects.requireNonNull(record, "record");
        if (closed) {
            throw new LogClosedException("Producer " + config.clientId() + " is closed");
        }
        String topicName = record.topic();
        CompletableFuture<RecordMetadata> future = new CompletableFuture<>();
        TopicBatchers tb;
        try {
            tb = batchers(topicName);
        } catch (RuntimeException e) {
            future.completeExceptionally(e);
            return future;
        }
        byte[] key = keySerializer.serialize(topicName, record.key());
        byte[] value = valueSerializer.serialize(topicName, record.value());
        int partitions = tb.batchers.length;
        int p;
        if (record.partition() != null) {
            p = record.partition();
            if (p >= partitions) {
                future.completeExceptionally(new UnknownTopicException("Partition " + p + " of topic '" + topicName
                        + "' does not exist: it has " + partitions + " partition(s)"));
                return future;
            }
        } else {
            p = partitioner.partition(topicName, key, partitions);
        }
        int size = (key == null ? 0 : key.length) + (value == null ? 0 : value.length) + 90;
        int limit = Math.min(config.maxRequestSize(), tb.topic.config().maxMessageBytes());
        if (size > limit) {
            future.completeExceptionally(new RecordTooLargeException("Record of about " + size + " bytes for "
                    + topicName + "-" + p + " exceeds the limit of " + limit
                    + " bytes (max.request.size / topic max.message.bytes)"));
            return future;
        }
        long timestamp = record.timestamp() != null ? record.timestamp() : time.milliseconds();
        PartitionBatcher batcher = tb.batchers[p];
        int appended = batcher.append(timestamp, key, value, record.headers(), future);
        if ((appended & PartitionBatcher.CLOSED) != 0 && key == null && record.partition() == null) {
            partitioner.onNewBatch(topicName, p, partitions);
        }
        if ((appended & PartitionBatcher.WAS_EMPTY) != 0) {
            sender.wake();
        }
        sender.awaitMemory();
        return future;
    }

    @Override
    public void flush() {
        sender.flush(TimeUnit.MILLISECONDS.toNanos(config.deliveryTimeoutMs()));
    }

    @Override
    public int partitionCount(String topic) {
        return broker.registry().get(topic).metadata().partitions();
    }

    @Override
    public void close() {
        close(Duration.ofMillis(config.deliveryTimeoutMs()));
    }

    @Override
    public void close(Duration timeout) {
        if (closed) {
            return;
        }
        closed = true;
        sender.shutdown(timeout.toNanos());
        onClose.accept(this);
    }

    private TopicBatchers batchers(String topicName) {
        TopicBatchers tb = topics.get(topicName);
        TopicRegistry.Topic current = tb == null ? null : broker.registry().find(topicName);
        if (tb != null && tb.topic == current) {
            return tb;
        }
        TopicRegistry.Topic topic = current != null ? current : broker.topicForProduce(topicName);
        return topics.compute(topicName, (name, existing) -> {
            if (existing != null && existing.topic.partitions().equals(topic.partitions())) {
                // same partitions (only the configuration changed): keep the batchers and their sequences
                return existing.topic == topic ? existing : new TopicBatchers(topic, existing.batchers);
            }
            PartitionBatcher[] batchers = new PartitionBatcher[topic.partitions().size()];
            for (int i = 0; i < batchers.length; i++) {
                batchers[i] = new PartitionBatcher(sender, new TopicPartition(name, i), topic.partitions().get(i),
                        topic.config().timestampType(), config.compression(),
                        Math.min(config.batchSize(), topic.config().maxMessageBytes()), producerId, (short) 0,
                        () -> broker.producerIds().nextProducerId());
                sender.register(batchers[i]);
            }
            return new TopicBatchers(topic, batchers);
        });
    }
}
