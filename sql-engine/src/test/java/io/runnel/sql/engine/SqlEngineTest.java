package io.runnel.sql.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.runnel.sql.SqlErrorCode;
import io.runnel.sql.SqlException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The engine end to end over a real embedded log, real RocksDB stores and real stream threads. */
@Timeout(120)
class SqlEngineTest extends EngineTestBase {
    @Test
    void shouldDeliverInsertedRowToPushQueryReadingFromEarliest() throws Exception {
        open().execute(CREATE_S + "INSERT INTO s (id, v) VALUES (1, 'a');", Map.of());

        CollectingListener rows = new CollectingListener();
        try (StartedQuery q = engine.query("SELECT * FROM s EMIT CHANGES LIMIT 1;", EARLIEST, rows)) {
            rows.awaitEnd();
            assertThat(q.id()).startsWith("transient_S_");
        }

        assertThat(rows.columns).containsExactly(new QueryColumn("ID", "INTEGER", false),
                new QueryColumn("V", "STRING", false));
        assertThat(rows.rows()).containsExactly(List.of(1, "a"));
        assertThat(rows.completion).isEqualTo("Limit Reached");
    }

    @Test
    void shouldDeliverOnlyRowsInsertedAfterPushQueryStartsByDefault() throws Exception {
        open().execute(CREATE_S + "INSERT INTO s (id, v) VALUES (1, 'before');", Map.of());
        CollectingListener rows = new CollectingListener();
        try (StartedQuery q = engine.query("SELECT id, UCASE(v) AS up FROM s WHERE id > 1 EMIT CHANGES;", Map.of(),
                rows)) {
            engine.execute("INSERT INTO s (id, v) VALUES (1, 'skipped'); INSERT INTO s (id, v) VALUES (2, 'after');",
                    Map.of());

            assertThat(rows.awaitRows(1)).containsExactly(List.of(2, "AFTER"));
            EngineResult.QueryList queries = (EngineResult.QueryList) engine.execute("SHOW QUERIES;", Map.of()).get(0);
            assertThat(queries.queries()).singleElement().satisfies(info -> {
                assertThat(info.id()).isEqualTo(q.id());
                assertThat(info.type()).isEqualTo("PUSH");
            });

            engine.execute("TERMINATE " + q.id() + ";", Map.of());

            EngineResult.QueryList after = (EngineResult.QueryList) engine.execute("SHOW QUERIES;", Map.of()).get(0);
            assertThat(after.queries()).isEmpty();
        }
    }

    @Test
    void shouldRunCsasAsPersistentQueryListedInShowQueries() throws Exception {
        open().execute(CREATE_S, Map.of());
        List<EngineResult> results = engine.execute("CREATE STREAM upper AS SELECT id, UCASE(v) AS v FROM s;", Map.of());

        EngineResult.CommandDone done = (EngineResult.CommandDone) results.get(0);
        assertThat(done.queryId()).contains("CSAS_UPPER_0");
        assertThat(done.message()).isEqualTo("Created query with ID CSAS_UPPER_0");
        engine.execute("INSERT INTO s (id, v) VALUES (7, 'x');", Map.of());

        assertThat(pull("SELECT * FROM upper;")).containsExactly(List.of(7, "X"));
        EngineResult.QueryList queries = (EngineResult.QueryList) engine.execute("SHOW QUERIES;", Map.of()).get(0);
        assertThat(queries.queries()).singleElement().satisfies(q -> {
            assertThat(q.id()).isEqualTo("CSAS_UPPER_0");
            assertThat(q.state()).isEqualTo("RUNNING");
            assertThat(q.sinks()).containsExactly("UPPER");
        });
        EngineResult.QueryExplained explained = (EngineResult.QueryExplained) engine.execute("EXPLAIN CSAS_UPPER_0;",
                Map.of()).get(0);
        assertThat(explained.topology()).contains("CSAS_UPPER_0.source_0");
        assertThat(explained.executionPlan()).contains("sink_2");
        EngineResult.QueryExplained notRun = (EngineResult.QueryExplained) engine.execute(
                "EXPLAIN SELECT v, COUNT(*) AS n FROM s GROUP BY v EMIT CHANGES;", Map.of()).get(0);
        assertThat(notRun.query().state()).isEqualTo("NOT_RUNNING");
        assertThat(notRun.executionPlan()).contains("aggregate_1");
    }

