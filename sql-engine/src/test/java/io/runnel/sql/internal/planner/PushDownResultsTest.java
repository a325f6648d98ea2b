package io.runnel.sql.internal.planner;

import static org.assertj.core.api.Assertions.assertThat;

import io.runnel.common.Serdes;
import io.runnel.sql.internal.exec.ProcessingLog;
import io.runnel.sql.internal.exec.TopologyBuilder;
import io.runnel.sql.internal.plan.ExecNode;
import io.runnel.sql.internal.plan.PersistentQueryPlanner;
import io.runnel.sql.internal.plan.PlanBuilder;
import io.runnel.streams.testing.TestDriver;
import io.runnel.streams.testing.TestOutputTopic;
import io.runnel.streams.testing.TestRecord;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * Optimized plans give the results of the plans made without the optimizer: each query runs
 * both ways through the test driver on the same input, and the outputs must be the same records
 * in the same order.
 */
class PushDownResultsTest {

    /** One input record: the topic, key, JSON value and time. */
    private record Input(String topic, int key, String value, long time) {
    }

    private static Input in(String topic, int key, String value, long time) {
        return new Input(topic, key, value, time);
    }

    private static final List<Input> STREAM_AND_TABLE = List.of(
            in("t", 1, "{\"V\": 1}", 1), in("t", 2, "{\"V\": 5}", 2),
            in("s", 1, "{\"X\": 0, \"NAME\": \"a\"}", 3), in("s", 1, "{\"X\": 3, \"NAME\": \"b\"}", 4),
            in("s", 2, "{\"X\": 3, \"NAME\": \"c\"}", 5), in("s", 3, "{\"X\": 9, \"NAME\": \"d\"}", 6),
            in("t", 1, "{\"V\": 7}", 7), in("s", 1, "{\"X\": 4, \"NAME\": \"e\"}", 8),
            in("t", 2, null, 9), in("s", 2, "{\"X\": 2, \"NAME\": \"f\"}", 10),
            in("s", 4, null, 11), in("s", 1, "{\"X\": null, \"NAME\": \"g\"}", 12));

    private static final String STREAM_TABLE = "CREATE STREAM O AS SELECT S.ID, X, V FROM S JOIN T ON S.ID = T.ID "
            + "WHERE S.X > 1 AND T.V < 6;";
    private static final String STREAM_TABLE_LEFT = "CREATE STREAM O AS SELECT S.ID, X, V FROM S LEFT JOIN T "
            + "ON S.ID = T.ID WHERE S.X >= 3 AND (T.V IS NULL OR T.V > 2);";

    private static final List<Input> TWO_STREAMS = List.of(
            in("s", 1, "{\"X\": 0, \"NAME\": \"a\"}", 1_000), in("r", 1, "{\"Y\": 1}", 2_000),
            in("s", 1, "{\"X\": 5, \"NAME\": \"b\"}", 3_000), in("r", 1, "{\"Y\": 7}", 4_000),
            in("s", 2, "{\"X\": 5, \"NAME\": \"c\"}", 5_000), in("r", 2, "{\"Y\": 2}", 6_000),
            in("s", 3, "{\"X\": 8, \"NAME\": \"d\"}", 7_000), in("r", 1, "{\"Y\": 2}", 8_000),
            in("s", 4, "{\"X\": 9, \"NAME\": \"e\"}", 60_000));

    @Test
    void shouldPushTheWhereOfTheStreamTableJoinsBelowTheJoin() {
        for (String sql : List.of(STREAM_TABLE, STREAM_TABLE_LEFT)) {
            assertThat(CalcitePlannerTest.print(CalcitePlannerTest.plan(sql).plan())).contains("filter_source_0");
        }
    }

    @Test
    void shouldGiveTheSameResultsWithWherePushedBelowAStreamTableJoin() {
        assertThat(sameResults(STREAM_TABLE, STREAM_AND_TABLE)).isNotEmpty();
    }

    @Test
    void shouldGiveTheSameResultsWithWherePushedBelowAStreamTableLeftJoin() {
        assertThat(sameResults(STREAM_TABLE_LEFT, STREAM_AND_TABLE)).isNotEmpty();
    }

    @Test
    void shouldGiveTheSameResultsWithWhereOverAStreamStreamJoin() {
        assertThat(sameResults("CREATE STREAM O AS SELECT S.ID, X, Y FROM S JOIN R WITHIN 10 SECONDS ON S.ID = R.ID "
                + "WHERE S.X > 1 AND R.Y < 5 AND UCASE(S.NAME) <> 'C';", TWO_STREAMS)).isNotEmpty();
    }

