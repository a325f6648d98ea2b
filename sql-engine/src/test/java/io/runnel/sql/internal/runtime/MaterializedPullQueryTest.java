package io.runnel.sql.internal.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.runnel.log.Admin;
import io.runnel.log.EmbeddedLog;
import io.runnel.log.EmbeddedLogConfig;
import io.runnel.sql.engine.QueryColumn;
import io.runnel.sql.engine.QueryListener;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Pull queries on tables written by persistent queries are served from the queries' materialized
 * stores (counted by {@link PullQueryStats}), over a real embedded log, RocksDB stores and stream
 * threads. Each answer is compared with the one folded from the sink topic, read through a SOURCE
 * table declared over the same topic (no query writes it, so it is read by a topic scan).
 */
@Timeout(120)
class MaterializedPullQueryTest {
    private static final String ORDERS = "CREATE STREAM orders (id INT KEY, region STRING, amount INT) WITH "
            + "(kafka_topic='orders', partitions=2, value_format='json');";

    @TempDir
    Path dir;

    private Engine engine;

    private Engine open() {
        engine = Engine.open(dir, Map.of("commit.interval.ms", "50"));
        return engine;
    }

    @AfterEach
    void close() {
        if (engine != null) {
            engine.close();
        }
    }

    /** A test of an engine over a log of its own, which the test reads too. */
    @FunctionalInterface
    private interface OwnLogTest {
        void run(EmbeddedLog log) throws Exception;
    }

    /** Runs {@code test} with an engine of {@code properties} over its own log ({@link #reopen} restarts it); closed after. */
    private void withOwnLog(Map<String, String> properties, OwnLogTest test) throws Exception {
        try (EmbeddedLog log = EmbeddedLog.open(EmbeddedLogConfig.of(dir.resolve("own-log")))) {
            try {
                reopen(log, properties);
                test.run(log);
            } finally {
                close();
                engine = null;
            }
        }
    }

    /** Opens the engine over {@code log} with its state in {@code own-state}. */
    private void reopen(EmbeddedLog log, Map<String, String> properties) {
        engine = Engine.open(log, dir.resolve("own-state"), properties);
    }

    private void execute(String sql) {
        engine.execute(sql, Map.of());
    }

    private void insertOrders(int from, int to) {
        StringBuilder sql = new StringBuilder();
        for (int i = from; i < to; i++) {
            sql.append("INSERT INTO orders (ROWTIME, id, region, amount) VALUES (").append(i * 1000L).append(", ")
                    .append(i % 7).append(", 'r").append(i % 3).append("', ").append(i).append(");");
        }
        execute(sql.toString());
    }

    /** Runs a pull query to its end; its rows, or the error's message as the only row. */
    private List<List<Object>> pull(String sql) {
        List<List<Object>> rows = new ArrayList<>();
        engine.query(sql, Map.of(), new QueryListener() {
            @Override
            public void onStart(String queryId, List<QueryColumn> columns) {
            }

            @Override
            public void onRow(List<Object> values) {
                rows.add(values);
            }

            @Override
            public void onTombstone(List<Object> values) {
                rows.add(List.of("tombstone: " + values));
            }

            @Override
            public void onComplete(String message) {
            }

            @Override
            public void onError(RuntimeException e) {
                rows.add(List.of("error: " + e.getMessage()));
            }
        });
        return rows;
    }

    private record Reads(long lookups, long storeScans, long topicScans) {
    }

    private Reads reads() {
        PullQueryStats s = engine.pullQueryStats();
        return new Reads(s.storeLookups(), s.storeScans(), s.topicScans());
    }

    /** The answer from the store, checked equal (as a multiset) to the answer folded from the sink topic. */
    private List<List<Object>> pullBoth(String sql, String table, String topicTable) {
        List<List<Object>> fromStore = pull(sql.replace("$T", table));
        List<List<Object>> fromTopic = pull(sql.replace("$T", topicTable));
        assertThat(fromStore).as(sql).containsExactlyInAnyOrderElementsOf(fromTopic);
        return fromStore;
    }

