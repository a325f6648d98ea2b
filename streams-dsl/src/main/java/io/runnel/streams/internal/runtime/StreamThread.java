package io.runnel.streams.internal.runtime;

import io.runnel.common.Serdes;
import io.runnel.common.Time;
import io.runnel.common.TopicPartition;
import io.runnel.common.metrics.MetricsRegistry;
import io.runnel.log.Consumer;
import io.runnel.log.ConsumerRebalanceListener;
import io.runnel.log.ConsumerRecord;
import io.runnel.log.ConsumerRecords;
import io.runnel.log.LogClients;
import io.runnel.log.OffsetAndMetadata;
import io.runnel.log.Producer;
import io.runnel.log.ProducerRecord;
import io.runnel.log.WakeupException;
import io.runnel.state.RocksDBResources;
import io.runnel.state.StateStore;
import io.runnel.state.TaskStateManager;
import io.runnel.state.ThreadCache;
import io.runnel.streams.internal.topology.InternalTopologyBuilder;
import io.runnel.streams.processor.TaskId;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

/**
 * One stream thread: a consumer in the application's group reading every source topic, a
 * producer for sinks and changelogs, a record cache shared by its tasks, and the tasks of the
 * partitions assigned to it (a task per sub-topology and partition number, so co-partitioned
 * topics meet in one task).
 *
 * <p>Loop: poll (without waiting while records are buffered), hand the records to their tasks'
 * {@link TaskInput}s, process each task's records in timestamp order, fire wall-clock
 * punctuations, commit every {@code commit.interval.ms}. A partition whose task has
 * {@value #MAX_BUFFERED_PER_PARTITION} records buffered is paused until it drains.
 *
 * <p>At-least-once commit: flush the record caches (dirty entries to stores, changelogs and
 * downstream), flush the producer (sink and changelog records acknowledged; a failed send goes to
 * the production exception handler), checkpoint the stores when due ({@link ActiveTask}), commit
 * the consumed offsets. On revocation and shutdown the thread commits (checkpoint forced) and
 * closes its tasks. When a record fails and its handler answers FAIL, the thread closes its tasks
 * without committing (caches dropped) and dies with the error, which its uncaught-exception
 * handler reports. New tasks restore their change-logged stores before processing; then their
 * stores are registered in the {@link RunningStores} for interactive queries (unregistered before
 * they close). Everything runs on this thread except {@link #shutdown()}.
 */
public final class StreamThread implements Runnable {
    private static final System.Logger LOG = System.getLogger(StreamThread.class.getName());
    static final int MAX_BUFFERED_PER_PARTITION = 10_000;

    private final InternalTopologyBuilder builder;
    private final RuntimeConfig config;
    private final Time time;
    private final LogClients clients;
    private final RocksDBResources rocksDB;
    private final String clientId;
    private final MetricsRegistry metrics;
    private final ErrorHandling errors;
    private final ThreadCache cache;
    private final RunningStores runningStores;
    private final Map<String, InternalTopologyBuilder.Subtopology> subtopologyByTopic = new HashMap<>();
    private final Map<TaskId, ActiveTask> tasks = new LinkedHashMap<>();
    private final Map<TopicPartition, ActiveTask> taskByPartition = new HashMap<>();
    private final Map<TopicPartition, Boolean> caughtUp = new HashMap<>();
    private final Set<TopicPartition> paused = new HashSet<>();
    private volatile boolean running = true;
    private Consumer<byte[], byte[]> consumer;
    private Producer<byte[], byte[]> producer;
    private long lastCommitMs;

