package io.runnel.sql.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.runnel.sql.SqlException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** ksqlDB's rules and messages for the WHERE clause and the source of a pull query. */
@Timeout(120)
class PullQueryValidationTest {
    private static final Map<String, Object> NO_SCAN = Map.of("ksql.query.pull.table.scan.enabled", "false");

    @TempDir
    Path dir;

    private SqlEngine engine;

    @BeforeEach
    void open() {
        engine = SqlEngine.open(dir, Map.of("commit.interval.ms", "50"));
        engine.execute("CREATE STREAM s (id INT KEY, v INT) WITH (kafka_topic='s', partitions=1, value_format='json');"
                + "CREATE TABLE agg AS SELECT id, COUNT(*) AS cnt FROM s GROUP BY id;"
                + "CREATE TABLE plain (id INT PRIMARY KEY, v INT) WITH (kafka_topic='plain', partitions=1, "
                + "value_format='json');", Map.of());
    }

    @AfterEach
    void close() {
        engine.close();
    }

    @Test
    void shouldRejectPullQueryOnTableThatNoQueryMaterializes() {
        assertThatThrownBy(() -> pull("SELECT * FROM plain WHERE id = 1;", Map.of()))
                .isInstanceOf(SqlException.class)
                .hasMessageContaining("The `PLAIN` table isn't queryable. To derive a queryable table, you can do "
                        + "'CREATE TABLE QUERYABLE_PLAIN AS SELECT * FROM PLAIN'.");
    }

    @Test
    void shouldRejectTextLookUpOfANumericKeyInAnInList() {
        assertThatThrownBy(() -> pull("SELECT * FROM agg WHERE id IN ('10', 8);", Map.of()))
                .isInstanceOf(SqlException.class)
                .hasMessageContaining("'10' can not be converted to the type of the key column: ID INTEGER KEY");
    }

    @Test
    void shouldRequireKeyLookUpInEveryDisjunctWhenTableScansAreOff() {
        assertRejected("SELECT * FROM agg WHERE cnt = 100;", "WHERE clause missing key column for disjunct: (CNT = 100)");
        assertRejected("SELECT * FROM agg WHERE id != 100;", "Bound on key columns '[`ID` INTEGER KEY]' must currently be '='.");
        assertRejected("SELECT * FROM agg WHERE id = cnt - 1;",
                "A comparison must be between a key column and a resolvable expression.");
        assertRejected("SELECT * FROM agg WHERE id IN (2, cnt + 1);",
                "A comparison must be between a key column and a resolvable expression.");
        assertRejected("SELECT * FROM agg WHERE id + 10 = 20;", "A comparison must directly reference a key column.");
        assertRejected("SELECT * FROM agg WHERE 0 < id AND id < 100;",
                "A comparison condition on the key column cannot be combined with other comparisons");
    }

    @Test
    void shouldAllowKeyLookUpWithValueFilterWhenTableScansAreOff() throws Exception {
        engine.insert("S", List.of(Map.of("ID", 1, "V", 1), Map.of("ID", 2, "V", 2)));

        assertThat(pull("SELECT * FROM agg WHERE id = 1 AND cnt > 0;", NO_SCAN)).containsExactly(List.of(1, 1L));
        assertThat(pull("SELECT * FROM agg WHERE id IN (1, 2) OR id = 3;", NO_SCAN))
                .containsExactlyInAnyOrder(List.of(1, 1L), List.of(2, 1L));
    }

    @Test
    void shouldRejectNullKeyLookUp() {
        assertThatThrownBy(() -> pull("SELECT * FROM agg WHERE id IN (NULL);", Map.of()))
                .isInstanceOf(SqlException.class)
                .hasMessageContaining("Primary key columns can not be NULL: (ID = null)");
        assertThatThrownBy(() -> pull("SELECT * FROM agg WHERE id = NULL;", Map.of()))
                .isInstanceOf(SqlException.class)
                .hasMessageContaining("Error in WHERE expression: Comparison with NULL not supported: INTEGER = NULL\n"
                        + "Use 'IS NULL' or 'IS NOT NULL' instead.\nStatement: (ID = null)");
    }

    private void assertRejected(String sql, String message) {
        assertThatThrownBy(() -> pull(sql, NO_SCAN)).isInstanceOf(SqlException.class).hasMessageContaining(message);
    }

    private List<List<Object>> pull(String sql, Map<String, Object> properties) throws InterruptedException {
        CollectingListener rows = new CollectingListener();
        engine.query(sql, properties, rows).close();
        rows.awaitEnd();
        if (rows.error != null) {
            throw rows.error;
        }
        return rows.rows();
    }
}