    @Test
    void shouldAnswerKeyLookupsOnAnAggregateFromItsStoreWithoutReadingTheTopic() {
        open();
        execute(ORDERS + "CREATE TABLE totals AS SELECT id, COUNT(*) AS n, SUM(amount) AS total FROM orders GROUP BY id;");
        insertOrders(0, 30);

        assertThat(pull("SELECT * FROM totals WHERE id = 3;")).containsExactly(List.of(3, 4L, 3 + 10 + 17 + 24));
        assertThat(reads()).isEqualTo(new Reads(1, 0, 0));
        assertThat(pull("SELECT id, n FROM totals WHERE id IN (1, 2, 42);"))
                .containsExactlyInAnyOrder(List.of(1, 5L), List.of(2, 4L));
        assertThat(pull("SELECT id, n FROM totals WHERE id = 1 OR id = 5;"))
                .containsExactlyInAnyOrder(List.of(1, 5L), List.of(5, 4L));
        assertThat(pull("SELECT * FROM totals WHERE id = 42;")).isEmpty();
        assertThat(reads()).isEqualTo(new Reads(4, 0, 0));

        // A newer update of a key is what the next lookup sees (read-your-writes).
        insertOrders(30, 31); // id 2
        assertThat(pull("SELECT n FROM totals WHERE id = 2;")).containsExactly(List.of(5L));
    }

    @Test
    void shouldAnswerFromTheAggregationsOwnStoreWithHavingAndProjectionAppliedAsTheTopicHasThem() throws Exception {
        withOwnLog(Map.of("commit.interval.ms", "50"), this::answerFromTheAggregationsOwnStore);
    }

    private void answerFromTheAggregationsOwnStore(EmbeddedLog log) {
        execute(ORDERS + "CREATE TABLE busy AS SELECT id, COUNT(*) AS n, SUM(amount) * 2 AS doubled, "
                + "CONCAT('id-', CAST(id AS STRING)) AS label FROM orders GROUP BY id HAVING COUNT(*) > 4;"
                + "CREATE SOURCE TABLE busy_topic (id INT PRIMARY KEY, n BIGINT, doubled INT, label STRING) WITH "
                + "(kafka_topic='BUSY', value_format='json');");
        insertOrders(0, 33); // ids 0-4 have 5 orders, ids 5-6 have 4

        assertThat(pull("SELECT * FROM busy WHERE id = 1;")).containsExactly(List.of(1, 5L, 2 * (1 + 8 + 15 + 22 + 29),
                "id-1"));
        assertThat(pull("SELECT * FROM busy WHERE id = 5;")).as("a group HAVING rejects has no row").isEmpty();
        assertThat(pullBoth("SELECT * FROM $T;", "busy", "busy_topic")).hasSize(5);
        insertOrders(33, 35); // ids 5 and 6 reach 5 orders
        assertThat(pullBoth("SELECT id, label FROM $T WHERE id >= 5;", "busy", "busy_topic")).hasSize(2);
        // The table keeps no second store of its rows: no changelog of one.
        try (Admin admin = log.admin()) {
            assertThat(admin.listTopics(true)).noneMatch(t -> t.endsWith(".materialized-changelog"))
                    .anyMatch(t -> t.endsWith(".store-changelog"));
        }
    }

    @Test
    void shouldScanTheStoreForOtherConditionsAndAnswerAsTheTopicDoes() {
        open();
        execute(ORDERS + "CREATE TABLE totals AS SELECT id, COUNT(*) AS n, SUM(amount) AS total FROM orders GROUP BY id;"
                + "CREATE SOURCE TABLE totals_topic (id INT PRIMARY KEY, n BIGINT, total INT) WITH "
                + "(kafka_topic='TOTALS', value_format='json');");
        insertOrders(0, 50);

        assertThat(pullBoth("SELECT * FROM $T;", "totals", "totals_topic")).hasSize(7);
        assertThat(pullBoth("SELECT id, total FROM $T WHERE total > 150;", "totals", "totals_topic")).isNotEmpty();
        assertThat(pullBoth("SELECT * FROM $T WHERE id > 2 AND n >= 7;", "totals", "totals_topic")).isNotEmpty();
        assertThat(pullBoth("SELECT id, ROWTIME AS t FROM $T WHERE id = 4 OR n = 8;", "totals", "totals_topic"))
                .isNotEmpty();
        // A lookup on a key that is not INT/BIGINT/STRING-exact scans, with the same answer.
        assertThat(pullBoth("SELECT * FROM $T WHERE id = 2.0;", "totals", "totals_topic")).hasSize(1);
        assertThat(pull("SELECT * FROM totals LIMIT 3;")).hasSize(3);
        Reads reads = reads();
        assertThat(reads.storeScans()).isEqualTo(6);
        assertThat(reads.lookups()).isZero();
    }