    public StreamThread(InternalTopologyBuilder builder, RuntimeConfig config, Time time, LogClients clients,
                        RocksDBResources rocksDB, String clientId, MetricsRegistry metrics, RunningStores runningStores) {
        this.builder = builder;
        this.config = config;
        this.time = time;
        this.clients = clients;
        this.rocksDB = rocksDB;
        this.clientId = clientId;
        this.metrics = metrics;
        this.runningStores = runningStores;
        this.errors = new ErrorHandling(config.deserializationHandler(), config.processingHandler(),
                config.productionHandler(), config.deadLetterTopic());
        long cacheBytes = config.cacheBytesPerThread();
        this.cache = cacheBytes > 0 ? new ThreadCache(clientId, cacheBytes, metrics) : null;
        for (InternalTopologyBuilder.Subtopology s : builder.subtopologies()) {
            for (String t : s.sourceTopics()) {
                subtopologyByTopic.put(builder.decorate(config.applicationId(), t), s);
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
        consumer = clients.consumer(Map.of("group.id", config.applicationId(), "enable.auto.commit", "false",
                "auto.offset.reset", "earliest", "client.id", clientId, "max.poll.records", "1000"),
                Serdes.byteArray().deserializer(), Serdes.byteArray().deserializer());
        producer = clients.producer(Map.of("client.id", clientId + "-producer", "linger.ms", "5", "batch.size", "65536"),
                Serdes.byteArray().serializer(), Serdes.byteArray().serializer());
        boolean failed = true;
        try {
            consumer.subscribe(subtopologyByTopic.keySet(), new ConsumerRebalanceListener() {
                @Override
                public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
                    commit(true);
                    closeTasks(true);
                }

                @Override
                public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
                    for (TopicPartition tp : partitions) {
                        taskFor(tp).input().addPartition(tp);
                    }
                }
            });
            lastCommitMs = time.milliseconds();
            while (running) {
                runOnce();
            }
            failed = false;
        } catch (WakeupException e) {
            if (running) {
                throw e;
            }
            failed = false;
        } finally {
            try {
                if (failed) {
                    closeTasks(false);
                } else {
                    commit(true);
                    closeTasks(true);
                }
            } finally {
                producer.close();
                consumer.close();
            }
        }
    }

    private void runOnce() {
        boolean buffered = false;
        for (ActiveTask t : tasks.values()) {
            buffered |= t.input().buffered() > 0;
        }
        ConsumerRecords<byte[], byte[]> records = consumer.poll(buffered ? Duration.ZERO : Duration.ofMillis(100));
        for (TopicPartition tp : records.partitions()) {
            ActiveTask t = taskFor(tp);
            t.input().add(tp, records.records(tp));
        }
        caughtUp.clear();
        for (ActiveTask t : tasks.values()) {
            process(t);
        }
        pauseFullPartitions();
        boolean commitAsked = false;
        for (ActiveTask t : tasks.values()) {
            t.task().punctuateWallClock();
            commitAsked |= t.task().context().takeCommitRequest();
        }
        if (commitAsked || time.milliseconds() - lastCommitMs >= config.commitIntervalMs()) {
            commit(false);
        }
    }

    private void process(ActiveTask t) {
        TaskInput input = t.input();
        StreamTask task = t.task();
        ConsumerRecord<byte[], byte[]> r;
        TopicPartition last = null;
        long lastOffset = -1;
        while ((r = input.next(this::isCaughtUp)) != null) {
            task.process(r.topic(), r.partition(), r.offset(), r.timestamp(), r.key(), r.value(), r.headers());
            if (last == null || last.partition() != r.partition() || !last.topic().equals(r.topic())) {
                if (last != null) {
                    t.processed(last, lastOffset);
                }
                last = r.topicPartition();
            }
            lastOffset = r.offset();
        }
        if (last != null) {
            t.processed(last, lastOffset);
        }
    }

    /** Whether the consumer has read the partition to its end (asked at most once per loop). */
    private boolean isCaughtUp(TopicPartition tp) {
        Boolean c = caughtUp.get(tp);
        if (c == null) {
            c = consumer.position(tp) >= consumer.endOffsets(List.of(tp)).get(tp);
            caughtUp.put(tp, c);
        }
        return c;
    }

    private void pauseFullPartitions() {
        List<TopicPartition> toPause = new ArrayList<>();
        List<TopicPartition> toResume = new ArrayList<>();
        for (Map.Entry<TopicPartition, ActiveTask> e : taskByPartition.entrySet()) {
            int n = e.getValue().input().buffered(e.getKey());
            if (n >= MAX_BUFFERED_PER_PARTITION && paused.add(e.getKey())) {
                toPause.add(e.getKey());
            } else if (n < MAX_BUFFERED_PER_PARTITION / 2 && paused.remove(e.getKey())) {
                toResume.add(e.getKey());
            }
        }
        if (!toPause.isEmpty()) {
            consumer.pause(toPause);
        }
        if (!toResume.isEmpty()) {
            consumer.resume(toResume);
        }
    }