    @Test
    void shouldRunAStreamTableJoinAsAPersistentQueryAndRefuseToDropItsTable() throws Exception {
        open().execute(CREATE_S + "CREATE TABLE names (id INT PRIMARY KEY, name STRING) WITH (kafka_topic='names', "
                + "partitions=1, value_format='json');"
                + "CREATE STREAM enriched AS SELECT s.id AS id, s.v, n.name FROM s JOIN names n ON s.id = n.id;"
                + "INSERT INTO names (id, name) VALUES (1, 'one');", Map.of());
        engine.execute("INSERT INTO s (id, v) VALUES (1, 'a'); INSERT INTO s (id, v) VALUES (2, 'no match');", Map.of());

        assertThat(pull("SELECT * FROM enriched;")).containsExactly(List.of(1, "a", "one"));
        assertThatThrownBy(() -> engine.execute("DROP TABLE names;", Map.of()))
                .hasMessageContaining("The following queries read from this source: [CSAS_ENRICHED_0]");
        assertThatThrownBy(() -> pull("SELECT * FROM s JOIN names n ON s.id = n.id;"))
                .hasMessageContaining("Pull queries don't support JOIN clauses.");
    }

    @Test
    void shouldContinueCountFromItsStateAfterReopen() throws Exception {
        open().execute(CREATE_S + "CREATE TABLE counts AS SELECT id, COUNT(*) AS n FROM s GROUP BY id;"
                + "INSERT INTO s (id, v) VALUES (1, 'a'); INSERT INTO s (id, v) VALUES (1, 'b');", Map.of());
        assertThat(pull("SELECT * FROM counts;")).containsExactly(List.of(1, 2L));
        engine.close();

        open().execute("INSERT INTO s (id, v) VALUES (1, 'c');", Map.of());

        assertThat(pull("SELECT * FROM counts WHERE id = 1;")).containsExactly(List.of(1, 3L));
        EngineResult.QueryList queries = (EngineResult.QueryList) engine.execute("SHOW QUERIES;", Map.of()).get(0);
        assertThat(queries.queries()).extracting(EngineResult.QueryInfo::id).containsExactly("CTAS_COUNTS_0");
    }

    @Test
    void shouldRunQueriesOverSourcesWhoseNamesCannotStandInProcessorNames() throws Exception {
        open().execute(CREATE_S, Map.of());
        assertThatThrownBy(() -> engine.execute("CREATE TABLE `AGGRE@GATE` AS SELECT id, COUNT(*) AS n FROM s GROUP BY id;",
                Map.of())).cause().isInstanceOf(SqlException.class).hasMessageContaining("Cannot create topic 'AGGRE@GATE'");
        engine.execute("CREATE TABLE `AGGRE@GATE` WITH (kafka_topic='aggregate') AS SELECT id, COUNT(*) AS n FROM s GROUP BY id;"
                + "CREATE STREAM `my copy` WITH (kafka_topic='my_copy') AS SELECT * FROM s;"
                + "INSERT INTO s (id, v) VALUES (1, 'a');", Map.of());

        assertThat(pull("SELECT * FROM `AGGRE@GATE`;")).containsExactly(List.of(1, 1L));
        assertThat(pull("SELECT * FROM `my copy`;")).containsExactly(List.of(1, "a"));
        EngineResult.QueryList queries = (EngineResult.QueryList) engine.execute("SHOW QUERIES;", Map.of()).get(0);
        assertThat(queries.queries()).extracting(EngineResult.QueryInfo::id)
                .containsExactlyInAnyOrder("CTAS_AGGRE_GATE_0", "CSAS_MY_COPY_1");
        CollectingListener rows = new CollectingListener();
        try (StartedQuery q = engine.query("SELECT * FROM `my copy` EMIT CHANGES LIMIT 1;", EARLIEST, rows)) {
            rows.awaitEnd();
            assertThat(q.id()).startsWith("transient_my_copy_");
        }
        assertThat(rows.rows()).containsExactly(List.of(1, "a"));
    }

    @Test
    void shouldPlanPersistentQueryWithTheSessionsProperties() throws Exception {
        open().execute(CREATE_S + "SET 'ksql.persistence.wrap.single.values'='false';"
                + "CREATE STREAM unwrapped AS SELECT id, v FROM s;"
                + "INSERT INTO s (id, v) VALUES (1, 'a');", Map.of());

        CollectingListener rows = new CollectingListener();
        try (StartedQuery q = engine.query("PRINT 'UNWRAPPED' FROM BEGINNING LIMIT 1;", Map.of(), rows)) {
            rows.awaitEnd();
        }
        assertThat(rows.rows()).extracting(r -> r.get(4)).containsExactly("\"a\"");
    }

    @Test
    void shouldAggregateEveryRowIntoOneGroupInPushQueryWithoutGroupBy() throws Exception {
        open().execute(CREATE_S + "INSERT INTO s (id, v) VALUES (0, 'a'); INSERT INTO s (id, v) VALUES (1, 'b');",
                Map.of());

        CollectingListener rows = new CollectingListener();
        try (StartedQuery q = engine.query("SELECT COUNT(*) AS n, MAX(id) AS top FROM s EMIT CHANGES LIMIT 2;", EARLIEST,
                rows)) {
            rows.awaitEnd();
        }

        assertThat(rows.rows()).containsExactly(List.of(1L, 0), List.of(2L, 1));
        assertThat(rows.completion).isEqualTo("Limit Reached");
    }

