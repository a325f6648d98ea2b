package io.runnel.log.internal.broker;

import io.runnel.common.Time;
import io.runnel.log.LogClosedException;
import io.runnel.log.NewTopic;
import io.runnel.log.TopicConfig;
import io.runnel.log.TopicExistsException;
import io.runnel.log.UnknownTopicException;
import io.runnel.log.internal.group.GroupCoordinator;
import java.nio.file.Path;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * The server side of an embedded log: the {@link TopicRegistry} (topics and their partitions),
 * the {@link GroupCoordinator} (with offsets in {@code __consumer_offsets}), producer id
 * allocation, and the periodic tasks (retention, group member expiry) on the scheduler it is
 * given. Clients in {@code internal.client} talk to it directly.
 *
 * <p><b>Startup</b> ({@link #start}): topics are loaded (finishing interrupted deletions), the
 * internal topic {@code __consumer_offsets} is created if missing, and the coordinator is rebuilt
 * by replaying it. <b>Shutdown</b> ({@link #close}): periodic tasks are cancelled and every
 * partition is closed cleanly. Thread-safe.
 */
public final class Broker implements AutoCloseable {
    public static final String CONSUMER_OFFSETS = OffsetsTopicStore.TOPIC;
    private static final System.Logger LOG = System.getLogger(Broker.class.getName());

    private final Time time;
    private final TopicRegistry registry;
    private final ProducerIdManager producerIds;
    private final ScheduledExecutorService scheduler;
    private final long retentionCheckMs;
    private final boolean autoCreateTopics;
    private final int defaultPartitions;
    private GroupCoordinator coordinator;
    private ScheduledFuture<?> retentionTask;
    private ScheduledFuture<?> expiryTask;
    private volatile boolean closed;

    public Broker(Path dataDir, Time time, PartitionFactory partitions, ScheduledExecutorService scheduler,
                  long retentionCheckMs, boolean autoCreateTopics, int defaultPartitions) {
        this.time = time;
        this.registry = new TopicRegistry(dataDir, partitions);
        this.producerIds = new ProducerIdManager(dataDir);
        this.scheduler = scheduler;
        this.retentionCheckMs = retentionCheckMs;
        this.autoCreateTopics = autoCreateTopics;
        this.defaultPartitions = defaultPartitions;
    }

    public void start() {
        registry.load();
        if (registry.find(CONSUMER_OFFSETS) == null) {
            registry.create(new NewTopic(CONSUMER_OFFSETS, 1, Map.of(TopicConfig.CLEANUP_POLICY, "compact",
                    TopicConfig.SEGMENT_BYTES, Integer.toString(100 * 1024 * 1024))), true);
        }
        OffsetsTopicStore store = new OffsetsTopicStore(registry.partition(
                new io.runnel.common.TopicPartition(CONSUMER_OFFSETS, 0)), time);
        coordinator = new GroupCoordinator(time, store, registry::partitionCount, new Random());
        store.restore(coordinator);
        retentionTask = scheduler.scheduleWithFixedDelay(this::enforceRetention, retentionCheckMs, retentionCheckMs,
                TimeUnit.MILLISECONDS);
        expiryTask = scheduler.scheduleWithFixedDelay(this::expireMembers, 100, 100, TimeUnit.MILLISECONDS);
    }

    public Time time() {
        return time;
    }

    public TopicRegistry registry() {
        return registry;
    }

    public GroupCoordinator coordinator() {
        return coordinator;
    }

    public ProducerIdManager producerIds() {
        return producerIds;
    }

    /** The topic to produce to, created with the default partition count if auto-creation is on. */
    public TopicRegistry.Topic topicForProduce(String name) {
        checkOpen();
        TopicRegistry.Topic t = registry.find(name);
        if (t != null) {
            return t;
        }
        if (!autoCreateTopics) {
            throw new UnknownTopicException("Topic '" + name + "' does not exist (auto creation is off)");
        }
        try {
            return registry.create(new NewTopic(name, defaultPartitions), false);
        } catch (TopicExistsException e) {
            return registry.get(name);
        }
    }

    public void checkOpen() {
        if (closed) {
            throw new LogClosedException("The log is closed");
        }
    }

    /** Runs retention on every partition now (also run periodically). */
    public void enforceRetention() {
        for (TopicRegistry.Topic t : registry.all()) {
            if (!t.config().cleanupPolicy().deletes()) {
                continue;
            }
            for (LogPartition p : t.partitions()) {
                try {
                    p.deleteExpiredSegments();
                } catch (RuntimeException e) {
                    LOG.log(System.Logger.Level.WARNING, "retention failed for " + p.topicPartition(), e);
                }
            }
        }
    }

    private void expireMembers() {
        try {
            coordinator.checkExpirations();
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "group expiry check failed", e);
        }
    }

    public boolean isClosed() {
        return closed;
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        for (TopicRegistry.Topic t : registry.all()) {
            for (LogPartition p : t.partitions()) {
                p.waiters().wakeAll(); // long polls notice the close at once
            }
        }
        if (retentionTask != null) {
            retentionTask.cancel(false);
            expiryTask.cancel(false);
        }
        registry.close();
    }
}
