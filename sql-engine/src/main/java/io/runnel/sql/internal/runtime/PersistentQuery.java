package io.runnel.sql.internal.runtime;

import io.runnel.log.Admin;
import io.runnel.sql.engine.EngineResult;
import io.runnel.sql.internal.catalog.DataSource;
import io.runnel.sql.internal.exec.AggregateMaterialization;
import io.runnel.sql.internal.exec.ProcessingLog;
import io.runnel.sql.internal.exec.SinkMaterializer;
import io.runnel.sql.internal.exec.TopologyBuilder;
import io.runnel.sql.internal.plan.ExecNode;
import io.runnel.state.Bytes;
import io.runnel.state.InvalidStateStoreException;
import io.runnel.state.QueryableStoreTypes;
import io.runnel.state.ReadOnlyKeyValueStore;
import io.runnel.state.Stores;
import io.runnel.state.ValueAndTimestamp;
import io.runnel.streams.StreamsConfig;
import io.runnel.streams.StreamsRuntime;
import io.runnel.streams.Topology;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * One persistent query (CSAS, CTAS, INSERT INTO ... SELECT) running on its own
 * {@link StreamsRuntime}: application id {@code _runnel_query_<ID>} (its consumer group, the
 * prefix of its changelog and repartition topics and its state directory under the engine's
 * state dir), so a restart with the same id continues from its committed offsets and restores its
 * stores from their changelogs. Pull queries read a table a query writes from its stores
 * ({@link #storeRows}): an aggregation's own store ({@link AggregateMaterialization}), or else a
 * store of the table's rows ({@link SinkMaterializer}). Thread-safe: start and stop are serialized by the engine; the
 * state is read from any thread.
 */
final class PersistentQuery {
    private static final String PREFIX = "_runnel_query_";

    private final String id;
    private final String statementText;
    private final DataSource sink;
    private final ExecNode.Sink plan;
    private final Topology topology;
    private final ProcessingLog processingLog;
    private volatile StreamsRuntime runtime;
    /**
     * False when the query had committed offsets before its store of materialized rows existed
     * (a data directory of a version that did not materialize tables): the store lacks the rows
     * of before, so pull queries read the topic.
     */
    private volatile boolean storeComplete = true;
    private volatile String error;
    /** Present when pull queries read the table from the aggregation's store. */
    private final Optional<AggregateMaterialization> aggregateStore;

    PersistentQuery(String id, String statementText, DataSource sink, ExecNode.Sink plan) {
        this.id = Objects.requireNonNull(id, "id");
        this.statementText = Objects.requireNonNull(statementText, "statementText");
        this.sink = Objects.requireNonNull(sink, "sink");
        this.plan = Objects.requireNonNull(plan, "plan");
        this.processingLog = new ProcessingLog(id);
        this.topology = TopologyBuilder.build(id, plan, processingLog);
        this.aggregateStore = AggregateMaterialization.of(id, plan, processingLog);
    }

    static String applicationId(String queryId) {
        return PREFIX + queryId;
    }

    String id() {
        return id;
    }

    String applicationId() {
        return applicationId(id);
    }

    String statementText() {
        return statementText;
    }

    DataSource sink() {
        return sink;
    }

    ExecNode.Sink plan() {
        return plan;
    }

    Topology topology() {
        return topology;
    }

    /** The sources the query reads, left to right (several for a join). */
    List<DataSource> sources() {
        return ExecNode.sourcesOf(plan).stream().map(ExecNode.StreamSource::source).toList();
    }

    /** True when the query reads the source named {@code name}. */
    boolean reads(String name) {
        return sources().stream().anyMatch(s -> s.name().equals(name));
    }

    /**
     * Whether pull queries can read the query's table from its stores: the result is a table
     * (CTAS) whose aggregation's store holds it ({@link AggregateMaterialization}), or whose store
     * of rows ({@link SinkMaterializer}) holds every row.
     */
    boolean materializes() {
        return aggregateStore.isPresent() || (ExecNode.isTable(plan) && storeComplete);
    }

    /**
     * The rows of the query's table {@code source} from its stores, across every task, read
     * through the record cache.
     *
     * @throws IllegalStateException      when the query does not {@link #materializes() materialize} its table
     * @throws InvalidStateStoreException when they cannot be read now: the query is not running,
     *                                    or some task is still starting or restoring
     */
    PullRows storeRows(DataSource source, PullQueryStats stats) {
        if (!materializes()) {
            throw new IllegalStateException("query " + id + " keeps no rows of its result in a store");
        }
        StreamsRuntime r = runtime;
        if (r == null || error != null) {
            throw new InvalidStateStoreException("query " + id + " is not running" + (error == null ? "" : ": " + error));
        }
        if (aggregateStore.isPresent()) {
            AggregateMaterialization m = aggregateStore.get();
            return m.windowed()
                    ? AggregateStoreRows.ofWindows(m, r.store(m.storeName(), QueryableStoreTypes.timestampedWindowStore()),
                            source, stats)
                    : AggregateStoreRows.ofGroups(m, r.store(m.storeName(),
                            QueryableStoreTypes.timestampedKeyValueStore()), source, stats);
        }
        ReadOnlyKeyValueStore<Bytes, ValueAndTimestamp<byte[]>> rows = r.store(SinkMaterializer.storeName(id, plan.id()),
                QueryableStoreTypes.timestampedKeyValueStore());
        return new StoreRows(rows, source, stats);
    }

    /** Starts the query; a failure to start leaves it in ERROR with the reason (never thrown). */
    void start(EngineContext context) {
        try {
            storeComplete = storeComplete(context);
            StreamsRuntime r = new StreamsRuntime(topology, Map.of(
                    StreamsConfig.APPLICATION_ID_CONFIG, applicationId(),
                    StreamsConfig.STATE_DIR_CONFIG, context.stateDir().toString(),
                    StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, Long.toString(context.commitIntervalMs()),
                    StreamsConfig.CACHE_MAX_BYTES_BUFFERING_CONFIG, Long.toString(context.cacheMaxBytes())),
                    context.log());
            r.setUncaughtExceptionHandler(e -> error = String.valueOf(e.getMessage() == null ? e : e.getMessage()));
            runtime = r;
            r.start();
        } catch (RuntimeException e) {
            error = "cannot start: " + e.getMessage();
        }
    }

    /** Whether the store of rows, if any, will hold every row: its changelog exists, or the query never committed. */
    private boolean storeComplete(EngineContext context) {
        if (!ExecNode.isTable(plan) || aggregateStore.isPresent()) {
            return true;
        }
        try (Admin admin = context.log().admin()) {
            String changelog = Stores.changelogTopic(applicationId(), SinkMaterializer.storeName(id, plan.id()));
            if (admin.listTopics(true).contains(changelog)) {
                return true;
            }
            try {
                return admin.consumerGroupOffsets(applicationId()).isEmpty();
            } catch (RuntimeException e) {
                return true; // no group: never committed
            }
        }
    }

    /** Stops the query (its threads commit and close their stores). */
    void stop() {
        StreamsRuntime r = runtime;
        if (r != null) {
            r.close();
        }
    }

    /**
     * After {@link #stop()} for TERMINATE: deletes what only this query used (its changelog and
     * repartition topics, its consumer group, its state directory). The sink stays.
     */
    void deleteState(Admin admin, Path stateDir) {
        deleteApplicationState(admin, stateDir, applicationId());
    }

    static void deleteApplicationState(Admin admin, Path stateDir, String applicationId) {
        for (String topic : admin.listTopics(true)) {
            if (topic.startsWith(applicationId + "-")) {
                try {
                    admin.deleteTopic(topic);
                } catch (RuntimeException e) {
                    // already gone
                }
            }
        }
        try {
            admin.deleteConsumerGroup(applicationId);
        } catch (RuntimeException e) {
            // no group (never committed)
        }
        deleteDirectory(stateDir.resolve(applicationId));
    }

    static void deleteDirectory(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + dir, e);
        }
    }

    /** RUNNING, or ERROR when a stream thread died or the query could not start. */
    String state() {
        StreamsRuntime r = runtime;
        if (error != null || r == null || r.state() == StreamsRuntime.State.ERROR) {
            return "ERROR";
        }
        return "RUNNING";
    }

    Optional<String> error() {
        return Optional.ofNullable(error);
    }

    EngineResult.QueryInfo info() {
        return new EngineResult.QueryInfo(id, "PERSISTENT", statementText, List.of(sink.name()), List.of(sink.topic()), state(),
                error());
    }
}
