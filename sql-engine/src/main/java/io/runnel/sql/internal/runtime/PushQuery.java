package io.runnel.sql.internal.runtime;

import io.runnel.common.Serdes;
import io.runnel.common.TopicPartition;
import io.runnel.log.Admin;
import io.runnel.log.Consumer;
import io.runnel.log.ConsumerRecord;
import io.runnel.log.NewTopic;
import io.runnel.log.OffsetAndMetadata;
import io.runnel.log.TopicConfig;
import io.runnel.log.WakeupException;
import io.runnel.sql.engine.QueryColumn;
import io.runnel.sql.engine.QueryListener;
import io.runnel.sql.engine.StartedQuery;
import io.runnel.sql.internal.analyzer.AnalyzedQuery;
import io.runnel.sql.internal.ast.SourceKind;
import io.runnel.sql.internal.ast.WindowExpression;
import io.runnel.sql.internal.catalog.Column;
import io.runnel.sql.internal.catalog.DataSource;
import io.runnel.sql.internal.catalog.SourceFormats;
import io.runnel.sql.internal.exec.ProcessingLog;
import io.runnel.sql.internal.exec.TopologyBuilder;
import io.runnel.sql.internal.plan.ExecNode;
import io.runnel.sql.internal.plan.PlanBuilder;
import io.runnel.sql.internal.row.Row;
import io.runnel.sql.internal.serde.WindowedKey;
import io.runnel.streams.StreamsConfig;
import io.runnel.streams.StreamsRuntime;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A push query ({@code SELECT ... EMIT CHANGES}): the query's plan runs as a transient topology
 * on its own {@link StreamsRuntime} (application id {@code _runnel_<query id>}), writing its
 * result to the internal topic {@code _runnel_<query id>-output} (JSON keys and values), which a
 * reader thread reads and hands to the listener until LIMIT or close. The query starts at the
 * source's end (its consumer group's offsets are committed at the end offsets before it starts)
 * or, with {@code auto.offset.reset=earliest}, at the beginning. Closing stops the runtime and
 * deletes the output topic, the internal topics, the consumer group and the state directory.
 *
 * <p>Threading: the reader thread makes every listener call; {@link #close()} may come from any
 * thread, waits for the reader to stop, and after it returns the listener hears nothing more.
 */
final class PushQuery implements StartedQuery {
    private static final System.Logger LOG = System.getLogger(PushQuery.class.getName());
    private static final Duration POLL = Duration.ofMillis(100);
    private static final String TRANSIENT_PREFIX = "_runnel_transient_";

    private final String id;
    private final String applicationId;
    private final String outputTopic;
    private final EngineContext context;
    private final QueryShape shape;
    private final SourceCodec codec;
    private final QueryListener listener;
    private final long limit;
    private final AtomicBoolean closed = new AtomicBoolean();
    private final AtomicBoolean cleaned = new AtomicBoolean();
    private final Runnable onClosed;
    private StreamsRuntime runtime;
    private Consumer<byte[], byte[]> consumer;
    private Thread reader;
    private long delivered;
    /** A stream has no deletes: a record without a value is skipped, as ksqlDB's stream sources do. */
    private boolean stream;
    /** A keyed table's row needs its key: a record without one is skipped, as ksqlDB's table sources do. */
    private boolean keyedTable;

    private PushQuery(String id, EngineContext context, QueryShape shape, SourceCodec codec, QueryListener listener,
                      long limit, Runnable onClosed) {
        this.id = id;
        this.applicationId = "_runnel_" + id;
        this.outputTopic = applicationId + "-output";
        this.context = context;
        this.shape = shape;
        this.codec = codec;
        this.listener = listener;
        this.limit = limit;
        this.onClosed = onClosed;
    }

    /** Plans and starts the query; {@code onStart} is called before this returns. */
    static PushQuery start(EngineContext context, String id, AnalyzedQuery query, boolean fromBeginning,
                           TransientSelect select, QueryListener listener, Runnable onClosed) {
        QueryShape shape = QueryShape.of(query, false, query.window().isPresent(), select);
        String keyFormat = query.output().key().isEmpty() ? "NONE" : "JSON";
        SourceFormats formats = new SourceFormats(keyFormat, "JSON", query.window().map(PushQuery::keyWindow), Map.of());
        List<Column> columns = new ArrayList<>(query.output().key());
        columns.addAll(query.output().value());
        String outputTopic = "_runnel_" + id + "-output";
        DataSource output = new DataSource(id, query.resultKind(), columns, outputTopic, formats, Optional.empty(),
                false);
        ExecNode.Sink plan = PlanBuilder.build(query, outputTopic, formats, Optional.empty(), context.functions());
        PushQuery started = new PushQuery(id, context, shape, SourceCodec.of(output), listener,
                query.limit().isPresent() ? query.limit().getAsInt() : Long.MAX_VALUE, onClosed);
        started.stream = query.resultKind() == SourceKind.STREAM;
        started.keyedTable = !started.stream && !query.output().key().isEmpty();
        started.run(plan, ExecNode.sourcesOf(plan).stream().map(n -> n.source().topic()).distinct().toList(),
                fromBeginning);
        return started;
    }

    /** @param sourceTopics the topics the plan reads (several for a join), the first deciding the partitions */
    private void run(ExecNode.Sink plan, List<String> sourceTopics, boolean fromBeginning) {
        var topology = TopologyBuilder.build(id, plan, new ProcessingLog(id));
        int partitions;
        try (Admin admin = context.log().admin()) {
            partitions = admin.describeTopic(sourceTopics.get(0)).partitions();
            admin.createTopic(new NewTopic(outputTopic, partitions, Map.of(TopicConfig.CLEANUP_POLICY, "delete")));
            if (!fromBeginning) {
                for (String topic : sourceTopics) {
                    commitEndOffsets(topic, admin.describeTopic(topic).partitions());
                }
            }
        }
        listener.onStart(id, shape.columns());
        if (limit == 0) {
            closed.set(true);
            listener.onComplete("Limit Reached");
            cleanUp();
            return;
        }
        try {
            consumer = context.log().consumer(Map.of("client.id", applicationId + "-reader"),
                    Serdes.byteArray().deserializer(), Serdes.byteArray().deserializer());
            List<TopicPartition> outputs = new ArrayList<>();
            for (int p = 0; p < partitions; p++) {
                outputs.add(new TopicPartition(outputTopic, p));
            }
            consumer.assign(outputs);
            consumer.seekToBeginning(outputs);
            // No record cache: a push query shows every change as it happens, as ksqlDB's do.
            runtime = new StreamsRuntime(topology, Map.of(StreamsConfig.APPLICATION_ID_CONFIG, applicationId,
                    StreamsConfig.STATE_DIR_CONFIG, transientStateDir(context).toString(),
                    StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, "1000",
                    StreamsConfig.CACHE_MAX_BYTES_BUFFERING_CONFIG, "0"), context.log());
            runtime.setUncaughtExceptionHandler(e -> fail(new IllegalStateException("push query " + id + " failed: "
                    + e.getMessage(), e)));
            runtime.start();
            reader = new Thread(this::read, applicationId + "-reader");
            reader.setDaemon(true);
            reader.start();
        } catch (RuntimeException e) {
            // The header is out: the failure goes to the listener, as any later one would.
            fail(e);
        }
    }

    static java.nio.file.Path transientStateDir(EngineContext context) {
        return context.stateDir().resolve("transient");
    }

    /**
     * Deletes what push queries of an earlier run left behind when it stopped without closing
     * them (output and internal topics, consumer groups, state): their ids are reused.
     */
    static void deleteLeftovers(Admin admin, EngineContext context) {
        java.util.Set<String> applications = new java.util.TreeSet<>();
        for (String topic : admin.listTopics(true)) {
            if (topic.startsWith(TRANSIENT_PREFIX)) {
                int dash = topic.indexOf('-');
                applications.add(dash < 0 ? topic : topic.substring(0, dash));
            }
        }
        for (String group : admin.listConsumerGroups()) {
            if (group.startsWith(TRANSIENT_PREFIX)) {
                applications.add(group);
            }
        }
        for (String application : applications) {
            try {
                admin.deleteTopic(application + "-output");
            } catch (RuntimeException e) {
                // none
            }
            PersistentQuery.deleteApplicationState(admin, transientStateDir(context), application);
        }
        PersistentQuery.deleteDirectory(transientStateDir(context));
    }


    /** Makes the runtime's consumer group start at the source's current end. */
    private void commitEndOffsets(String topic, int partitions) {
        try (Consumer<byte[], byte[]> c = context.log().consumer(Map.of("group.id", applicationId,
                        "client.id", applicationId + "-init", "enable.auto.commit", "false"),
                Serdes.byteArray().deserializer(), Serdes.byteArray().deserializer())) {
            List<TopicPartition> tps = new ArrayList<>();
            for (int p = 0; p < partitions; p++) {
                tps.add(new TopicPartition(topic, p));
            }
            Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
            c.endOffsets(tps).forEach((tp, end) -> offsets.put(tp, new OffsetAndMetadata(end)));
            c.commitSync(offsets);
        }
    }

    private void read() {
        try {
            while (!closed.get()) {
                for (ConsumerRecord<byte[], byte[]> r : consumer.poll(POLL)) {
                    if (closed.get()) {
                        return;
                    }
                    deliver(r);
                    if (delivered >= limit) {
                        if (closed.compareAndSet(false, true)) {
                            listener.onComplete("Limit Reached");
                            cleanUp();
                        }
                        return;
                    }
                }
            }
        } catch (WakeupException e) {
            // closed
        } catch (RuntimeException e) {
            fail(e);
        }
    }

    private void deliver(ConsumerRecord<byte[], byte[]> r) {
        WindowedKey key;
        Row value;
        try {
            key = codec.key(r.topic(), r.key());
            value = codec.value(r.topic(), r.value());
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "push query " + id + " skips an unreadable result record", e);
            return;
        }
        if (value == null && stream || keyedTable && nullKey(key)) {
            return;
        }
        Object[] row = shape.row(key == null || key.key() == null ? null : key.key().columnsForReading(),
                key == null ? null : key.start(), key == null ? null : key.end(),
                value == null ? null : value.columnsForReading());
        delivered++;
        if (value == null) {
            listener.onTombstone(OutputValues.row(row));
        } else {
            listener.onRow(OutputValues.row(row));
        }
    }

    private static boolean nullKey(WindowedKey key) {
        if (key == null || key.key() == null) {
            return true;
        }
        for (Object column : key.key().columnsForReading()) {
            if (column != null) {
                return false;
            }
        }
        return true;
    }

    private void fail(RuntimeException e) {
        if (closed.compareAndSet(false, true)) {
            listener.onError(e);
            Thread cleaner = new Thread(this::cleanUp, applicationId + "-cleanup");
            cleaner.setDaemon(true);
            cleaner.start();
        }
    }

    static SourceFormats.KeyWindow keyWindow(WindowExpression w) {
        if (w instanceof WindowExpression.Tumbling t) {
            return new SourceFormats.KeyWindow(SourceFormats.KeyWindow.Kind.TUMBLING, Optional.of(t.size().toMillis()));
        } else if (w instanceof WindowExpression.Hopping h) {
            return new SourceFormats.KeyWindow(SourceFormats.KeyWindow.Kind.HOPPING, Optional.of(h.size().toMillis()));
        }
        return new SourceFormats.KeyWindow(SourceFormats.KeyWindow.Kind.SESSION, Optional.empty());
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public List<QueryColumn> columns() {
        return shape.columns();
    }

    @Override
    public void close() {
        closed.set(true);
        Thread r = reader;
        if (consumer != null) {
            consumer.wakeup();
        }
        if (r != null && r != Thread.currentThread()) {
            try {
                r.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        cleanUp();
    }

    /** Stops the runtime and the reader's consumer and deletes the query's topics, group and state; once. */
    private void cleanUp() {
        if (!cleaned.compareAndSet(false, true)) {
            return;
        }
        try {
            if (runtime != null) {
                runtime.close();
            }
            if (consumer != null && (reader == null || !reader.isAlive() || reader == Thread.currentThread())) {
                consumer.close();
            }
            try (Admin admin = context.log().admin()) {
                try {
                    admin.deleteTopic(outputTopic);
                } catch (RuntimeException e) {
                    // gone already
                }
                PersistentQuery.deleteApplicationState(admin, transientStateDir(context), applicationId);
            }
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "push query " + id + ": cleanup failed", e);
        } finally {
            onClosed.run();
        }
    }
}
