package io.runnel.sql.internal.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.runnel.log.Admin;
import io.runnel.log.EmbeddedLog;
import io.runnel.log.EmbeddedLogConfig;
import io.runnel.log.NewTopic;
import io.runnel.sql.engine.EngineResult;
import io.runnel.sql.engine.QueryColumn;
import io.runnel.sql.engine.QueryListener;
import io.runnel.sql.engine.SqlEngine;
import io.runnel.sql.internal.command.Command;
import io.runnel.sql.internal.command.TopicCommandLog;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The engine restarts its persistent queries from the exec plans stored in its command topic (a
 * real embedded log and RocksDB stores in temp dirs), and still replays commands written before
 * plans were stored by planning their SQL.
 */
@Timeout(120)
class PlanReplayTest {
    private static final String CREATE_S = "CREATE STREAM s (id INT KEY, v STRING) WITH (kafka_topic='s', "
            + "partitions=1, value_format='json');";
    private static final String CTAS = "CREATE TABLE counts AS SELECT id, COUNT(*) AS n FROM s GROUP BY id;";
    private static final Map<String, String> ENGINE = Map.of("commit.interval.ms", "50");

    @TempDir
    Path dir;
    @TempDir
    Path scratch;

    private SqlEngine engine;

    @AfterEach
    void close() {
        if (engine != null) {
            engine.close();
        }
    }

    private SqlEngine open(Path data) {
        engine = SqlEngine.open(data, ENGINE);
        return engine;
    }

    @Test
    void shouldStoreThePlanOfAPersistentQueryWithItsCommand() {
        open(dir).execute(CREATE_S + CTAS, Map.of());
        engine.close();
        engine = null;

        List<Command> commands = commands(dir);

        assertThat(commands).hasSize(2);
        assertThat(commands.get(0).plan()).isEmpty();
        assertThat(commands.get(1).statement()).isEqualTo(CTAS.substring(0, CTAS.length() - 1));
        assertThat(commands.get(1).plan()).hasValueSatisfying(plan -> assertThat(plan)
                .startsWith("{\"type\":\"runnel-exec-plan\",\"version\":1,\"queryId\":\"CTAS_COUNTS_0\""));
    }

    @Test
    void shouldContinueACountFromItsStoredPlanWhenItsSqlNoLongerPlans() throws Exception {
        // The plan a CTAS stored, from another engine: the query this test's command topic will hold.
        open(scratch).execute(CREATE_S + CTAS, Map.of());
        engine.close();
        engine = null;
        String plan = commands(scratch).get(1).plan().orElseThrow();
        String garbled = "CREATE TABLE counts AS SELECT this is no longer SQL the planner accepts";
        try (EmbeddedLog log = EmbeddedLog.open(EmbeddedLogConfig.of(dir.resolve("log")));
             TopicCommandLog commands = new TopicCommandLog(log, TopicCommandLog.DEFAULT_TOPIC);
             Admin admin = log.admin()) {
            admin.createTopic(new NewTopic("s", 1, Map.of()));
            admin.createTopic(new NewTopic("COUNTS", 1, Map.of()));
            commands.append(CREATE_S, Map.of());
            commands.append(garbled, Map.of(), Optional.of(plan));
        }

        open(dir).execute("INSERT INTO s (id, v) VALUES (1, 'a'); INSERT INTO s (id, v) VALUES (1, 'b');", Map.of());

        assertThat(pull("SELECT * FROM counts WHERE id = 1;")).containsExactly(List.of(1, 2L));
        EngineResult.QueryList queries = (EngineResult.QueryList) engine.execute("SHOW QUERIES;", Map.of()).get(0);
        assertThat(queries.queries()).extracting(EngineResult.QueryInfo::id).containsExactly("CTAS_COUNTS_0");
        assertThat(queries.queries()).extracting(EngineResult.QueryInfo::sql).containsExactly(garbled);
        engine.close();

        open(dir).execute("INSERT INTO s (id, v) VALUES (1, 'c');", Map.of());

        assertThat(pull("SELECT * FROM counts WHERE id = 1;")).containsExactly(List.of(1, 3L));
    }

