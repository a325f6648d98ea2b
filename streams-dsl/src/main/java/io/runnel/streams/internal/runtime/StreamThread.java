package io.runnel.streams.internal.runtime;

import io.runnel.common.Header;
import io.runnel.common.Serdes;
import io.runnel.common.Time;
import io.runnel.common.TopicPartition;
import io.runnel.log.Consumer;
import io.runnel.log.ConsumerRebalanceListener;
import io.runnel.log.ConsumerRecord;
import io.runnel.log.LogClients;
import io.runnel.log.OffsetAndMetadata;
import io.runnel.log.Producer;
import io.runnel.log.ProducerRecord;
import io.runnel.log.WakeupException;
import io.runnel.state.RocksDBResources;
import io.runnel.state.StateStore;
import io.runnel.state.TaskStateManager;
import io.runnel.streams.internal.topology.InternalTopologyBuilder;
import io.runnel.streams.processor.TaskId;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

/**
 * One stream thread: a consumer in the application's group reading every source topic, a
 * producer for sinks and changelogs, and the tasks of the partitions assigned to it (a task per
 * sub-topology and partition number, so co-partitioned topics meet in one task). Loop: poll,
 * process each record in its task, fire wall-clock punctuations, commit every
 * {@code commit.interval.ms}. At-least-once commit order: flush stores, flush the producer
 * (sink and changelog records acknowledged), checkpoint the stores, commit consumed offsets. On
 * revocation and shutdown the thread commits and closes its tasks. New tasks restore their
 * change-logged stores before processing. Everything runs on this thread except
 * {@link #shutdown()}.
 */
public final class StreamThread implements Runnable {
    private static final System.Logger LOG = System.getLogger(StreamThread.class.getName());

    private final InternalTopologyBuilder builder;
    private final String applicationId;
    private final Time time;
    private final LogClients clients;
    private final Path stateDir;
    private final RocksDBResources rocksDB;
    private final long commitIntervalMs;
    private final String clientId;
    private final Map<String, InternalTopologyBuilder.Subtopology> subtopologyByTopic = new HashMap<>();
    private final Map<TaskId, Task> tasks = new LinkedHashMap<>();
    private final Map<TopicPartition, Long> consumed = new HashMap<>();
    private volatile boolean running = true;
    private Consumer<byte[], byte[]> consumer;
    private Producer<byte[], byte[]> producer;
    private long lastCommitMs;

    private record Task(StreamTask task, TaskStateManager state) {
    }

    public StreamThread(InternalTopologyBuilder builder, String applicationId, Time time, LogClients clients, Path stateDir,
                        RocksDBResources rocksDB, long commitIntervalMs, String clientId) {
        this.builder = builder;
        this.applicationId = applicationId;
        this.time = time;
        this.clients = clients;
        this.stateDir = stateDir;
        this.rocksDB = rocksDB;
        this.commitIntervalMs = commitIntervalMs;
        this.clientId = clientId;
        for (InternalTopologyBuilder.Subtopology s : builder.subtopologies()) {
            for (String t : s.sourceTopics()) {
                subtopologyByTopic.put(builder.decorate(applicationId, t), s);
            }
        }
    }

    /** Asks the thread to commit, close its tasks and stop; returns at once. */
    public void shutdown() {
        running = false;
        Consumer<byte[], byte[]> c = consumer;
        if (c != null) {
            c.wakeup();
        }
    }

