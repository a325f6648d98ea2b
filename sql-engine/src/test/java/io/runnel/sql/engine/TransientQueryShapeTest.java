package io.runnel.sql.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.runnel.sql.SqlException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * What push and pull queries show, as ksqlDB shows it: columns in SELECT order, pseudo columns
 * selectable by name, window bounds only where selected, and NULL arithmetic rejected as a user
 * error.
 */
@Timeout(120)
class TransientQueryShapeTest extends EngineTestBase {
    @Test
    void shouldShowPushQueryColumnsInSelectOrderIncludingPseudoColumns() throws Exception {
        open().execute(CREATE_S + "INSERT INTO s (ROWTIME, id, v) VALUES (1000, 1, 'a');", Map.of());

        CollectingListener rows = push("SELECT v, ROWTIME, id FROM s EMIT CHANGES LIMIT 1;");

        assertThat(rows.columns).extracting(QueryColumn::name).containsExactly("V", "ROWTIME", "ID");
        assertThat(rows.rows()).containsExactly(List.of("a", 1000L, 1));
    }

    @Test
    void shouldLetPullQuerySelectRowtimeButNotRowOffset() throws Exception {
        open().execute(CREATE_S + "INSERT INTO s (ROWTIME, id, v) VALUES (5, 1, 'a');", Map.of());

        CollectingListener rows = new CollectingListener();
        engine.query("SELECT v, ROWTIME FROM s;", Map.of(), rows).close();
        rows.awaitEnd();

        assertThat(rows.columns).extracting(QueryColumn::name).containsExactly("V", "ROWTIME");
        assertThat(rows.rows()).containsExactly(List.of("a", 5L));
        assertThatThrownBy(() -> engine.query("SELECT v, ROWOFFSET FROM s;", Map.of(), new CollectingListener()))
                .isInstanceOf(SqlException.class)
                .hasMessageContaining("Pull queries don't support the following columns in SELECT clauses: `ROWOFFSET`");
    }

    @Test
    void shouldExpandStarInPlaceAmongOtherSelectedColumns() throws Exception {
        open().execute(CREATE_S + "INSERT INTO s (ROWTIME, id, v) VALUES (7, 1, 'a');", Map.of());

        CollectingListener rows = push("SELECT ROWTIME, * FROM s EMIT CHANGES LIMIT 1;");

        assertThat(rows.columns).extracting(QueryColumn::name).containsExactly("ROWTIME", "ID", "V");
        assertThat(rows.rows()).containsExactly(List.of(7L, 1, "a"));
    }

    @Test
    void shouldNotAddWindowBoundsToWindowedPushQueryThatDoesNotSelectThem() throws Exception {
        open().execute(CREATE_S + "INSERT INTO s (id, v) VALUES (1, 'a');", Map.of());

        CollectingListener rows = push("SELECT COUNT(*) AS c, id FROM s WINDOW TUMBLING (SIZE 1 MINUTE) GROUP BY id "
                + "EMIT CHANGES LIMIT 1;");

        assertThat(rows.columns).extracting(QueryColumn::name).containsExactly("C", "ID");
        assertThat(rows.rows()).containsExactly(List.of(1L, 1));
    }

    @Test
    void shouldStillRejectPseudoColumnNameInPersistentQuery() {
        open().execute(CREATE_S, Map.of());

        assertThatThrownBy(() -> engine.execute("CREATE STREAM t AS SELECT id, ROWTIME FROM s;", Map.of()))
                .isInstanceOf(ScriptException.class)
                .hasMessageContaining("Reserved column name in select: `ROWTIME`");
    }

    @Test
    void shouldRejectArithmeticOnNullLiteralWithKsqlMessage() {
        open().execute(CREATE_S, Map.of());

        assertThatThrownBy(() -> engine.query("SELECT 1 + NULL FROM s EMIT CHANGES;", Map.of(), new CollectingListener()))
                .isInstanceOf(SqlException.class)
                .hasMessageContaining("Error processing expression: (1 + null). Arithmetic on types INTEGER and null "
                        + "are not supported.");
        assertThatThrownBy(() -> engine.query("SELECT MAP(1 := 'cat') + NULL FROM s EMIT CHANGES;", Map.of(),
                new CollectingListener()))
                .isInstanceOf(SqlException.class)
                .hasMessageContaining("(MAP(1:='cat') + null). Arithmetic on types MAP<INTEGER, STRING> and null");
    }

    private CollectingListener push(String sql) throws InterruptedException {
        CollectingListener rows = new CollectingListener();
        try (StartedQuery q = engine.query(sql, EARLIEST, rows)) {
            rows.awaitEnd();
        }
        if (rows.error != null) {
            throw rows.error;
        }
        return rows;
    }
}