    @Test
    void shouldReplayAQueryCommandWrittenWithoutAPlanByPlanningItsSql() throws Exception {
        try (EmbeddedLog log = EmbeddedLog.open(EmbeddedLogConfig.of(dir.resolve("log")));
             TopicCommandLog commands = new TopicCommandLog(log, TopicCommandLog.DEFAULT_TOPIC);
             Admin admin = log.admin()) {
            admin.createTopic(new NewTopic("s", 1, Map.of()));
            admin.createTopic(new NewTopic("COUNTS", 1, Map.of()));
            commands.append(CREATE_S, Map.of());
            commands.append(CTAS, Map.of());
        }

        open(dir).execute("INSERT INTO s (id, v) VALUES (7, 'a'); INSERT INTO s (id, v) VALUES (7, 'b');", Map.of());

        assertThat(pull("SELECT * FROM counts WHERE id = 7;")).containsExactly(List.of(7, 2L));
        EngineResult.QueryList queries = (EngineResult.QueryList) engine.execute("SHOW QUERIES;", Map.of()).get(0);
        assertThat(queries.queries()).extracting(EngineResult.QueryInfo::id).containsExactly("CTAS_COUNTS_0");
    }

    @Test
    void shouldRefuseToOpenWhenAStoredPlanIsOfANewerVersion() {
        open(scratch).execute(CREATE_S + CTAS, Map.of());
        engine.close();
        engine = null;
        String plan = commands(scratch).get(1).plan().orElseThrow().replace("\"version\":1,", "\"version\":99,");
        try (EmbeddedLog log = EmbeddedLog.open(EmbeddedLogConfig.of(dir.resolve("log")));
             TopicCommandLog commands = new TopicCommandLog(log, TopicCommandLog.DEFAULT_TOPIC)) {
            commands.append(CREATE_S, Map.of());
            commands.append(CTAS, Map.of(), Optional.of(plan));
        }

        assertThatThrownBy(() -> open(dir))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("command 1 cannot be replayed: its exec plan is unreadable: exec plan version 99 "
                        + "of query CTAS_COUNTS_0 cannot be read: this Runnel reads exec plan version 1 and older; "
                        + "the plan was written by a newer Runnel");
    }

    private static List<Command> commands(Path data) {
        try (EmbeddedLog log = EmbeddedLog.open(EmbeddedLogConfig.of(data.resolve("log")));
             TopicCommandLog commands = new TopicCommandLog(log, TopicCommandLog.DEFAULT_TOPIC)) {
            return commands.readAll();
        }
    }

    private List<List<Object>> pull(String sql) throws InterruptedException {
        Rows rows = new Rows();
        engine.query(sql, Map.of(), rows).close();
        if (!rows.ended.await(20, TimeUnit.SECONDS)) {
            throw new AssertionError("pull query did not end: " + sql);
        }
        if (rows.error != null) {
            throw rows.error;
        }
        synchronized (rows) {
            return List.copyOf(rows.rows);
        }
    }

    /** A pull query's rows. */
    private static final class Rows implements QueryListener {
        final List<List<Object>> rows = new ArrayList<>();
        final CountDownLatch ended = new CountDownLatch(1);
        volatile RuntimeException error;

        @Override
        public void onStart(String queryId, List<QueryColumn> columns) {
        }

        @Override
        public synchronized void onRow(List<Object> values) {
            rows.add(values);
        }

        @Override
        public void onTombstone(List<Object> values) {
        }

        @Override
        public void onComplete(String message) {
            ended.countDown();
        }

        @Override
        public void onError(RuntimeException e) {
            error = e;
            ended.countDown();
        }
    }
}