    @Test
    void shouldStopTerminatedQueryAndNotRestartItAfterReopen() throws Exception {
        open().execute(CREATE_S + "CREATE STREAM copy AS SELECT * FROM s;", Map.of());
        engine.execute("TERMINATE CSAS_COPY_0;", Map.of());
        engine.execute("INSERT INTO s (id, v) VALUES (1, 'a');", Map.of());
        engine.close();

        open();

        EngineResult.QueryList queries = (EngineResult.QueryList) engine.execute("SHOW QUERIES;", Map.of()).get(0);
        assertThat(queries.queries()).isEmpty();
        assertThat(pull("SELECT * FROM copy;")).isEmpty();
        assertThat(pull("SELECT * FROM s;")).containsExactly(List.of(1, "a"));
        engine.execute("DROP STREAM copy;", Map.of());
    }

    @Test
    void shouldReturnEveryInsertedRowFromPullQueriesOnStreamAndTable() throws Exception {
        open().execute(CREATE_S + "CREATE TABLE t_in (id INT PRIMARY KEY, v STRING) WITH (kafka_topic='t_in', "
                + "partitions=2, value_format='json'); CREATE TABLE t AS SELECT * FROM t_in;", Map.of());
        for (int i = 0; i < 5; i++) {
            engine.insert("S", List.of(Map.of("ID", i, "V", "v" + i)));
            engine.execute("INSERT INTO t_in (id, v) VALUES (" + (i % 3) + ", 'v" + i + "');", Map.of());
        }

        assertThat(pull("SELECT * FROM s;")).hasSize(5);
        assertThat(pull("SELECT v FROM s WHERE id >= 3 LIMIT 1;")).containsExactly(List.of("v3"));
        assertThat(pull("SELECT * FROM t;")).containsExactlyInAnyOrder(List.of(0, "v3"), List.of(1, "v4"),
                List.of(2, "v2"));
        assertThat(pull("SELECT * FROM t WHERE id = 1;")).containsExactly(List.of(1, "v4"));
    }

    @Test
    void shouldRefuseToDropSourceThatRunningQueryReads() {
        open().execute(CREATE_S + "CREATE STREAM copy AS SELECT * FROM s;", Map.of());

        assertThatThrownBy(() -> engine.execute("DROP STREAM s;", Map.of()))
                .isInstanceOfSatisfying(ScriptException.class, e -> {
                    assertThat(e.getCause().errorCode()).isEqualTo(SqlErrorCode.INVALID_DDL);
                    assertThat(e.getMessage()).contains("The following queries read from this source: [CSAS_COPY_0]");
                });
    }

    @Test
    void shouldKeepResultsOfStatementsBeforeTheFailingOne() {
        assertThatThrownBy(() -> open().execute(CREATE_S + "SELECT * FROM s;", Map.of()))
                .isInstanceOfSatisfying(ScriptException.class, e -> {
                    assertThat(e.getCause().errorCode()).isEqualTo(SqlErrorCode.QUERY_STATEMENT);
                    assertThat(e.executed()).hasSize(1);
                    assertThat(e.statementText()).isEqualTo("SELECT * FROM s");
                });
    }

    @Test
    void shouldRejectRowThatDoesNotFitTheSchema() {
        open().execute(CREATE_S, Map.of());

        assertThatThrownBy(() -> engine.insert("s", List.of(Map.of("ID", "not a number"))))
                .isInstanceOfSatisfying(SqlException.class,
                        e -> assertThat(e.errorCode()).isEqualTo(SqlErrorCode.INVALID_ROW));
        assertThatThrownBy(() -> engine.insert("nope", List.of()))
                .isInstanceOfSatisfying(SqlException.class,
                        e -> assertThat(e.errorCode()).isEqualTo(SqlErrorCode.SOURCE_NOT_FOUND));
    }

