package io.runnel.bench.streams;

import io.runnel.bench.Options;
import io.runnel.bench.Result;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * Shared plumbing of the test-driver workloads: runs one scenario on Runnel's TestDriver and on
 * Kafka Streams' TopologyTestDriver (both synchronous, in-memory stores, record caching off so
 * every update is emitted), a warm-up pass first, and reports input records per second.
 * Options: {@code --records N}, {@code --keys N}, {@code --system runnel|kafka|both},
 * {@code --warmup N} (records of the warm-up pass, default records/5 capped at 500k).
 */
final class DriverBench {

    /** One scenario on one system: pipes {@code records} inputs and drains outputs; returns outputs read. */
    interface Run {
        long run(long records) throws Exception;
    }

    private DriverBench() {
    }

    static List<Result> measure(String workload, Options options, long defaultRecords, Run runnel, Run kafka) throws Exception {
        long records = options.longValue("records", defaultRecords);
        long warmup = options.longValue("warmup", Math.min(records / 5, 500_000));
        String system = options.string("system", "both");
        List<Result> out = new ArrayList<>();
        if (!system.equals("kafka")) {
            out.add(once(workload, "runnel", records, warmup, runnel));
        }
        if (!system.equals("runnel")) {
            out.add(once(workload, "kafka", records, warmup, kafka));
        }
        return out;
    }

    private static Result once(String workload, String system, long records, long warmup, Run run) throws Exception {
        if (warmup > 0) {
            run.run(warmup);
        }
        System.gc();
        long start = System.nanoTime();
        long outputs = run.run(records);
        double seconds = (System.nanoTime() - start) / 1e9;
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("records", records);
        figures.put("outputs", outputs);
        figures.put("seconds", seconds);
        return new Result(workload, system, records / seconds, figures);
    }

    /** Kafka Streams test-driver configuration: in-memory DSL stores, no record cache. */
    @SuppressWarnings("deprecation")
    static Properties kafkaConfig(String appId) {
        Properties p = new Properties();
        p.put(org.apache.kafka.streams.StreamsConfig.APPLICATION_ID_CONFIG, appId);
        p.put(org.apache.kafka.streams.StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "dummy:1234");
        p.put(org.apache.kafka.streams.StreamsConfig.STATESTORE_CACHE_MAX_BYTES_CONFIG, 0);
        p.put(org.apache.kafka.streams.StreamsConfig.DEFAULT_DSL_STORE_CONFIG, org.apache.kafka.streams.StreamsConfig.IN_MEMORY);
        p.put(org.apache.kafka.streams.StreamsConfig.STATE_DIR_CONFIG,
                System.getProperty("java.io.tmpdir") + "/runnel-bench-kafka-streams");
        return p;
    }

    /** Keys {@code k0 .. k<n-1>}, made once so that both systems pipe the same objects. */
    static String[] keys(int n) {
        String[] keys = new String[n];
        for (int i = 0; i < n; i++) {
            keys[i] = "k" + i;
        }
        return keys;
    }

    /** How often outputs are drained, so that memory stays bounded. */
    static final int DRAIN_EVERY = 10_000;
}
