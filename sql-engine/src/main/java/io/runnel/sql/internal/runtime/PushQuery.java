package io.runnel.sql.internal.runtime;

import io.runnel.common.Serdes;
import io.runnel.common.TopicPartition;
import io.runnel.log.Admin;
import io.runnel.log.Consumer;
import io.runnel.log.OffsetAndMetadata;
import io.runnel.sql.engine.QueryColumn;
import io.runnel.sql.engine.QueryListener;
import io.runnel.sql.engine.StartedQuery;
import io.runnel.sql.internal.analyzer.AnalyzedQuery;
import io.runnel.sql.internal.ast.SourceKind;
import io.runnel.sql.internal.ast.WindowExpression;
import io.runnel.sql.internal.catalog.SourceFormats;
import io.runnel.sql.internal.exec.ProcessingLog;
import io.runnel.sql.internal.exec.TopologyBuilder;
import io.runnel.sql.internal.plan.ExecNode;
import io.runnel.sql.internal.plan.PlanBuilder;
import io.runnel.sql.internal.row.Row;
import io.runnel.state.Windowed;
import io.runnel.streams.StreamsConfig;
import io.runnel.streams.StreamsRuntime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A push query ({@code SELECT ... EMIT CHANGES}): the query's plan runs as a transient topology
 * on its own {@link StreamsRuntime} (application id {@code _runnel_<query id>}) whose sink hands
 * each result to this query in-process ({@link TopologyBuilder#buildTransient}), as ksqlDB's
 * transient queries fill a queue rather than a topic: no producer linger, fsync or consumer poll
 * lies between a result and its client. The stream thread shapes each result into a row and puts
 * it into a bounded queue (waiting while the queue is full, so a slow client slows the query
 * rather than filling the heap); a reader thread takes rows as they arrive and hands them to the
 * listener until LIMIT or close. The query starts at the source's end (its consumer group's
 * offsets are committed at the end offsets before it starts) or, with
 * {@code auto.offset.reset=earliest}, at the beginning. Closing stops the runtime and deletes the
 * internal topics, the consumer group and the state directory.
 *
 * <p>Threading: the reader thread makes every listener call after {@link #onStart}, the error of
 * a failed stream thread included; {@link #close()} may come from any thread, waits for the
 * reader to stop, and after it returns the listener hears nothing more.
 */
final class PushQuery implements StartedQuery {
    private static final System.Logger LOG = System.getLogger(PushQuery.class.getName());
    /** Results waiting for the reader; the stream thread waits when it is full. */
    private static final int QUEUE_CAPACITY = 10_000;
    /** How long a waiting thread goes without checking whether the query closed (arrivals wake it at once). */
    private static final long CHECK_CLOSED_MS = 200;
    private static final int BATCH = 1_000;
    /** A day: the runtime commits when it closes, not while the query runs. */
    private static final long NO_PERIODIC_COMMIT_MS = 24L * 3600 * 1000;
    private static final String TRANSIENT_PREFIX = "_runnel_transient_";
    /** Put into the queue to wake the reader (close, failure); carries no row. */
    private static final Result WAKE = new Result(new Object[0], false);

    private final String id;
    private final String applicationId;
    private final EngineContext context;
    private final QueryShape shape;
    private final QueryListener listener;
    private final long limit;
    private final AtomicBoolean closed = new AtomicBoolean();
    private final AtomicBoolean cleaned = new AtomicBoolean();
    private final BlockingQueue<Result> results = new ArrayBlockingQueue<>(QUEUE_CAPACITY);
    private final Runnable onClosed;
    /** A stream has no deletes: a record without a value is skipped, as ksqlDB's stream sources do. */
    private final boolean stream;
    /** A keyed table's row needs its key: a record without one is skipped, as ksqlDB's table sources do. */
    private final boolean keyedTable;
    /** The failure of a stream thread, reported by the reader. */
    private volatile RuntimeException failure;
    private StreamsRuntime runtime;
    private volatile Thread reader;
    private long delivered;

    private PushQuery(String id, EngineContext context, QueryShape shape, QueryListener listener, long limit,
                      boolean stream, boolean keyedTable, Runnable onClosed) {
        this.id = id;
        this.applicationId = "_runnel_" + id;
        this.context = context;
        this.shape = shape;
        this.listener = listener;
        this.limit = limit;
        this.stream = stream;
        this.keyedTable = keyedTable;
        this.onClosed = onClosed;
    }

    /** A shaped result row, or a delete of the row with that key. */
    private record Result(Object[] row, boolean tombstone) {
    }

    /** Plans and starts the query; {@code onStart} is called before this returns. */
    static PushQuery start(EngineContext context, String id, AnalyzedQuery query, boolean fromBeginning,
                           TransientSelect select, QueryListener listener, Runnable onClosed) {
        // A windowed aggregation's rows carry their window; so do a windowed source's under SELECT *
        // (its keys are read with their windows and written on unchanged when nothing re-keys them).
        boolean windowedSource = query.source().formats().window().isPresent() && select.star()
                && select.query().groupBy().isEmpty() && select.query().partitionBy().isEmpty();
        QueryShape shape = QueryShape.of(query, false, query.window().isPresent() || windowedSource, select);
        String keyFormat = query.output().key().isEmpty() ? "NONE" : "JSON";
        SourceFormats formats = new SourceFormats(keyFormat, "JSON", query.window().map(PushQuery::keyWindow), Map.of());
        // The sink's topic is named for the plan only: results never reach a topic.
        ExecNode.Sink plan = PlanBuilder.build(query, "_runnel_" + id + "-output", formats, Optional.empty(),
                context.functions());
        boolean stream = query.resultKind() == SourceKind.STREAM;
        PushQuery started = new PushQuery(id, context, shape, listener,
                query.limit().isPresent() ? query.limit().getAsInt() : Long.MAX_VALUE, stream,
                !stream && !query.output().key().isEmpty(), onClosed);
        started.run(plan, ExecNode.sourcesOf(plan).stream().map(n -> n.source().topic()).distinct().toList(),
                fromBeginning);
        return started;
    }

    /** @param sourceTopics the topics the plan reads (several for a join) */
    private void run(ExecNode.Sink plan, List<String> sourceTopics, boolean fromBeginning) {
        var topology = TopologyBuilder.buildTransient(id, plan, new ProcessingLog(id), this::offer);
        if (!fromBeginning) {
            try (Admin admin = context.log().admin()) {
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
            reader = new Thread(this::read, applicationId + "-reader");
            reader.setDaemon(true);
            // No record cache: a push query shows every change as it happens, as ksqlDB's do. No
            // periodic commits either: a push query never resumes from its offsets, and a commit
            // (offsets and checkpoints, each waiting for an fsync) stalls every row behind it.
            runtime = new StreamsRuntime(topology, Map.of(StreamsConfig.APPLICATION_ID_CONFIG, applicationId,
                    StreamsConfig.STATE_DIR_CONFIG, transientStateDir(context).toString(),
                    StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, Long.toString(NO_PERIODIC_COMMIT_MS),
                    StreamsConfig.CACHE_MAX_BYTES_BUFFERING_CONFIG, "0"), context.log());
            runtime.setUncaughtExceptionHandler(e -> failLater(new IllegalStateException("push query " + id
                    + " failed: " + e.getMessage(), e)));
            reader.start();
            runtime.start();
        } catch (RuntimeException e) {
            // The header is out: the failure goes to the listener, as any later one would.
            failLater(e);
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

    /**
     * The sink's callback, on the stream thread: shapes the result into a row and queues it,
     * waiting while the queue is full (until the query closes).
     */
    private void offer(Object key, Row value) {
        if (closed.get() || value == null && stream) {
            return;
        }
        Row keyRow;
        Long start = null;
        Long end = null;
        if (key instanceof Windowed<?> w) {
            keyRow = (Row) w.key();
            start = w.window().start();
            end = w.window().end();
        } else {
            keyRow = (Row) key;
        }
        if (keyedTable && nullKey(keyRow)) {
            return;
        }
        Result result = new Result(shape.row(keyRow == null ? null : keyRow.columnsForReading(), start, end,
                value == null ? null : value.columnsForReading()), value == null);
        try {
            while (!closed.get()) {
                if (results.offer(result, CHECK_CLOSED_MS, TimeUnit.MILLISECONDS)) {
                    return;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void read() {
        List<Result> batch = new ArrayList<>(BATCH);
        try {
            while (!closed.get()) {
                Result first = results.poll(CHECK_CLOSED_MS, TimeUnit.MILLISECONDS);
                if (first != null) {
                    batch.add(first);
                    results.drainTo(batch, BATCH - 1);
                }
                for (Result r : batch) {
                    if (closed.get()) {
                        return;
                    }
                    if (r == WAKE) {
                        continue;
                    }
                    delivered++;
                    List<Object> row = OutputValues.row(r.row());
                    if (r.tombstone()) {
                        listener.onTombstone(row);
                    } else {
                        listener.onRow(row);
                    }
                    if (delivered >= limit) {
                        if (closed.compareAndSet(false, true)) {
                            listener.onComplete("Limit Reached");
                            cleanUp();
                        }
                        return;
                    }
                }
                batch.clear();
                RuntimeException failed = failure;
                if (failed != null) {
                    fail(failed);
                    return;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            fail(e);
        }
    }

    private static boolean nullKey(Row key) {
        if (key == null) {
            return true;
        }
        for (Object column : key.columnsForReading()) {
            if (column != null) {
                return false;
            }
        }
        return true;
    }

    /**
     * Reports a failure from any thread: through the reader once it runs (so that listener calls
     * never overlap), else at once.
     */
    private void failLater(RuntimeException e) {
        Thread r = reader;
        if (r == null || !r.isAlive() || r == Thread.currentThread()) {
            fail(e);
            return;
        }
        failure = e;
        results.offer(WAKE);
        if (!r.isAlive()) { // the reader stopped before it saw the failure
            fail(e);
        }
    }

    /** Reports a failure to the listener and cleans up; once, unless the query closed already. */
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
        results.offer(WAKE);
        if (r != null && r != Thread.currentThread()) {
            try {
                r.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        cleanUp();
    }

    /** Stops the runtime and deletes the query's internal topics, group and state; once. */
    private void cleanUp() {
        if (!cleaned.compareAndSet(false, true)) {
            return;
        }
        try {
            if (runtime != null) {
                runtime.close();
            }
            results.clear();
            try (Admin admin = context.log().admin()) {
                PersistentQuery.deleteApplicationState(admin, transientStateDir(context), applicationId);
            }
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "push query " + id + ": cleanup failed", e);
        } finally {
            onClosed.run();
        }
    }
}
