package io.runnel.sql.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** A WHERE over a table sends a tombstone only for a key it showed, as ksqlDB's table filters do. */
@Timeout(120)
class TableFilterTombstonesTest extends EngineTestBase {

    @Test
    void shouldSendNoTombstoneForAKeyThatNeverMatched() throws Exception {
        open().execute("CREATE TABLE t (id INT PRIMARY KEY, v STRING) WITH (kafka_topic='t', partitions=1, "
                + "value_format='json');"
                + "INSERT INTO t (id, v) VALUES (2, 'y');"
                + "INSERT INTO t (id, v) VALUES (1, 'x');"
                + "INSERT INTO t (id, v) VALUES (1, 'y');"
                + "INSERT INTO t (id, v) VALUES (3, 'y');"
                + "INSERT INTO t (id, v) VALUES (4, 'x');", Map.of());

        CollectingListener rows = new CollectingListener();
        engine.query("SELECT * FROM t WHERE v = 'x' EMIT CHANGES LIMIT 3;", EARLIEST, rows);
        rows.awaitEnd();

        assertThat(rows.rows()).containsExactly(List.of(1, "x"), List.of(4, "x"));
        assertThat(rows.tombstones()).containsExactly(Arrays.asList(1, null));
    }
}