    private ActiveTask taskFor(TopicPartition tp) {
        ActiveTask t = taskByPartition.get(tp);
        if (t != null) {
            return t;
        }
        InternalTopologyBuilder.Subtopology sub = subtopologyByTopic.get(tp.topic());
        TaskId id = new TaskId(sub.id(), tp.partition());
        t = tasks.get(id);
        if (t == null) {
            t = createTask(sub, id);
            tasks.put(id, t);
        }
        taskByPartition.put(tp, t);
        return t;
    }

    private ActiveTask createTask(InternalTopologyBuilder.Subtopology sub, TaskId id) {
        AtomicReference<TaskContext> context = new AtomicReference<>();
        AtomicReference<ActiveTask> self = new AtomicReference<>();
        TaskStateManager state = TaskStateManager.builder(config.applicationId(), id.toString(), id.partition(),
                        config.stateDir().resolve(config.applicationId()).resolve(id.toString()))
                .time(time).rocksDBResources(rocksDB).cache(cache)
                .changelogWriters(tp -> (key, value, ts) -> self.get().changelogSent(tp, producer.send(
                        new ProducerRecord<>(tp.topic(), tp.partition(), ts, key.get(), value, List.of()))))
                .recordTimestamp(() -> context.get() == null ? 0L : context.get().recordTimestamp())
                .build();
        LogRecordCollector collector = new LogRecordCollector(producer, errors);
        StreamTask task = new StreamTask(builder, sub, id.partition(), config.applicationId(), time, collector,
                (def, ctx) -> {
                    context.set(ctx);
                    StateStore s = def.builder().build();
                    state.initStores(List.of(s));
                    return s;
                }, Map.of());
        task.context().setErrorHandling(errors);
        task.context().metrics().bindDroppedCounter(metrics.counter(io.runnel.common.metrics.MetricName.of(
                "stream-task-metrics", "dropped-records-total", "thread", clientId, "task", id.toString())));
        collector.setTask(task.context());
        try (Consumer<byte[], byte[]> restoreConsumer = clients.consumer(Map.of("client.id", clientId + "-restore",
                "auto.offset.reset", "none"), Serdes.byteArray().deserializer(), Serdes.byteArray().deserializer())) {
            state.restore(restoreConsumer);
        }
        ActiveTask t = new ActiveTask(task, state, collector);
        self.set(t);
        task.stores().values().forEach(runningStores::register);
        LOG.log(System.Logger.Level.INFO, "{0}: created task {1}", clientId, id);
        return t;
    }

    /**
     * Flushes caches and producer, checkpoints the stores when due (always when {@code force}),
     * then commits consumed offsets.
     */
    private void commit(boolean force) {
        if (producer == null) {
            return;
        }
        for (ActiveTask t : tasks.values()) {
            t.flushCaches(cache);
        }
        producer.flush();
        for (ActiveTask t : tasks.values()) {
            t.collector().checkSends();
            t.maybeCheckpoint(force, time.milliseconds());
        }
        Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
        for (ActiveTask t : tasks.values()) {
            t.takeCommittableOffsets().forEach((tp, o) -> offsets.put(tp, new OffsetAndMetadata(o)));
        }
        if (!offsets.isEmpty()) {
            consumer.commitSync(offsets);
        }
        lastCommitMs = time.milliseconds();
    }

    private void closeTasks(boolean clean) {
        RuntimeException first = null;
        for (ActiveTask t : tasks.values()) {
            t.task().stores().values().forEach(runningStores::unregister);
            try {
                if (clean) {
                    t.closeClean();
                } else {
                    t.closeDirty(cache);
                }
            } catch (RuntimeException e) {
                first = first == null ? e : first;
            }
        }
        tasks.clear();
        taskByPartition.clear();
        paused.clear();
        if (first != null && clean) {
            throw first;
        }
    }

    /** The tasks this thread runs now (for tests and metrics). */
    public Set<TaskId> taskIds() {
        return Set.copyOf(tasks.keySet());
    }
}