    @Test
    void shouldGiveTheSameResultsWithWhereOverAStreamStreamLeftJoin() {
        assertThat(sameResults("CREATE STREAM O AS SELECT S.ID, X, Y FROM S LEFT JOIN R WITHIN 10 SECONDS "
                + "ON S.ID = R.ID WHERE S.X BETWEEN 1 AND 8 AND S.ROWTIME > 1500;", TWO_STREAMS)).isNotEmpty();
    }

    @Test
    void shouldGiveTheSameResultsWithAFoldedWhere() {
        assertThat(sameResults("CREATE STREAM O AS SELECT ID, X FROM S WHERE X > 1 + 1 AND 2 = 2;",
                STREAM_AND_TABLE)).isNotEmpty();
    }

    @Test
    void shouldGiveTheSameResultsWithRangesAndListsCalciteRewrites() {
        for (String where : List.of("X = 0 OR X = 3 OR X = 9", "X <> 0 AND X <> 3", "NOT (X > 2) OR NAME IS NULL",
                "(X > 2) = TRUE", "X BETWEEN 2 AND 4 AND NOT (X = 3)", "(X > 2) IS NOT DISTINCT FROM FALSE",
                "CASE WHEN X > 3 THEN TRUE ELSE FALSE END", "X IS NULL OR NOT (X < 3 AND NAME <> 'c')")) {
            assertThat(sameResults("CREATE STREAM O AS SELECT ID, X FROM S WHERE " + where + ";", STREAM_AND_TABLE))
                    .as(where).isNotEmpty();
        }
    }

    @Test
    void shouldGiveTheSameResultsWithAContradiction() {
        assertThat(sameResults("CREATE STREAM O AS SELECT ID, X FROM S WHERE X > 3 AND X < 2;", STREAM_AND_TABLE))
                .isEmpty();
    }

    @Test
    void shouldGiveTheSameResultsWithAFoldedHavingOverATable() {
        assertThat(sameResults("CREATE TABLE O AS SELECT ID, COUNT(*) AS C FROM S WHERE X IS NOT NULL GROUP BY ID "
                + "HAVING COUNT(*) > 0 + 1;", STREAM_AND_TABLE)).isNotEmpty();
    }

    @Test
    void shouldGiveTheSameResultsWithAFoldedTableFilter() {
        assertThat(sameResults("CREATE TABLE O AS SELECT ID, V FROM T WHERE V > 1 * 2;", STREAM_AND_TABLE))
                .isNotEmpty();
    }

    /** The optimized plan's output, asserted to be the unoptimized plan's. */
    private static List<String> sameResults(String sql, List<Input> input) {
        PersistentQueryPlanner.Planned planned = CalcitePlannerTest.plan(sql);
        assertThat(planned.planning().fallback()).isEmpty();
        ExecNode.Sink direct = PlanBuilder.direct(planned.query(), planned.sink().topic(), planned.sink().formats(),
                planned.sink().timestampColumn());
        List<String> optimized = run(planned.plan(), input);
        assertThat(optimized).isEqualTo(run(direct, input));
        return optimized;
    }

    private static List<String> run(ExecNode.Sink plan, List<Input> input) {
        List<String> out = new ArrayList<>();
        try (TestDriver driver = new TestDriver(TopologyBuilder.build("q", plan, new ProcessingLog("q")), Map.of(),
                Instant.ofEpochMilli(0))) {
            TestOutputTopic<byte[], byte[]> topic = driver.createOutputTopic(plan.topic(),
                    Serdes.byteArray().deserializer(), Serdes.byteArray().deserializer());
            Consumer<Input> pipe = i -> driver.createInputTopic(i.topic(), Serdes.byteArray().serializer(),
                    Serdes.byteArray().serializer()).pipeInput(ByteBuffer.allocate(4).putInt(i.key()).array(),
                    i.value() == null ? null : i.value().getBytes(StandardCharsets.UTF_8), i.time());
            java.util.Set<String> read = new java.util.HashSet<>();
            ExecNode.sourcesOf(plan).forEach(source -> read.add(source.source().topic()));
            for (Input i : input) {
                if (!read.contains(i.topic())) {
                    continue;
                }
                pipe.accept(i);
                topic.readRecordsToList().forEach(r -> out.add(show(r)));
            }
        }
        return out;
    }

    private static String show(TestRecord<byte[], byte[]> r) {
        String key = r.key() == null ? "null" : java.util.Arrays.toString(r.key());
        String value = r.value() == null ? "null" : new String(r.value(), StandardCharsets.UTF_8);
        return key + "=" + value + "@" + r.timestamp();
    }
}
