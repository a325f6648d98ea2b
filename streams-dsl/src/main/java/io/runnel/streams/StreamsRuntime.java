package io.runnel.streams;

import io.runnel.common.Time;
import io.runnel.log.Admin;
import io.runnel.log.LogClients;
import io.runnel.log.NewTopic;
import io.runnel.log.TopicConfig;
import io.runnel.log.TopicExistsException;
import io.runnel.state.RocksDBResources;
import io.runnel.state.Stores;
import io.runnel.streams.internal.runtime.StreamThread;
import io.runnel.streams.internal.topology.InternalTopologyBuilder;
import io.runnel.streams.internal.topology.NodeDef;
import io.runnel.streams.internal.topology.TopologyAccess;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Runs a topology over a log ({@link LogClients}: the embedded log or, later, Kafka), as
 * KafkaStreams does: {@code num.stream.threads} stream threads in the consumer group
 * {@code application.id}, one task per sub-topology and input partition, at-least-once (stores
 * flushed and outputs acknowledged before offsets are committed, every {@code commit.interval.ms},
 * default 1000). {@link #start()} creates the internal topics (repartition topics and compacted
 * store changelogs) with as many partitions as the largest input topic. Thread-safe.
 *
 * <p>Configuration: {@code application.id} (required), {@code num.stream.threads} (1),
 * {@code commit.interval.ms} (1000), {@code state.dir} (java.io.tmpdir/runnel-streams).
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
    private final String applicationId;
    private final int threadCount;
    private final long commitIntervalMs;
    private final Path stateDir;
    private final List<StreamThread> streamThreads = new ArrayList<>();
    private final List<Thread> threads = new ArrayList<>();
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
        Object appId = config.get(StreamsConfig.APPLICATION_ID_CONFIG);
        if (appId == null || appId.toString().isBlank()) {
            throw new IllegalArgumentException(StreamsConfig.APPLICATION_ID_CONFIG + " is required");
        }
        this.applicationId = appId.toString();
        this.threadCount = Integer.parseInt(setting(config, StreamsConfig.NUM_STREAM_THREADS_CONFIG, "1"));
        this.commitIntervalMs = Long.parseLong(setting(config, StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, "1000"));
        this.stateDir = Path.of(setting(config, StreamsConfig.STATE_DIR_CONFIG,
                System.getProperty("java.io.tmpdir") + "/runnel-streams"));
        if (!builder.globalStores().isEmpty()) {
            throw new TopologyException("global tables are not supported by the runtime yet (only by the test driver)");
        }
    }

    private static String setting(Map<String, ?> config, String key, String defaultValue) {
        Object v = config.get(key);
        return v == null ? defaultValue : v.toString();
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
        for (int i = 1; i <= threadCount; i++) {
            String name = applicationId + "-StreamThread-" + i;
            StreamThread st = new StreamThread(builder, applicationId, time, clients, stateDir, rocksDB, commitIntervalMs, name);
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
            for (InternalTopologyBuilder.StoreDef s : builder.stores().values()) {
                if (s.builder().loggingEnabled()) {
                    create(admin, new NewTopic(Stores.changelogTopic(applicationId, s.builder().name()), partitions,
                            Map.of(TopicConfig.CLEANUP_POLICY, "compact")));
                }
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
