package io.runnel.bench.e2e;

import io.runnel.bench.Result;
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
import io.runnel.streams.StreamsConfig;
import io.runnel.streams.StreamsRuntime;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

/** Runs a scenario on Runnel's StreamsRuntime over an EmbeddedLog in a temporary directory. */
final class RunnelE2e {
    private final String workload;
    private final E2eScenario scenario;
    private final String flush;
    private final long timeoutMs;
    private final long cacheBytes;
    private Map<String, Long> cacheCounts = Map.of();

    RunnelE2e(String workload, E2eScenario scenario, String flush, long timeoutMs, long cacheBytes) {
        this.cacheBytes = cacheBytes;
        this.workload = workload;
        this.scenario = scenario;
        this.flush = flush;
        this.timeoutMs = timeoutMs;
    }

    Result run(long records, long warmup) throws Exception {
        Path root = Files.createTempDirectory("runnel-bench-e2e-");
        try (EmbeddedLog log = EmbeddedLog.open(EmbeddedLogConfig.of(root.resolve("log"))
                .withFlushPolicy(FlushPolicy.parse(flush)))) {
            if (warmup > 0) {
                once(log, root, "warmup-", warmup);
            }
            System.gc();
            Timed t = once(log, root, "run-", records);
            Map<String, Object> figures = new LinkedHashMap<>();
            figures.put("records", scenario.inputRecords(records));
            figures.put("outputs", t.outputs);
            figures.put("seconds", t.seconds);
            figures.putAll(scenario.figures(records, t.seconds));
            figures.put("load_seconds", t.loadSeconds);
            figures.put("cpu_seconds", t.cpuSeconds);
            figures.put("loadavg", Machine.loadAverage());
            figures.put("cache_bytes", cacheBytes < 0 ? "default" : Long.toString(cacheBytes));
            figures.putAll(cacheCounts);
            figures.put("flush", flush);
            return new Result(workload, "runnel", scenario.inputRecords(records) / t.seconds, figures);
        } finally {
            KafkaBroker.deleteRecursively(root);
        }
    }

    /** The record cache's hits, misses and evictions summed over the stream threads (e.g. "hits=.. misses=.. evictions=.."). */
    private static Map<String, Long> recordCacheCounts(StreamsRuntime runtime) {
        Map<String, Long> out = new LinkedHashMap<>();
        for (io.runnel.common.metrics.Metric m : runtime.metrics().metrics()) {
            if (m instanceof io.runnel.common.metrics.Counter c && c.metricName().group().equals("record-cache")) {
                out.merge("cache_" + c.metricName().name(), c.count(), Long::sum);
            }
        }
        return out;
    }

    /** One timed run: wall seconds, outputs seen, input load seconds, CPU seconds of this JVM during the run. */
    record Timed(double seconds, long outputs, double loadSeconds, double cpuSeconds) {
    }

    private Timed once(EmbeddedLog log, Path root, String prefix, long records) throws Exception {
        String output = scenario.outputTopic(prefix);
        try (Admin admin = log.admin()) {
            for (String t : scenario.inputTopics(prefix)) {
                admin.createTopic(new NewTopic(t, 1));
            }
            admin.createTopic(new NewTopic(output, 1));
        }
        long loadStart = System.nanoTime();
        try (Producer<byte[], byte[]> p = log.producer(Map.of("linger.ms", "5", "batch.size", "262144"),
                Serdes.byteArray().serializer(), Serdes.byteArray().serializer())) {
            scenario.load(prefix, records, (topic, key, value, ts) -> p.send(new ProducerRecord<>(topic, 0, ts, key, value,
                    List.of())));
            p.flush();
        }
        double loadSeconds = (System.nanoTime() - loadStart) / 1e9;
        Map<String, Object> config = new HashMap<>();
        config.put(StreamsConfig.APPLICATION_ID_CONFIG, prefix + "app");
        config.put(StreamsConfig.STATE_DIR_CONFIG, root.resolve("state").toString());
        if (scenario.stateful()) {
            config.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, "100");
        }
        if (cacheBytes >= 0) {
            config.put(StreamsConfig.CACHE_MAX_BYTES_BUFFERING_CONFIG, Long.toString(cacheBytes));
        }
        OutputTracker tracker = scenario.tracker(records);
        AtomicReference<Throwable> failure = new AtomicReference<>();
        try (Consumer<byte[], byte[]> out = log.consumer(Map.of("auto.offset.reset", "earliest", "max.poll.records", "10000"),
                Serdes.byteArray().deserializer(), Serdes.byteArray().deserializer())) {
            out.assign(List.of(new TopicPartition(output, 0)));
            StreamsRuntime runtime = new StreamsRuntime(scenario.runnel(prefix), config, log);
            runtime.setUncaughtExceptionHandler(failure::set);
            long cpuStart = Machine.processCpuNanos();
            long start = System.nanoTime();
            long deadline = start + timeoutMs * 1_000_000;
            runtime.start();
            try {
                tracker.awaitDone(t -> out.poll(Duration.ofMillis(50)).forEach(r -> t.accept(r.key(), r.value())),
                        failure, deadline, "runnel " + workload);
                double seconds = (System.nanoTime() - start) / 1e9;
                cacheCounts = recordCacheCounts(runtime);
                return new Timed(seconds, tracker.outputs(), loadSeconds, (Machine.processCpuNanos() - cpuStart) / 1e9);
            } finally {
                runtime.close();
            }
        }
    }
}
