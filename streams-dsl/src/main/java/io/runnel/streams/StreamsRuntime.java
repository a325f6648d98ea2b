package io.runnel.streams;

import io.runnel.common.Time;
import io.runnel.log.Admin;
import io.runnel.log.LogClients;
import io.runnel.log.NewTopic;
import io.runnel.log.TopicConfig;
import io.runnel.log.TopicExistsException;
import io.runnel.state.InvalidStateStoreException;
import io.runnel.state.QueryableStoreType;
import io.runnel.state.RocksDBResources;
import io.runnel.state.Stores;
import io.runnel.common.metrics.Counter;
import io.runnel.common.metrics.Metric;
import io.runnel.common.metrics.MetricsRegistry;
import io.runnel.streams.internal.runtime.RunningStores;
import io.runnel.streams.internal.runtime.RuntimeConfig;
import io.runnel.streams.internal.runtime.StreamThread;
import io.runnel.streams.internal.topology.InternalTopologyBuilder;
import io.runnel.streams.internal.topology.NodeDef;
import io.runnel.streams.internal.topology.TopologyAccess;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Runs a topology over a log ({@link LogClients}: the embedded log or, later, Kafka), as
 * KafkaStreams does: {@code num.stream.threads} stream threads in the consumer group
 * {@code application.id}, one task per sub-topology and input partition, at-least-once (stores
 * caches flushed and outputs acknowledged before offsets are committed, every
 * {@code commit.interval.ms}, default 1000). {@link #start()} creates the internal topics
 * (repartition topics and compacted store changelogs) with as many partitions as the largest
 * input topic, and the dead-letter topic if one is configured and missing. Thread-safe.
 *
 * <p>Configuration ({@link StreamsConfig}): {@code application.id} (required),
 * {@code num.stream.threads} (1), {@code commit.interval.ms} (1000), {@code state.dir}
 * (java.io.tmpdir/runnel-streams), {@code statestore.cache.max.bytes} (10485760, shared by the
 * threads; cached stores forward their latest update per key when the cache flushes at commit or
 * evicts, as in Kafka Streams), the three exception handlers and
 * {@code errors.dead.letter.queue.topic.name}.
 *
 * <p>Interactive queries: {@link #store} gives a read-only view of a store across every task of
 * the runtime once all of them run (restored), reading through the record cache.
 *
 * <p>Errors: a record whose handler answers FAIL ends its stream thread; the runtime then moves
 * to {@link State#ERROR} (the state listener is told) and calls the uncaught-exception handler
 * with the error.
 */
public final class StreamsRuntime implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(StreamsRuntime.class.getName());

    /** Life cycle states, as KafkaStreams names them. */
    public enum State { CREATED, RUNNING, PENDING_SHUTDOWN, NOT_RUNNING, ERROR }

    /** Told about every state change. */
    @FunctionalInterface
    public interface StateListener {
        void onChange(State newState, State oldState);
    }

    private final InternalTopologyBuilder builder;
    private final LogClients clients;
    private final Time time;
    private final RuntimeConfig config;
    private final String applicationId;
    private final MetricsRegistry metrics;
    private final List<StreamThread> streamThreads = new ArrayList<>();
    private final List<Thread> threads = new ArrayList<>();
    private final RunningStores runningStores = new RunningStores();
    /** Per store name, its instances when every task runs (the partitions of its sub-topology); set by start. */
    private volatile Map<String, Integer> storeInstances = Map.of();
    private volatile State state = State.CREATED;
    private volatile StateListener listener = (n, o) -> { };
    private volatile Consumer<Throwable> uncaughtHandler = e -> { };
    private RocksDBResources rocksDB;

    public StreamsRuntime(Topology topology, Map<String, ?> config, LogClients clients) {
        this(topology, config, clients, Time.SYSTEM);
    }

    public StreamsRuntime(Topology topology, Map<String, ?> config, LogClients clients, Time time) {
        this.builder = TopologyAccess.builder(Objects.requireNonNull(topology, "topology"));
        this.clients = Objects.requireNonNull(clients, "clients");
        this.time = Objects.requireNonNull(time, "time");
        this.config = RuntimeConfig.from(Objects.requireNonNull(config, "config"));
        this.applicationId = this.config.applicationId();
        this.metrics = new MetricsRegistry(time);
        if (!builder.globalStores().isEmpty()) {
            throw new TopologyException("global tables are not supported by the runtime yet (only by the test driver)");
        }
    }

    public void setStateListener(StateListener l) {
        this.listener = Objects.requireNonNull(l, "listener");
    }

    /** Called with the error when a stream thread dies; the runtime then moves to ERROR. */
    public void setUncaughtExceptionHandler(Consumer<Throwable> handler) {
        this.uncaughtHandler = Objects.requireNonNull(handler, "handler");
    }

    public State state() {
        return state;
    }

    /**
     * The runtime's metrics: {@code stream-task-metrics/dropped-records-total} per thread and task
     * (records skipped by an exception handler, late or null-key records), {@code record-cache}
     * hits, misses and evictions per thread. Readable from any thread.
     */
    public MetricsRegistry metrics() {
        return metrics;
    }

    /** Sum of {@code dropped-records-total} over every task the runtime has run. */
    public long droppedRecords() {
        long n = 0;
        for (Metric m : metrics.metrics()) {
            if (m instanceof Counter c && m.metricName().name().equals("dropped-records-total")) {
                n += c.count();
            }
        }
        return n;
    }

    private synchronized void transition(State next) {
        State old = state;
        state = next;
        listener.onChange(next, old);
    }

    /** Creates internal topics and starts the stream threads. */
    public synchronized void start() {
        if (state != State.CREATED) {
            throw new IllegalStateException("start() needs state CREATED, is " + state);
        }
        createInternalTopics();
        rocksDB = RocksDBResources.create(RocksDBResources.DEFAULT_TOTAL_BYTES);
        for (int i = 1; i <= config.threads(); i++) {
            String name = applicationId + "-StreamThread-" + i;
            StreamThread st = new StreamThread(builder, config, time, clients, rocksDB, name, metrics, runningStores);
            Thread t = new Thread(st, name);
            t.setUncaughtExceptionHandler((thread, e) -> {
                LOG.log(System.Logger.Level.ERROR, "stream thread " + thread.getName() + " died", e);
                transition(State.ERROR);
                uncaughtHandler.accept(e);
            });
            streamThreads.add(st);
            threads.add(t);
        }
        transition(State.RUNNING);
        threads.forEach(Thread::start);
    }

    /**
     * A read-only view of the named store over every task's instance of it, for interactive
     * queries from any thread, as Kafka Streams' {@code KafkaStreams.store}: {@code type} is one of
     * {@link io.runnel.state.QueryableStoreTypes}. Reads go through the record cache, so they see
     * the latest value each task processed, also before it is committed. A view holds the
     * instances running when it was made; once one of them closes (shutdown, rebalance, failure),
     * its reads throw {@link InvalidStateStoreException}: get a new view and retry.
     *
     * @throws InvalidStateStoreException when the runtime is not RUNNING, the topology has no
     *                                    such store, some task of the store is not running yet
     *                                    (created and restored), or the store is not of that type
     */
    public <T> T store(String storeName, QueryableStoreType<T> type) {
        Objects.requireNonNull(storeName, "storeName");
        Objects.requireNonNull(type, "type");
        if (state != State.RUNNING) {
            throw new InvalidStateStoreException("Cannot get state store " + storeName + ": the runtime is " + state
                    + ", not RUNNING");
        }
        Integer expected = storeInstances.get(storeName);
        if (expected == null) {
            throw new InvalidStateStoreException("Cannot get state store " + storeName + ": the topology has no such store"
                    + " (stores: " + new java.util.TreeSet<>(storeInstances.keySet()) + ")");
        }
        return runningStores.store(storeName, type, expected);
    }

    private void createInternalTopics() {
        try (Admin admin = clients.admin()) {
            int partitions = 1;
            for (NodeDef n : builder.nodes().values()) {
                if (n instanceof NodeDef.Source s) {
                    for (String t : s.topics()) {
                        if (!builder.isInternalTopic(t)) {
                            partitions = Math.max(partitions, admin.describeTopic(t).partitions());
                        }
                    }
                }
            }
            for (String t : builder.internalTopics()) {
                create(admin, new NewTopic(builder.decorate(applicationId, t), partitions, Map.of()));
            }
            Map<String, Integer> instances = new HashMap<>();
            for (InternalTopologyBuilder.Subtopology sub : builder.subtopologies()) {
                int tasks = 1;
                for (String t : sub.sourceTopics()) {
                    tasks = Math.max(tasks, builder.isInternalTopic(t) ? partitions : admin.describeTopic(t).partitions());
                }
                for (String store : sub.storeNames()) {
                    instances.put(store, tasks);
                }
            }
            storeInstances = Map.copyOf(instances);
            for (InternalTopologyBuilder.StoreDef s : builder.stores().values()) {
                if (s.builder().loggingEnabled()) {
                    create(admin, new NewTopic(Stores.changelogTopic(applicationId, s.builder().name()), partitions,
                            Map.of(TopicConfig.CLEANUP_POLICY, "compact")));
                }
            }
            if (config.deadLetterTopic() != null && !admin.listTopics(false).contains(config.deadLetterTopic())) {
                create(admin, new NewTopic(config.deadLetterTopic(), 1, Map.of()));
            }
        }
    }

    private static void create(Admin admin, NewTopic topic) {
        try {
            admin.createTopic(topic);
        } catch (TopicExistsException e) {
            // created by an earlier run
        }
    }

    /** Stops the threads (each commits and closes its tasks) and waits for them. */
    @Override
    public void close() {
        close(Duration.ofMinutes(1));
    }

    public synchronized void close(Duration timeout) {
        if (state == State.NOT_RUNNING) {
            return;
        }
        transition(State.PENDING_SHUTDOWN);
        streamThreads.forEach(StreamThread::shutdown);
        long deadline = System.nanoTime() + timeout.toNanos();
        for (Thread t : threads) {
            try {
                t.join(Math.max(1, (deadline - System.nanoTime()) / 1_000_000));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (rocksDB != null) {
            rocksDB.close();
        }
        transition(State.NOT_RUNNING);
    }
}
