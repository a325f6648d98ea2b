package io.runnel.sql.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.runnel.log.EmbeddedLog;
import io.runnel.log.EmbeddedLogConfig;
import io.runnel.log.FlushPolicy;
import io.runnel.log.Producer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A windowed table's records are partitioned by their key without the window, as Kafka Streams
 * partitions windowed keys (and so ksqlDB's sinks): every window of a key is in the partition of
 * the key's own bytes.
 */
@Timeout(120)
class WindowedSinkPartitionTest {
    @TempDir
    Path dir;

    @Test
    void shouldWriteEveryWindowOfAKeyToThePartitionOfTheKeyWithoutItsWindow() throws Exception {
        try (EmbeddedLog log = EmbeddedLog.open(EmbeddedLogConfig.of(dir.resolve("log")).withFlushPolicy(FlushPolicy.NONE));
                SqlEngine engine = SqlEngine.open(log, dir.resolve("state"), Map.of("commit.interval.ms", "50"))) {
            StringBuilder sql = new StringBuilder("CREATE STREAM s (k STRING KEY, v INT) WITH (kafka_topic='s', "
                    + "partitions=4, value_format='json');"
                    + "CREATE TABLE c AS SELECT k, COUNT(*) AS n FROM s WINDOW TUMBLING (SIZE 1 SECOND) GROUP BY k;");
            List<String> keys = List.of("a", "b", "c", "d", "e", "f");
            for (int window = 0; window < 3; window++) {
                for (String k : keys) {
                    sql.append("INSERT INTO s (ROWTIME, k, v) VALUES (").append(window * 1000 + 10).append(", '").append(k)
                            .append("', 1);");
                }
            }
            engine.execute(sql.toString(), Map.of());

            CollectingListener rows = new CollectingListener();
            try (StartedQuery q = engine.query("SELECT k, WINDOWSTART, ROWPARTITION FROM c EMIT CHANGES LIMIT 18;",
                    Map.of("auto.offset.reset", "earliest"), rows)) {
                rows.awaitEnd();
            }
            assertThat(rows.rows()).hasSize(18);
            for (List<Object> row : rows.rows()) {
                byte[] key = ((String) row.get(0)).getBytes(StandardCharsets.UTF_8);
                int expected = Producer.defaultPartition(key, key.length, 4);
                assertThat(row.get(2)).as("partition of %s", row).isEqualTo(expected);
            }
            assertThat(rows.rows().stream().map(r -> r.get(2)).distinct().count()).as("keys spread over partitions")
                    .isGreaterThan(1);
        }
    }
}
