package io.runnel.bench.sql;

import static org.assertj.core.api.Assertions.assertThat;

import io.runnel.bench.Options;
import io.runnel.bench.Result;
import io.runnel.bench.Workload;
import io.runnel.bench.Workloads;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A smoke run of each SQL-vs-DSL workload on a few thousand records (no timing is checked). */
class SqlWorkloadsTest {

    private static List<Result> run(String name, Map<String, String> options) throws Exception {
        Workload w = Workloads.find(name).orElseThrow();
        return w.run(Options.of(options));
    }

    @Test
    void shouldRunEachQueryOnBothSystemsToTheSameOutputsAndReportTheRatio() throws Exception {
        for (Workload w : SqlWorkloads.ALL) {
            List<Result> results = run(w.name(), Map.of("records", "3000", "warmup", "0", "users", "50", "pages", "20",
                    "timeout-s", "120"));
            assertThat(results).as(w.name()).extracting(Result::system).containsExactly("runnel-dsl", "runnel-sql");
            assertThat(results.get(1).figures()).as(w.name()).containsKeys("sql_vs_dsl_ratio", "sql_vs_dsl_cpu_ratio");
            assertThat(results).allSatisfy(r -> assertThat((Long) r.figures().get("outputs")).isPositive());
        }
    }

    @Test
    void shouldRunOneSystemAloneAndSeveralRounds() throws Exception {
        List<Result> results = run("sql-vs-dsl-filter", Map.of("records", "2000", "warmup", "500", "system", "sql",
                "rounds", "2"));
        assertThat(results).extracting(Result::system).containsExactly("runnel-sql", "runnel-sql");
        assertThat(results).extracting(r -> r.figures().get("outputs")).containsOnly(results.get(0).figures().get("outputs"));
    }

    @Test
    void shouldWriteTheSamePageViewsForTheSameArguments() {
        PageViews views = new PageViews(10, 5);
        StringBuilder first = new StringBuilder();
        StringBuilder second = new StringBuilder();
        long kept = views.write(100, (k, v, ts) -> first.append(new String(k, java.nio.charset.StandardCharsets.UTF_8)).append(new String(v, java.nio.charset.StandardCharsets.UTF_8)).append(ts));
        assertThat(views.write(100, (k, v, ts) -> second.append(new String(k, java.nio.charset.StandardCharsets.UTF_8)).append(new String(v, java.nio.charset.StandardCharsets.UTF_8)).append(ts))).isEqualTo(kept);
        assertThat(second.toString()).isEqualTo(first.toString());
        assertThat(kept).isBetween(1L, 99L);
    }

    @Test
    void shouldReadTheCountOfAnOutputValue() {
        assertThat(JsonCounts.views("{\"VIEWS\":123}".getBytes(java.nio.charset.StandardCharsets.UTF_8))).isEqualTo(123);
        assertThat(JsonCounts.views("{\"VIEWS\": 7}".getBytes(java.nio.charset.StandardCharsets.UTF_8))).isEqualTo(7);
    }
}
