package io.runnel.sql.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.runnel.sql.SqlErrorCode;
import io.runnel.sql.SqlException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Rows inserted as parsed JSON nodes (what {@code /inserts-stream} passes) are read by column type. */
@Timeout(120)
class InsertJsonRowsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private SqlEngine engine;

    @BeforeEach
    void open() {
        engine = SqlEngine.open(dir, Map.of());
        engine.execute("CREATE STREAM s (id BIGINT KEY, name STRING, n INT, d DOUBLE, b BOOLEAN, tags ARRAY<STRING>) "
                + "WITH (kafka_topic='s', partitions=1, value_format='json');", Map.of());
    }

    @AfterEach
    void close() {
        engine.close();
    }

    @Test
    void shouldReadJsonNodesByColumnTypeMatchingNamesIgnoringCase() throws Exception {
        engine.insertAsync("S", row("{\"ID\":1,\"name\":\"a\",\"N\":2,\"d\":3,\"b\":true,\"tags\":[\"x\"]}")).get();
        engine.insertAsync("S", row("{\"id\":\"2\",\"N\":\"7\",\"d\":1.5,\"ROWTIME\":\"1000\"}")).get();
        engine.insert("S", List.of(Map.of("ID", 3L, "NAME", "plain java values")));

        assertThat(pull("SELECT id, name, n, d, b, tags, ROWTIME FROM s;")).containsExactly(
                List.of(1L, "a", 2, 3.0, true, List.of("x"), rowtimeOf(0)),
                java.util.Arrays.asList(2L, null, 7, 1.5, null, null, 1000L),
                java.util.Arrays.asList(3L, "plain java values", null, null, null, null, rowtimeOf(2)));
    }

    @Test
    void shouldRefuseAValueOfTheWrongTypeAsAnInvalidRow() {
        assertThatThrownBy(() -> engine.insertAsync("S", row("{\"ID\":1,\"N\":\"seven\"}")))
                .isInstanceOfSatisfying(SqlException.class, e -> assertThat(e.errorCode()).isEqualTo(SqlErrorCode.INVALID_ROW))
                .hasMessageContaining("Column N");
        assertThatThrownBy(() -> engine.insertAsync("S", row("{\"ID\":1,\"N\":3000000000}")))
                .isInstanceOfSatisfying(SqlException.class, e -> assertThat(e.errorCode()).isEqualTo(SqlErrorCode.INVALID_ROW));
    }

    @Test
    void shouldRefuseARowtimeThatIsNotANumberAsAnInvalidRow() {
        assertThatThrownBy(() -> engine.insertAsync("S", row("{\"ID\":1,\"ROWTIME\":\"yesterday\"}")))
                .isInstanceOfSatisfying(SqlException.class, e -> assertThat(e.errorCode()).isEqualTo(SqlErrorCode.INVALID_ROW));
        assertThatThrownBy(() -> engine.insertAsync("S", row("{\"ID\":1,\"ROWTIME\":[1]}")))
                .isInstanceOfSatisfying(SqlException.class, e -> assertThat(e.errorCode()).isEqualTo(SqlErrorCode.INVALID_ROW));
    }

    @Test
    void shouldRefuseAnUnknownColumn() {
        assertThatThrownBy(() -> engine.insertAsync("S", row("{\"ID\":1,\"nope\":1}")))
                .isInstanceOfSatisfying(SqlException.class,
                        e -> assertThat(e.errorCode()).isEqualTo(SqlErrorCode.COLUMN_NOT_FOUND));
    }

    private Object rowtimeOf(int index) throws InterruptedException {
        return pull("SELECT ROWTIME FROM s;").get(index).get(0);
    }

    private static Map<String, Object> row(String json) throws Exception {
        Map<String, Object> row = new LinkedHashMap<>();
        JsonNode node = JSON.readTree(json);
        node.fields().forEachRemaining(f -> row.put(f.getKey(), f.getValue()));
        return row;
    }

    private List<List<Object>> pull(String sql) throws InterruptedException {
        return CollectingListener.pull(engine, sql);
    }
}