    @Test
    void shouldServeFilteredProjectedAndJoinedTablesFromTheirStores() {
        open();
        // One partition each: the runtime joins by foreign key within a task only.
        execute("CREATE TABLE users (id INT PRIMARY KEY, name STRING, region STRING) WITH (kafka_topic='users', "
                + "partitions=1, value_format='json');"
                + "CREATE TABLE regions (region STRING PRIMARY KEY, label STRING) WITH (kafka_topic='regions', "
                + "partitions=1, value_format='json');"
                + "CREATE TABLE shouting AS SELECT id, UCASE(name) AS name FROM users WHERE id > 1;"
                + "CREATE TABLE labelled AS SELECT u.id AS id, u.name AS name, r.label AS label FROM users u "
                + "JOIN regions r ON u.region = r.region;"
                + "INSERT INTO regions (region, label) VALUES ('eu', 'Europe');"
                + "INSERT INTO users (id, name, region) VALUES (1, 'ann', 'eu');"
                + "INSERT INTO users (id, name, region) VALUES (2, 'bob', 'eu');"
                + "INSERT INTO users (id, name, region) VALUES (3, 'cy', 'us');"
                + "INSERT INTO users (id, name, region) VALUES (3, 'cyd', 'eu');");

        assertThat(pull("SELECT * FROM shouting WHERE id = 3;")).containsExactly(List.of(3, "CYD"));
        assertThat(pull("SELECT * FROM shouting WHERE id = 1;")).isEmpty();
        assertThat(pull("SELECT * FROM labelled WHERE id IN (1, 3);"))
                .containsExactlyInAnyOrder(List.of(1, "ann", "Europe"), List.of(3, "cyd", "Europe"));
        // An update of the right table updates the joined rows.
        execute("INSERT INTO regions (region, label) VALUES ('eu', 'EU');");
        assertThat(pull("SELECT label FROM labelled WHERE id = 2;")).containsExactly(List.of("EU"));
        assertThat(reads()).isEqualTo(new Reads(4, 0, 0));
    }