    @Test
    void shouldSendTombstoneWhenTableRowStopsMatchingPushQueryFilter() throws Exception {
        open().execute("CREATE TABLE t (id INT PRIMARY KEY, v STRING) WITH (kafka_topic='t', partitions=1,"
                + " value_format='json');", Map.of());
        CollectingListener rows = new CollectingListener();
        try (StartedQuery q = engine.query("SELECT * FROM t WHERE v = 'x' EMIT CHANGES;", Map.of(), rows)) {
            engine.execute("INSERT INTO t (id, v) VALUES (1, 'x');", Map.of());
            assertThat(rows.awaitRows(1)).containsExactly(List.of(1, "x"));

            engine.execute("INSERT INTO t (id, v) VALUES (1, 'y');", Map.of());
            long deadline = System.nanoTime() + CollectingListener.WAIT.toNanos();
            while (rows.tombstones().isEmpty() && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
        }

        assertThat(rows.tombstones()).containsExactly(java.util.Arrays.asList(1, null));
    }

    @Test
    void shouldPrintTopicFromBeginning() throws Exception {
        open().execute(CREATE_S + "INSERT INTO s (id, v) VALUES (1, 'a'); INSERT INTO s (id, v) VALUES (2, 'b');",
                Map.of());

        CollectingListener rows = new CollectingListener();
        try (StartedQuery q = engine.query("PRINT 's' FROM BEGINNING LIMIT 2;", Map.of(), rows)) {
            rows.awaitEnd();
        }

        assertThat(rows.columns).extracting(QueryColumn::name).containsExactly("ROWTIME", "PARTITION", "OFFSET", "KEY",
                "VALUE");
        assertThat(rows.rows()).extracting(r -> r.get(4)).containsExactly("{\"V\":\"a\"}", "{\"V\":\"b\"}");
    }

    @Test
    void shouldCreateSinkTopicWithRequestedPartitionsAndDescribeFunctions() {
        open().execute(CREATE_S + "CREATE STREAM wide WITH (PARTITIONS=3) AS SELECT * FROM s;", Map.of());

        EngineResult.TopicList topics = (EngineResult.TopicList) engine.execute("SHOW TOPICS;", Map.of()).get(0);
        assertThat(topics.topics()).contains(new EngineResult.TopicInfo("WIDE", 3));
        EngineResult.FunctionDescribed ucase = (EngineResult.FunctionDescribed) engine.execute(
                "DESCRIBE FUNCTION ucase;", Map.of()).get(0);
        assertThat(ucase.type()).isEqualTo("SCALAR");
        assertThat(ucase.overloads()).isNotEmpty();
    }

    @Test
    void shouldDescribeSourcesWithThePersistentQueriesReadingAndWritingThem() {
        open().execute(CREATE_S + "CREATE STREAM upper AS SELECT id, UCASE(v) AS v FROM s;", Map.of());

        EngineResult.SourceDescriptions s = (EngineResult.SourceDescriptions) engine.execute("DESCRIBE s;", Map.of())
                .get(0);
        assertThat(s.single()).isTrue();
        assertThat(s.sources().get(0).readQueries()).extracting(EngineResult.QueryInfo::id)
                .containsExactly("CSAS_UPPER_0");
        assertThat(s.sources().get(0).writeQueries()).isEmpty();
        assertThat(s.sources().get(0).statement()).isEqualTo(s.statementText());
        EngineResult.SourceDescriptions streams = (EngineResult.SourceDescriptions) engine.execute(
                "DESCRIBE STREAMS EXTENDED;", Map.of()).get(0);
        assertThat(streams.single()).isFalse();
        assertThat(streams.sources()).extracting(EngineResult.SourceDetails::name).containsExactly("S", "UPPER");
        assertThat(streams.sources().get(1).writeQueries()).extracting(EngineResult.QueryInfo::id)
                .containsExactly("CSAS_UPPER_0");
        assertThat(streams.sources().get(1).readQueries()).isEmpty();
    }

    @Test
    void shouldServeStatementsQueriesAndInsertsFromSeveralThreadsAtOnce() throws Exception {
        open();
        int threads = 4;
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(threads);
        try {
            List<java.util.concurrent.Future<List<List<Object>>>> results = new java.util.ArrayList<>();
            for (int t = 0; t < threads; t++) {
                String name = "s" + t;
                results.add(pool.submit(() -> {
                    engine.execute("CREATE STREAM " + name + " (id INT KEY, v STRING) WITH (kafka_topic='" + name
                            + "', partitions=1, value_format='json');", Map.of());
                    for (int i = 0; i < 5; i++) {
                        engine.insert(name, List.of(Map.of("ID", i, "V", name)));
                    }
                    return pull("SELECT * FROM " + name + ";");
                }));
            }
            for (int t = 0; t < threads; t++) {
                String expected = "s" + t;
                assertThat(results.get(t).get(60, java.util.concurrent.TimeUnit.SECONDS)).hasSize(5)
                        .allSatisfy(row -> assertThat(row.get(1)).isEqualTo(expected));
            }
        } finally {
            pool.shutdownNow();
        }
        EngineResult.SourceList streams = (EngineResult.SourceList) engine.execute("SHOW STREAMS;", Map.of()).get(0);
        assertThat(streams.sources()).extracting(EngineResult.SourceInfo::name).containsExactly("S0", "S1", "S2", "S3");
    }
}
