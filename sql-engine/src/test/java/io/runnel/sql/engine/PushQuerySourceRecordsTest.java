package io.runnel.sql.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.runnel.common.Serdes;
import io.runnel.log.EmbeddedLog;
import io.runnel.log.EmbeddedLogConfig;
import io.runnel.log.FlushPolicy;
import io.runnel.log.Producer;
import io.runnel.log.ProducerRecord;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Records a push query skips, as ksqlDB's sources do: a stream's record without a value, a
 * table's record without a key.
 */
@Timeout(120)
class PushQuerySourceRecordsTest {
    private static final Map<String, Object> EARLIEST = Map.of("auto.offset.reset", "earliest");

    @TempDir
    Path dir;

    @Test
    void shouldSkipStreamRecordsWithoutValueAndTableRecordsWithoutKey() throws Exception {
        try (EmbeddedLog log = EmbeddedLog.open(EmbeddedLogConfig.of(dir.resolve("log")).withFlushPolicy(FlushPolicy.NONE));
                SqlEngine engine = SqlEngine.open(log, dir.resolve("state"), Map.of("commit.interval.ms", "50"))) {
            engine.execute("CREATE STREAM s (k INT KEY, id INT) WITH (kafka_topic='s', partitions=1, value_format='json');"
                    + "CREATE TABLE t (k INT PRIMARY KEY, id INT) WITH (kafka_topic='t', partitions=1, "
                    + "value_format='json');", Map.of());
            try (Producer<byte[], byte[]> producer = log.producer(Map.of(), Serdes.byteArray().serializer(),
                    Serdes.byteArray().serializer())) {
                for (String topic : List.of("s", "t")) {
                    producer.send(new ProducerRecord<>(topic, key(10), null)).get();
                    producer.send(new ProducerRecord<>(topic, null, json("{\"ID\": 123}"))).get();
                    producer.send(new ProducerRecord<>(topic, key(11), json("{\"ID\": 111}"))).get();
                }
            }

            assertThat(push(engine, "SELECT * FROM s EMIT CHANGES LIMIT 2;"))
                    .containsExactly(Arrays.asList(null, 123), List.of(11, 111));
            CollectingListener table = new CollectingListener();
            try (StartedQuery q = engine.query("SELECT * FROM t EMIT CHANGES LIMIT 2;", EARLIEST, table)) {
                table.awaitEnd();
            }
            assertThat(table.tombstones()).containsExactly(Arrays.asList(10, null));
            assertThat(table.rows()).containsExactly(List.of(11, 111));
        }
    }

    private static List<List<Object>> push(SqlEngine engine, String sql) throws InterruptedException {
        CollectingListener rows = new CollectingListener();
        try (StartedQuery q = engine.query(sql, EARLIEST, rows)) {
            rows.awaitEnd();
        }
        return rows.rows();
    }

    private static byte[] key(int k) {
        return new byte[] {0, 0, 0, (byte) k};
    }

    private static byte[] json(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