    @Test
    void shouldFetchTheWindowsOfAKeyWithinWindowBoundsFromAWindowedTablesStore() {
        open();
        execute(ORDERS + "CREATE TABLE per_10s AS SELECT id, COUNT(*) AS n FROM orders WINDOW TUMBLING (SIZE 10 SECONDS) "
                + "GROUP BY id;"
                + "CREATE SOURCE TABLE per_10s_topic (id INT PRIMARY KEY, n BIGINT) WITH (kafka_topic='PER_10S', "
                + "value_format='json', window_type='TUMBLING', window_size='10 SECONDS');");
        insertOrders(0, 60);

        assertThat(pullBoth("SELECT * FROM $T WHERE id = 3;", "per_10s", "per_10s_topic"))
                .containsExactlyInAnyOrder(List.of(3, 0L, 10_000L, 1L), List.of(3, 10_000L, 20_000L, 2L),
                        List.of(3, 20_000L, 30_000L, 1L), List.of(3, 30_000L, 40_000L, 2L),
                        List.of(3, 40_000L, 50_000L, 1L), List.of(3, 50_000L, 60_000L, 2L));
        assertThat(pullBoth("SELECT * FROM $T WHERE id = 3 AND WINDOWSTART >= 10000 AND WINDOWSTART < 30000;",
                "per_10s", "per_10s_topic"))
                .containsExactlyInAnyOrder(List.of(3, 10_000L, 20_000L, 2L), List.of(3, 20_000L, 30_000L, 1L));
        assertThat(pullBoth("SELECT id, n FROM $T WHERE id IN (1, 2) AND WINDOWEND = 20000;", "per_10s",
                "per_10s_topic")).containsExactlyInAnyOrder(List.of(1, 1L), List.of(2, 1L));
        assertThat(pullBoth("SELECT * FROM $T WHERE id = 3 AND WINDOWSTART BETWEEN 40000 AND 40000;", "per_10s",
                "per_10s_topic")).containsExactly(List.of(3, 40_000L, 50_000L, 1L));
        assertThat(pullBoth("SELECT * FROM $T WHERE id = 3 AND WINDOWSTART > 50000;", "per_10s", "per_10s_topic"))
                .isEmpty();
        assertThat(pullBoth("SELECT * FROM $T WHERE WINDOWSTART = 20000;", "per_10s", "per_10s_topic")).hasSize(7);
        Reads reads = reads();
        assertThat(reads.lookups()).isEqualTo(5);
        assertThat(reads.storeScans()).isEqualTo(1);
        assertThat(reads.topicScans()).isEqualTo(6);
    }

    @Test
    void shouldFetchTheSessionsOfAKeyFromASessionWindowedTablesStore() {
        open();
        execute(ORDERS + "CREATE TABLE sessions AS SELECT id, COUNT(*) AS n FROM orders WINDOW SESSION (5 SECONDS) "
                + "GROUP BY id;"
                + "CREATE SOURCE TABLE sessions_topic (id INT PRIMARY KEY, n BIGINT) WITH (kafka_topic='SESSIONS', "
                + "value_format='json', window_type='SESSION');");
        insertOrders(0, 40);

        assertThat(pullBoth("SELECT * FROM $T WHERE id = 3;", "sessions", "sessions_topic")).isNotEmpty();
        assertThat(pullBoth("SELECT * FROM $T WHERE id = 3 AND WINDOWSTART >= 10000;", "sessions", "sessions_topic"))
                .isNotEmpty();
        assertThat(pullBoth("SELECT * FROM $T;", "sessions", "sessions_topic")).isNotEmpty();
        assertThat(reads().lookups()).isEqualTo(2);
    }

    @Test
    void shouldAnswerFromTheStoreRestoredFromItsChangelogAfterARestart() throws Exception {
        open();
        execute(ORDERS + "CREATE TABLE totals AS SELECT id, COUNT(*) AS n, SUM(amount) AS total FROM orders GROUP BY id;"
                + "CREATE TABLE per_10s AS SELECT id, COUNT(*) AS n FROM orders WINDOW TUMBLING (SIZE 10 SECONDS) "
                + "GROUP BY id;");
        insertOrders(0, 40);
        List<List<Object>> before = pull("SELECT * FROM totals WHERE id IN (0, 1, 2, 3, 4, 5, 6);");
        List<List<Object>> windowsBefore = pull("SELECT * FROM per_10s WHERE id = 2 AND WINDOWSTART >= 20000;");
        assertThat(before).hasSize(7);
        assertThat(windowsBefore).isNotEmpty();
        engine.close();
        // Without local state the stores restore from their changelogs only.
        PersistentQuery.deleteDirectory(dir.resolve("state"));
        assertThat(Files.exists(dir.resolve("state"))).isFalse();

        open();
        assertThat(pull("SELECT * FROM totals WHERE id IN (0, 1, 2, 3, 4, 5, 6);"))
                .containsExactlyInAnyOrderElementsOf(before);
        assertThat(pull("SELECT * FROM per_10s WHERE id = 2 AND WINDOWSTART >= 20000;"))
                .containsExactlyInAnyOrderElementsOf(windowsBefore);
        assertThat(reads()).isEqualTo(new Reads(2, 0, 0));
        insertOrders(40, 41); // id 5
        assertThat(pull("SELECT n FROM totals WHERE id = 5;")).containsExactly(List.of(6L));
    }