    @Override
    public void run() {
        consumer = clients.consumer(Map.of("group.id", applicationId, "enable.auto.commit", "false",
                "auto.offset.reset", "earliest", "client.id", clientId), Serdes.byteArray().deserializer(),
                Serdes.byteArray().deserializer());
        producer = clients.producer(Map.of("client.id", clientId + "-producer", "linger.ms", "5"),
                Serdes.byteArray().serializer(), Serdes.byteArray().serializer());
        try {
            consumer.subscribe(subtopologyByTopic.keySet(), new ConsumerRebalanceListener() {
                @Override
                public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
                    commit();
                    closeTasks();
                }

                @Override
                public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
                    for (TopicPartition tp : partitions) {
                        taskFor(tp);
                    }
                }
            });
            lastCommitMs = time.milliseconds();
            while (running) {
                for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(100))) {
                    TopicPartition tp = r.topicPartition();
                    taskFor(tp).task.process(r.topic(), r.partition(), r.offset(), r.timestamp(), r.key(), r.value(),
                            r.headers());
                    consumed.put(tp, r.offset() + 1);
                }
                boolean commitAsked = false;
                for (Task t : tasks.values()) {
                    t.task.punctuateWallClock();
                    commitAsked |= t.task.context().takeCommitRequest();
                }
                if (commitAsked || time.milliseconds() - lastCommitMs >= commitIntervalMs) {
                    commit();
                }
            }
        } catch (WakeupException e) {
            if (running) {
                throw e;
            }
        } finally {
            try {
                commit();
                closeTasks();
            } finally {
                producer.close();
                consumer.close();
            }
        }
    }

    private Task taskFor(TopicPartition tp) {
        InternalTopologyBuilder.Subtopology sub = subtopologyByTopic.get(tp.topic());
        TaskId id = new TaskId(sub.id(), tp.partition());
        Task t = tasks.get(id);
        if (t == null) {
            t = createTask(sub, id);
            tasks.put(id, t);
        }
        return t;
    }

    private Task createTask(InternalTopologyBuilder.Subtopology sub, TaskId id) {
        AtomicReference<TaskContext> context = new AtomicReference<>();
        TaskStateManager state = TaskStateManager.builder(applicationId, id.toString(), id.partition(),
                        stateDir.resolve(applicationId).resolve(id.toString()))
                .time(time).rocksDBResources(rocksDB)
                .changelogWriters(tp -> (key, value, ts) -> producer.send(
                        new ProducerRecord<>(tp.topic(), tp.partition(), ts, key.get(), value, List.of())))
                .recordTimestamp(() -> context.get() == null ? 0L : context.get().recordTimestamp())
                .build();
        StreamTask task = new StreamTask(builder, sub, id.partition(), applicationId, time, new Collector(),
                (def, ctx) -> {
                    context.set(ctx);
                    StateStore s = def.builder().build();
                    state.initStores(List.of(s));
                    return s;
                }, Map.of());
        try (Consumer<byte[], byte[]> restoreConsumer = clients.consumer(Map.of("client.id", clientId + "-restore",
                "auto.offset.reset", "none"), Serdes.byteArray().deserializer(), Serdes.byteArray().deserializer())) {
            state.restore(restoreConsumer);
        }
        LOG.log(System.Logger.Level.INFO, "{0}: created task {1}", clientId, id);
        return new Task(task, state);
    }

    /** Flushes stores and producer, checkpoints, then commits consumed offsets. */
    private void commit() {
        if (producer == null) {
            return;
        }
        for (Task t : tasks.values()) {
            t.state.flush();
        }
        producer.flush();
        for (Task t : tasks.values()) {
            t.state.checkpoint(Map.of());
        }
        if (!consumed.isEmpty()) {
            Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
            consumed.forEach((tp, o) -> offsets.put(tp, new OffsetAndMetadata(o)));
            consumer.commitSync(offsets);
            consumed.clear();
        }
        lastCommitMs = time.milliseconds();
    }

    private void closeTasks() {
        for (Task t : tasks.values()) {
            t.task.close();
        }
        tasks.clear();
    }

    /** The tasks this thread runs now (for tests and metrics). */
    public Set<TaskId> taskIds() {
        return Set.copyOf(tasks.keySet());
    }

    private final class Collector implements RecordCollector {
        @Override
        public void send(String topic, Integer partition, byte[] key, byte[] value, long timestamp, List<Header> headers) {
            producer.send(new ProducerRecord<>(topic, partition, timestamp, key, value, headers));
        }

        @Override
        public int partitionCount(String topic) {
            return producer.partitionCount(topic);
        }
    }
}
