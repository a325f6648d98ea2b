package io.runnel.sql.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** INSERT VALUES coerces literals into the column's type, as ksqlDB does. */
@Timeout(120)
class InsertValuesTest {
    @TempDir
    Path dir;

    private SqlEngine engine;

    @AfterEach
    void close() {
        if (engine != null) {
            engine.close();
        }
    }

    @Test
    void shouldCoerceStructFieldsToTheColumnsFieldTypes() throws Exception {
        engine = SqlEngine.open(dir, Map.of());
        engine.execute("CREATE STREAM s (k STRING KEY, val STRUCT<foo BIGINT, bar ARRAY<BIGINT>, baz DOUBLE>) "
                + "WITH (kafka_topic='s', partitions=1, value_format='json');"
                + "INSERT INTO s (val) VALUES (STRUCT(FOO := 2, BAR := ARRAY[2], BAZ := 2));"
                + "INSERT INTO s (val) VALUES (STRUCT());", Map.of());

        Map<String, Object> empty = new LinkedHashMap<>();
        empty.put("FOO", null);
        empty.put("BAR", null);
        empty.put("BAZ", null);
        assertThat(pull("SELECT val FROM s;")).containsExactly(
                List.of(Map.of("FOO", 2L, "BAR", List.of(2L), "BAZ", 2.0)), List.of(empty));
    }

    @Test
    void shouldWriteNullMapKeyAsTheNameNull() throws Exception {
        engine = SqlEngine.open(dir, Map.of());
        engine.execute("CREATE STREAM s (id INT KEY, v0 MAP<STRING, INT>) WITH (kafka_topic='s', partitions=1, "
                + "value_format='json'); INSERT INTO s (id, v0) VALUES (1, MAP(CAST(NULL AS STRING) := 1));", Map.of());

        assertThat(pull("SELECT * FROM s;")).containsExactly(Arrays.asList(1, Map.of("null", 1)));
    }

    private List<List<Object>> pull(String sql) throws InterruptedException {
        return CollectingListener.pull(engine, sql);
    }
}
