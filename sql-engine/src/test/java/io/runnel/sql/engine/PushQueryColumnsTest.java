package io.runnel.sql.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Columns of push queries that ksqlDB names in its own way: window bounds of windowed sources, join sides' pseudo columns. */
@Timeout(120)
class PushQueryColumnsTest extends EngineTestBase {
    @Test
    void shouldShowTheWindowBoundsOfAWindowedSourceUnderSelectStar() throws Exception {
        open();
        engine.execute("CREATE STREAM input (k STRING KEY, ignored INT) WITH (kafka_topic='input', partitions=1, "
                + "value_format='json');"
                + "CREATE TABLE aggregate AS SELECT k, COUNT(1) AS count FROM input WINDOW TUMBLING (SIZE 1 SECOND) "
                + "GROUP BY k;"
                + "INSERT INTO input (ROWTIME, k, ignored) VALUES (12345, '11', 1);", Map.of());

        CollectingListener rows = new CollectingListener();
        engine.query("SELECT * FROM aggregate EMIT CHANGES LIMIT 1;", EARLIEST, rows);
        rows.awaitEnd();

        assertThat(rows.columns).extracting(QueryColumn::name).containsExactly("K", "WINDOWSTART", "WINDOWEND", "COUNT");
        assertThat(rows.rows()).containsExactly(List.of("11", 12000L, 13000L, 1L));
    }

    @Test
    void shouldNameEachJoinSidesPseudoColumnAfterItsSide() throws Exception {
        open();
        engine.execute("CREATE STREAM input_1 (k STRING KEY, id INT) WITH (kafka_topic='t1', partitions=1, value_format='json');"
                + "CREATE STREAM input_2 (k STRING KEY, id INT) WITH (kafka_topic='t2', partitions=1, value_format='json');"
                + "INSERT INTO input_1 (ROWTIME, k, id) VALUES (12345, 'x', 100);"
                + "INSERT INTO input_2 (ROWTIME, k, id) VALUES (12365, 'x', 101);", Map.of());

        CollectingListener rows = new CollectingListener();
        engine.query("SELECT *, i1.ROWTIME, i2.ROWTIME FROM input_1 i1 JOIN input_2 i2 WITHIN 60 SECONDS "
                + "ON i1.k = i2.k EMIT CHANGES LIMIT 1;", EARLIEST, rows);
        rows.awaitEnd();

        assertThat(rows.columns).extracting(QueryColumn::name)
                .containsExactly("I1_K", "I1_ID", "I2_K", "I2_ID", "I1_ROWTIME", "I2_ROWTIME");
        assertThat(rows.rows()).containsExactly(List.of("x", 100, "x", 101, 12345L, 12365L));
    }

    @Test
    void shouldShowTheSelectedWindowBoundsOfATombstoneFromItsKey() throws Exception {
        // No record cache: every update of the aggregate is emitted, the HAVING's tombstone too.
        engine = SqlEngine.open(dir, Map.of("commit.interval.ms", "50", EngineProperties.CACHE_MAX_BYTES_BUFFERING, "0"));
        engine.execute("CREATE STREAM input (k INT KEY, val INT) WITH (kafka_topic='input', partitions=1, "
                + "value_format='json');"
                + "CREATE TABLE aggregate AS SELECT k, SUM(val) AS sum FROM input WINDOW TUMBLING (SIZE 1 SECOND) "
                + "GROUP BY k HAVING SUM(val) > 0;"
                + "INSERT INTO input (ROWTIME, k, val) VALUES (1, 11, 10);"
                + "INSERT INTO input (ROWTIME, k, val) VALUES (2, 11, -20);", Map.of());

        CollectingListener rows = new CollectingListener();
        engine.query("SELECT sum, WINDOWSTART, WINDOWEND FROM aggregate EMIT CHANGES LIMIT 2;", EARLIEST, rows);
        rows.awaitEnd();

        assertThat(rows.rows()).containsExactly(List.of(10, 0L, 1000L));
        assertThat(rows.tombstones()).containsExactly(Arrays.asList(null, 0L, 1000L));
    }
}
