package io.runnel.sql.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Queries the optimizer rewrites, run by the engine end to end (embedded log, stream threads):
 * the results are those of the query as written, and EXPLAIN shows the Calcite plans.
 */
@Timeout(120)
class OptimizedQueryEngineTest extends EngineTestBase {
    private static final String SOURCES = "CREATE STREAM s (id INT KEY, x INT, v STRING) WITH (kafka_topic='s', "
            + "partitions=1, value_format='json');"
            + "CREATE TABLE names (id INT PRIMARY KEY, name STRING, rank INT) WITH (kafka_topic='names', "
            + "partitions=1, value_format='json');";
    private static final String JOIN = "CREATE STREAM enriched AS SELECT s.id AS id, s.x, n.name FROM s "
            + "JOIN names n ON s.id = n.id WHERE s.x > 1 + 1 AND n.rank < 3;";

    @Test
    void shouldJoinOnlyTheStreamRowsThePushedWhereKeepsAndFilterTheTableSideAfterTheJoin() throws Exception {
        open();
        engine.execute(SOURCES + JOIN
                + "INSERT INTO names (id, name, rank) VALUES (1, 'one', 1);"
                + "INSERT INTO names (id, name, rank) VALUES (2, 'two', 5);", Map.of());
        engine.execute("INSERT INTO s (id, x, v) VALUES (1, 1, 'too small');"
                + "INSERT INTO s (id, x, v) VALUES (1, 3, 'kept');"
                + "INSERT INTO s (id, x, v) VALUES (2, 9, 'rank too high');"
                + "INSERT INTO s (id, x, v) VALUES (3, 9, 'no match');", Map.of());

        assertThat(pull("SELECT * FROM enriched;")).containsExactly(List.of(1, 3, "one"));
    }

    @Test
    void shouldExplainTheCalcitePlansBeforeAndAfterOptimization() {
        open();
        engine.execute(SOURCES, Map.of());

        EngineResult.QueryExplained explained = (EngineResult.QueryExplained) engine.execute("EXPLAIN " + JOIN,
                Map.of()).get(0);

        assertThat(explained.executionPlan()).contains("[ filter_source_0 ] | predicate: (S.X > 2)",
                "[ filter_3 ] | predicate: (N.RANK < 3)", "Logical plan (Calcite):",
                "+(1, 1)", "Optimized plan (Calcite):", "LogicalFilter(condition=[>($1, 2)])");
        assertThat(explained.topology()).contains("filter_source_0");
    }
}