    @Test
    void shouldReadTheTopicOfATableWhoseQueryCommittedBeforeItsStoreExisted() throws Exception {
        withOwnLog(Map.of("commit.interval.ms", "50"), log -> {
            // A table that keeps its rows in a store of its own (not an aggregation, whose store always has its rows).
            execute("CREATE TABLE plain (id INT PRIMARY KEY, v STRING) WITH (kafka_topic='plain', partitions=1, "
                    + "value_format='json');"
                    + "CREATE TABLE copy AS SELECT id, UCASE(v) AS v FROM plain;"
                    + "INSERT INTO plain (id, v) VALUES (3, 'c');");
            assertThat(pull("SELECT * FROM copy WHERE id = 3;")).containsExactly(List.of(3, "C"));
            engine.close();
            // As a data directory of a version that did not materialize tables: no store, no changelog.
            try (Admin admin = log.admin()) {
                for (String topic : admin.listTopics(true)) {
                    if (topic.endsWith(".materialized-changelog")) {
                        admin.deleteTopic(topic);
                    }
                }
            }
            PersistentQuery.deleteDirectory(dir.resolve("own-state"));

            reopen(log, Map.of("commit.interval.ms", "50"));
            assertThat(pull("SELECT * FROM copy WHERE id = 3;")).containsExactly(List.of(3, "C"));
            assertThat(reads()).isEqualTo(new Reads(0, 0, 1));
        });
    }

    @Test
    void shouldSeeRowsTheQueryProcessedBeforeItsNextCommitThroughTheRecordCache() throws Exception {
        // No commit within the test (the first is an hour away); each pull query waits 1 s for one, then reads.
        withOwnLog(Map.of("commit.interval.ms", "3600000", "runnel.pull.wait.ms", "1000"), log -> {
            execute("CREATE TABLE plain (id INT PRIMARY KEY, v STRING) WITH (kafka_topic='plain', partitions=1, "
                    + "value_format='json');"
                    + "CREATE TABLE copy AS SELECT id, UCASE(v) AS v FROM plain;"
                    + "INSERT INTO plain (id, v) VALUES (1, 'a');");
            // Asked until the store answers it (the first queries may find the store not queryable yet and scan the topic).
            List<List<Object>> rows = List.of();
            boolean fromStore = false;
            for (int attempt = 0; attempt < 30 && !(fromStore && !rows.isEmpty()); attempt++) {
                long lookups = reads().lookups();
                rows = pull("SELECT * FROM copy WHERE id = 1;");
                fromStore = reads().lookups() == lookups + 1;
            }
            assertThat(fromStore).isTrue();
            assertThat(rows).containsExactly(List.of(1, "A"));
            try (Admin admin = log.admin()) {
                String changelog = admin.listTopics(true).stream().filter(t -> t.endsWith(".materialized-changelog"))
                        .findFirst().orElseThrow();
                // The row is not in the store's changelog (nor in RocksDB) yet: it was read from the record cache.
                assertThat(admin.latestOffsets(List.of(new io.runnel.common.TopicPartition(changelog, 0))).values())
                        .containsOnly(0L);
            }
        });
    }

    @Test
    void shouldKeepReadingTopicsForStreamsAndTablesNoQueryWrites() {
        open();
        execute(ORDERS + "CREATE TABLE plain (id INT PRIMARY KEY, v STRING) WITH (kafka_topic='plain', partitions=1, "
                + "value_format='json');"
                + "CREATE TABLE copy AS SELECT * FROM plain;"
                + "INSERT INTO plain (id, v) VALUES (1, 'a');");
        insertOrders(0, 3);

        assertThat(pull("SELECT id, amount FROM orders WHERE amount > 0;"))
                .containsExactlyInAnyOrder(List.of(1, 1), List.of(2, 2));
        assertThat(pull("SELECT * FROM copy WHERE id = 1;")).containsExactly(List.of(1, "a"));
        assertThat(reads()).isEqualTo(new Reads(1, 0, 1));
    }
}
