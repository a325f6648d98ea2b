package io.runnel.bench.sql;

import io.runnel.bench.e2e.Machine;
import io.runnel.bench.e2e.OutputTracker;
import io.runnel.common.Serdes;
import io.runnel.common.TopicPartition;
import io.runnel.log.Admin;
import io.runnel.log.Consumer;
import io.runnel.log.EmbeddedLog;
import io.runnel.log.EmbeddedLogConfig;
import io.runnel.log.FlushPolicy;
import io.runnel.log.NewTopic;
import io.runnel.log.Producer;
import io.runnel.log.ProducerRecord;
import io.runnel.sql.engine.EngineProperties;
import io.runnel.sql.engine.EngineResult;
import io.runnel.sql.engine.SqlEngine;
import io.runnel.streams.StreamsConfig;
import io.runnel.streams.StreamsRuntime;
import io.runnel.streams.dsl.StoreType;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Runs one query on both systems over one {@link EmbeddedLog} in {@code root}: the engine
 * ({@link SqlEngine} over the same log, state in {@code root/sql-state}) and DSL runtimes (state in
 * {@code root/dsl-state}), with the same commit interval and the runtime's default record cache.
 * Not thread-safe: one run at a time.
 */
final class SqlVsDslRunner implements AutoCloseable {
    private final SqlVsDslQuery query;
    private final long commitMs;
    private final StoreType dslStore;
    private final long timeoutMs;
    private final Path root;
    private final EmbeddedLog log;
    private final SqlEngine engine;

    /** A loaded input topic, its SQL stream, its record count and how many records the filter keeps. */
    record Input(String name, String topic, String stream, long records, long kept) {
    }

    /** One timed run: wall seconds, outputs seen, CPU seconds of this JVM during the run. */
    record Timed(double seconds, long outputs, double cpuSeconds) {
    }

    SqlVsDslRunner(Path root, SqlVsDslQuery query, String flush, long commitMs, long timeoutMs, StoreType dslStore) {
        this.root = root;
        this.dslStore = dslStore;
        this.query = query;
        this.commitMs = commitMs;
        this.timeoutMs = timeoutMs;
        this.log = EmbeddedLog.open(EmbeddedLogConfig.of(root.resolve("log")).withFlushPolicy(FlushPolicy.parse(flush)));
        try {
            this.engine = SqlEngine.open(log, root.resolve("sql-state"),
                    Map.of(EngineProperties.COMMIT_INTERVAL_MS, Long.toString(commitMs)));
        } catch (RuntimeException e) {
            log.close();
            throw e;
        }
    }

    /** Creates topic {@code name-pageviews}, writes {@code records} page views to it (untimed) and declares its stream. */
    Input load(String name, PageViews input, long records) {
        String topic = name + "-pageviews";
        try (Admin admin = log.admin()) {
            admin.createTopic(new NewTopic(topic, 1));
        }
        long kept;
        try (Producer<byte[], byte[]> p = log.producer(Map.of("linger.ms", "5", "batch.size", "262144"),
                Serdes.byteArray().serializer(), Serdes.byteArray().serializer())) {
            kept = input.write(records, (key, value, ts) -> p.send(new ProducerRecord<>(topic, 0, ts, key, value, List.of())));
            p.flush();
        }
        String stream = name.toUpperCase(Locale.ROOT) + "_PAGEVIEWS";
        engine.execute(SqlVsDslQuery.createSource(stream, topic), Map.of());
        return new Input(name, topic, stream, records, kept);
    }

    /** Times the SQL query over {@code input}, then terminates it. */
    Timed sql(Input input, String tag) throws Exception {
        String sink = (input.name() + "_" + tag + "_" + query.option()).toUpperCase(Locale.ROOT);
        String sinkTopic = input.name() + "-" + tag + "-sql-" + query.option();
        createTopic(sinkTopic);
        String[] queryId = new String[1];
        Timed t = timed(sinkTopic, input, "runnel-sql " + query.option(), failure -> {
            List<EngineResult> results = engine.execute(query.sql(input.stream(), sink, sinkTopic),
                    Map.of(EngineProperties.AUTO_OFFSET_RESET, "earliest"));
            queryId[0] = ((EngineResult.CommandDone) results.get(0)).queryId().orElseThrow();
            return () -> {
                String state = engine.execute("SHOW QUERIES;", Map.of()).stream()
                        .flatMap(r -> ((EngineResult.QueryList) r).queries().stream())
                        .filter(q -> q.id().equals(queryId[0]))
                        .map(q -> q.state() + q.error().map(e -> ": " + e).orElse(""))
                        .findFirst().orElse("gone");
                if (state.startsWith("ERROR")) {
                    failure.set(new IllegalStateException("query " + queryId[0] + " failed: " + state));
                }
            };
        }, () -> engine.execute("TERMINATE " + queryId[0] + ";", Map.of()));
        return t;
    }

    /** Times the DSL topology over {@code input}, then closes its runtime. */
    Timed dsl(Input input, String tag) throws Exception {
        String outputTopic = input.name() + "-" + tag + "-dsl-" + query.option();
        createTopic(outputTopic);
        StreamsRuntime[] runtime = new StreamsRuntime[1];
        return timed(outputTopic, input, "runnel-dsl " + query.option(), failure -> {
            runtime[0] = new StreamsRuntime(query.dsl(input.topic(), outputTopic, dslStore), Map.of(
                    StreamsConfig.APPLICATION_ID_CONFIG, "dsl-" + input.name() + "-" + tag + "-" + query.option(),
                    StreamsConfig.STATE_DIR_CONFIG, root.resolve("dsl-state").toString(),
                    StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, Long.toString(commitMs)), log);
            runtime[0].setUncaughtExceptionHandler(failure::set);
            runtime[0].start();
            return () -> { };
        }, () -> runtime[0].close());
    }

    /** Starts a query and returns a health check run between polls (it sets the failure when the query failed). */
    @FunctionalInterface
    private interface Starter {
        Runnable start(AtomicReference<Throwable> failure) throws Exception;
    }

    private Timed timed(String outputTopic, Input input, String run, Starter starter, Runnable stop) throws Exception {
        OutputTracker tracker = query.tracker(input.records(), input.kept());
        AtomicReference<Throwable> failure = new AtomicReference<>();
        try (Consumer<byte[], byte[]> out = log.consumer(Map.of("auto.offset.reset", "earliest", "max.poll.records", "10000"),
                Serdes.byteArray().deserializer(), Serdes.byteArray().deserializer())) {
            out.assign(List.of(new TopicPartition(outputTopic, 0)));
            long cpuStart = Machine.processCpuNanos();
            long start = System.nanoTime();
            Runnable check;
            try {
                check = starter.start(failure);
            } catch (Exception e) {
                stop.run();
                throw e;
            }
            try {
                long[] polls = new long[1];
                tracker.awaitDone(t -> {
                    out.poll(Duration.ofMillis(50)).forEach(r -> t.accept(r.key(), r.value()));
                    if (++polls[0] % 20 == 0) {
                        check.run();
                    }
                }, failure, start + timeoutMs * 1_000_000, run);
                double seconds = (System.nanoTime() - start) / 1e9;
                return new Timed(seconds, tracker.outputs(), (Machine.processCpuNanos() - cpuStart) / 1e9);
            } finally {
                stop.run();
            }
        }
    }

    private void createTopic(String topic) {
        try (Admin admin = log.admin()) {
            admin.createTopic(new NewTopic(topic, 1));
        }
    }

    @Override
    public void close() {
        try {
            engine.close();
        } finally {
            log.close();
        }
    }
}
