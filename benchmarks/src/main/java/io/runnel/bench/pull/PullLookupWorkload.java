package io.runnel.bench.pull;

import io.runnel.bench.Options;
import io.runnel.bench.Result;
import io.runnel.bench.Workload;
import io.runnel.common.Serdes;
import io.runnel.log.EmbeddedLog;
import io.runnel.log.EmbeddedLogConfig;
import io.runnel.log.Producer;
import io.runnel.log.ProducerRecord;
import io.runnel.sql.engine.QueryColumn;
import io.runnel.sql.engine.QueryListener;
import io.runnel.sql.engine.SqlEngine;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * {@code pull-lookup}: pull-query key lookups ({@code SELECT * FROM totals WHERE id = ?}, keys
 * drawn from a seeded random) through the engine API ({@link SqlEngine#query}) on a CTAS table of
 * {@code --keys} keys ({@code COUNT} and {@code SUM} per key of a stream with one record per key),
 * one query after another on one thread. Two paths, each a result line:
 * <ul>
 *   <li>{@code path=store}: the CTAS table itself, answered from its query's materialized store;</li>
 *   <li>{@code path=topic_scan}: a SOURCE table declared over the same sink topic, which no query
 *       writes, so each lookup folds the whole topic: what every pull query on a CTAS table did
 *       before the stores were read (same reader code).</li>
 * </ul>
 * Reports lookups/s and p50/p99/max latency (ms) per path, after a warm-up.
 *
 * <p>Options: {@code --keys 100000 --lookups 20000 --scan-lookups 30 --warmup 2000 --seed 1 --dir <tmp>}.
 */
public final class PullLookupWorkload implements Workload {

    @Override
    public String name() {
        return "pull-lookup";
    }

    @Override
    public String description() {
        return "pull-query key lookups on a CTAS table, from its store vs a topic scan; --keys 100000 --lookups 20000";
    }

    @Override
    public List<Result> run(Options options) throws Exception {
        int keys = options.intValue("keys", 100_000);
        int lookups = options.intValue("lookups", 20_000);
        int scanLookups = options.intValue("scan-lookups", 30);
        int warmup = options.intValue("warmup", 2_000);
        long seed = options.longValue("seed", 1);
        Path dir = Path.of(options.string("dir", Files.createTempDirectory("runnel-pull-lookup").toString()));
        try (EmbeddedLog log = EmbeddedLog.open(EmbeddedLogConfig.of(dir.resolve("log")));
             SqlEngine engine = SqlEngine.open(log, dir.resolve("state"), Map.of("runnel.pull.wait.ms", "300000"))) {
            engine.execute("CREATE STREAM events (id INT KEY, amount INT) WITH (kafka_topic='events', partitions=4, "
                    + "value_format='json');"
                    + "CREATE TABLE totals AS SELECT id, COUNT(*) AS n, SUM(amount) AS total FROM events GROUP BY id;"
                    + "CREATE SOURCE TABLE totals_scan (id INT PRIMARY KEY, n BIGINT, total INT) WITH "
                    + "(kafka_topic='TOTALS', value_format='json');", Map.of());
            load(log, keys);
            long loadStart = System.nanoTime();
            // Read-your-writes: the first lookup waits until the CTAS query processed every record.
            if (lookup(engine, "totals", keys - 1) != 1) {
                throw new IllegalStateException("key " + (keys - 1) + " not found after loading");
            }
            double loadSeconds = (System.nanoTime() - loadStart) / 1e9;
            Random random = new Random(seed);
            List<Result> results = new ArrayList<>();
            results.add(measure(engine, "totals", "store", keys, warmup, lookups, random, loadSeconds));
            results.add(measure(engine, "totals_scan", "topic_scan", keys, Math.min(warmup, 3), scanLookups, random,
                    loadSeconds));
            return results;
        }
    }

    /** One record per key into the stream's topic (KAFKA INT keys, JSON values). */
    private static void load(EmbeddedLog log, int keys) {
        try (Producer<Integer, byte[]> p = log.producer(Map.of("linger.ms", "5", "batch.size", "262144"),
                Serdes.integer().serializer(), Serdes.byteArray().serializer())) {
            for (int id = 0; id < keys; id++) {
                p.send(new ProducerRecord<>("events", id, ("{\"AMOUNT\":" + id + "}").getBytes(StandardCharsets.UTF_8)));
            }
            p.flush();
        }
    }

    private Result measure(SqlEngine engine, String table, String path, int keys, int warmup, int lookups,
                           Random random, double loadSeconds) {
        for (int i = 0; i < warmup; i++) {
            lookup(engine, table, random.nextInt(keys));
        }
        long[] latencies = new long[lookups];
        long start = System.nanoTime();
        for (int i = 0; i < lookups; i++) {
            long t0 = System.nanoTime();
            int found = lookup(engine, table, random.nextInt(keys));
            latencies[i] = System.nanoTime() - t0;
            if (found != 1) {
                throw new IllegalStateException(path + ": lookup found " + found + " rows");
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        Arrays.sort(latencies);
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("path", path);
        figures.put("keys", keys);
        figures.put("lookups", lookups);
        figures.put("p50_ms", latencies[lookups / 2] / 1e6);
        figures.put("p99_ms", latencies[Math.min(lookups - 1, (int) (lookups * 0.99))] / 1e6);
        figures.put("max_ms", latencies[lookups - 1] / 1e6);
        figures.put("load_s", loadSeconds);
        return new Result(name(), "runnel", lookups / seconds, figures);
    }

    /** Runs one key lookup to its end; the rows found. */
    private static int lookup(SqlEngine engine, String table, int id) {
        int[] rows = {0};
        RuntimeException[] error = {null};
        engine.query("SELECT * FROM " + table + " WHERE id = " + id + ";", Map.of(), new QueryListener() {
            @Override
            public void onStart(String queryId, List<QueryColumn> columns) {
            }

            @Override
            public void onRow(List<Object> values) {
                rows[0]++;
            }

            @Override
            public void onTombstone(List<Object> values) {
            }

            @Override
            public void onComplete(String message) {
            }

            @Override
            public void onError(RuntimeException e) {
                error[0] = e;
            }
        });
        if (error[0] != null) {
            throw error[0];
        }
        return rows[0];
    }
}
