package io.runnel.bench.sql;

import io.runnel.bench.Options;
import io.runnel.bench.Result;
import io.runnel.bench.Workload;
import io.runnel.bench.e2e.Machine;
import io.runnel.streams.dsl.StoreType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Issue 5: one query in SQL through the engine ({@code system=runnel-sql}) against the same
 * topology written with the DSL ({@code system=runnel-dsl}), both on {@code StreamsRuntime} over
 * one embedded log, reading the same pre-loaded input topic in the same run. Each system first
 * runs untimed over a warm-up topic (as large as the run by default); then each is timed from the
 * start of its query (the CREATE ... AS SELECT statement; the DSL runtime's {@code start()})
 * until the output tracker has seen its last output record, as the end-to-end workloads time
 * theirs.
 *
 * <p>Options: {@code --records N} (2M; 1M for the window), {@code --warmup N} (records: on a busy 2-core
 * machine a smaller warm-up leaves the first timed run still compiling; 0 = none),
 * {@code --users N} (10000 keys), {@code --pages N} (1000), {@code --commit-interval-ms N} (100,
 * both systems), {@code --system sql|dsl|both} (both), {@code --first sql|dsl} (dsl: which system
 * is timed first in the first round; later rounds alternate), {@code --rounds N} (1: timed runs
 * of each system, one result line per system and round),
 * {@code --flush always|none|interval:MS} (none), {@code --timeout-s N} (600),
 * {@code --dsl-store rocksdb|memory} (rocksdb: the DSL's count stores; the engine's stores are
 * the DSL's default, RocksDB). Both systems run
 * with the runtime's default record cache (the engine sets no cache size).
 *
 * <p>With several rounds, a last line {@code system=sql-vs-dsl} gives the median, lowest and
 * highest ratio and the ratio of the total times.
 *
 * <p>The SQL line carries {@code sql_vs_dsl_ratio} (SQL records/s over DSL records/s, the issue's
 * figure) and {@code sql_vs_dsl_cpu_ratio} (DSL CPU seconds over SQL CPU seconds for the same
 * records: on a machine shared with other work, wall time also measures the neighbours).
 */
final class SqlVsDslWorkload implements Workload {
    private final SqlVsDslQuery query;

    SqlVsDslWorkload(SqlVsDslQuery query) {
        this.query = query;
    }

    @Override
    public String name() {
        return "sql-vs-dsl-" + query.option();
    }

    @Override
    public String description() {
        return switch (query) {
            case FILTER -> "SQL vs DSL: WHERE + projection over 2M JSON page views (--records, --users); runtime over embedded log";
            case GROUPBY -> "SQL vs DSL: COUNT(*) GROUP BY PAGE (repartition; DSL counts in RocksDB unless --dsl-store memory), --records 2M, --pages 1000";
            case WINDOW -> "SQL vs DSL: 1-minute tumbling COUNT(*) GROUP BY USERID, --records 1M, --users 10000";
        };
    }

    @Override
    public List<Result> run(Options options) throws Exception {
        long records = options.longValue("records", query == SqlVsDslQuery.WINDOW ? 1_000_000 : 2_000_000);
        long warmup = options.longValue("warmup", records);
        PageViews input = new PageViews(options.intValue("users", 10_000), options.intValue("pages", 1000));
        long commitMs = options.longValue("commit-interval-ms", 100);
        String system = options.string("system", "both");
        boolean sqlFirst = options.string("first", "dsl").equals("sql");
        int rounds = options.intValue("rounds", 1);
        String flush = options.string("flush", "none");
        long timeoutMs = options.longValue("timeout-s", 600) * 1000;
        String dslStore = options.string("dsl-store", "rocksdb");
        StoreType storeType = switch (dslStore) {
            case "rocksdb" -> StoreType.ROCKS_DB;
            case "memory" -> StoreType.IN_MEMORY;
            default -> throw new IllegalArgumentException("--dsl-store takes rocksdb or memory, got '" + dslStore + "'");
        };
        boolean sql = !system.equals("dsl");
        boolean dsl = !system.equals("sql");

        Path root = Files.createTempDirectory("runnel-bench-sql-");
        try (SqlVsDslRunner runner = new SqlVsDslRunner(root, query, flush, commitMs, timeoutMs, storeType)) {
            SqlVsDslRunner.Input warm = warmup > 0 ? runner.load("warmup", input, warmup) : null;
            SqlVsDslRunner.Input timed = runner.load("run", input, records);
            if (warm != null) {
                if (dsl) {
                    runner.dsl(warm, "warmup");
                }
                if (sql) {
                    runner.sql(warm, "warmup");
                }
            }
            List<Result> out = new ArrayList<>();
            List<Double> ratios = new ArrayList<>();
            double sqlSeconds = 0;
            double dslSeconds = 0;
            for (int round = 0; round < rounds; round++) {
                SqlVsDslRunner.Timed dslRun = null;
                SqlVsDslRunner.Timed sqlRun = null;
                boolean sqlFirstNow = sqlFirst ^ (round % 2 == 1);
                for (boolean sqlTurn : sqlFirstNow ? new boolean[] {true, false} : new boolean[] {false, true}) {
                    System.gc();
                    if (sqlTurn && sql) {
                        sqlRun = runner.sql(timed, "run" + round);
                    } else if (!sqlTurn && dsl) {
                        dslRun = runner.dsl(timed, "run" + round);
                    }
                }
                if (dslRun != null) {
                    out.add(result("runnel-dsl", dslRun, records, input, commitMs, flush, round, Map.of("store", dslStore)));
                }
                if (sqlRun != null) {
                    Map<String, Object> ratio = new LinkedHashMap<>();
                    if (dslRun != null) {
                        ratios.add(dslRun.seconds() / sqlRun.seconds());
                        sqlSeconds += sqlRun.seconds();
                        dslSeconds += dslRun.seconds();
                        ratio.put("sql_vs_dsl_ratio", dslRun.seconds() / sqlRun.seconds());
                        ratio.put("sql_vs_dsl_cpu_ratio", dslRun.cpuSeconds() / sqlRun.cpuSeconds());
                    }
                    out.add(result("runnel-sql", sqlRun, records, input, commitMs, flush, round, ratio));
                }
            }
            if (ratios.size() > 1) {
                out.add(summary(ratios, records, sqlSeconds, dslSeconds));
            }
            return out;
        } finally {
            deleteRecursively(root);
        }
    }

    /**
     * Over every round: the median, lowest and highest SQL/DSL ratio, and the ratio of the total
     * times ({@code records_per_s} is SQL's over all rounds).
     */
    private Result summary(List<Double> ratios, long records, double sqlSeconds, double dslSeconds) {
        List<Double> sorted = ratios.stream().sorted().toList();
        int n = sorted.size();
        double median = n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("rounds", n);
        figures.put("median_sql_vs_dsl_ratio", median);
        figures.put("min_ratio", sorted.get(0));
        figures.put("max_ratio", sorted.get(n - 1));
        figures.put("total_time_ratio", dslSeconds / sqlSeconds);
        figures.put("loadavg", Machine.loadAverage());
        return new Result(name(), "sql-vs-dsl", records * n / sqlSeconds, figures);
    }

    private Result result(String system, SqlVsDslRunner.Timed t, long records, PageViews input, long commitMs, String flush,
                          int round, Map<String, Object> extra) {
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("records", records);
        figures.put("outputs", t.outputs());
        figures.put("seconds", t.seconds());
        figures.putAll(extra);
        figures.put("round", round);
        figures.put("cpu_seconds", t.cpuSeconds());
        figures.put("loadavg", Machine.loadAverage());
        figures.put("users", input.users());
        figures.put("pages", input.pages());
        figures.put("commit_ms", commitMs);
        figures.put("flush", flush);
        return new Result(name(), system, records / t.seconds(), figures);
    }

    private static void deleteRecursively(Path root) throws java.io.IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
