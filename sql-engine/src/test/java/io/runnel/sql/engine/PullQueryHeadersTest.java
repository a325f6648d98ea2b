package io.runnel.sql.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.runnel.common.Header;
import io.runnel.common.Serdes;
import io.runnel.log.EmbeddedLog;
import io.runnel.log.EmbeddedLogConfig;
import io.runnel.log.FlushPolicy;
import io.runnel.log.Producer;
import io.runnel.log.ProducerRecord;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Header columns in pull queries, as ksqlDB shows them. */
@Timeout(120)
class PullQueryHeadersTest {
    /** "IQ==" in base64, as result rows show BYTES. */
    private static final byte[] BANG = {'!'};

    @TempDir
    Path dir;

    private EmbeddedLog log;
    private SqlEngine engine;

    @BeforeEach
    void open() {
        log = EmbeddedLog.open(EmbeddedLogConfig.of(dir.resolve("log")).withFlushPolicy(FlushPolicy.NONE));
        engine = SqlEngine.open(log, dir.resolve("state"), Map.of("commit.interval.ms", "50"));
    }

    @AfterEach
    void close() {
        engine.close();
        log.close();
    }

    @Test
    void shouldReadHeadersColumnOfAStreamAsAnEmptyArrayWhenTheRecordHasNone() throws Exception {
        engine.execute("CREATE STREAM s (k INT KEY, v INT, hs ARRAY<STRUCT<key STRING, value BYTES>> HEADERS, "
                + "h BYTES HEADER('abc')) WITH (kafka_topic='s', partitions=1, value_format='json');", Map.of());
        send("s", 10, "{\"V\": 1}", List.of());
        send("s", 11, "{\"V\": 2}", List.of(new Header("abc", BANG)));

        List<List<Object>> rows = CollectingListener.pull(engine, "SELECT * FROM s;");

        assertThat(rows).hasSize(2);
        assertThat(rows.get(0)).containsExactly(10, 1, List.of(), null);
        assertThat(rows.get(1)).containsExactly(11, 2, List.of(Map.of("KEY", "abc", "VALUE", "IQ==")), "IQ==");
    }

    private void send(String topic, int key, String json, List<Header> headers) throws Exception {
        try (Producer<byte[], byte[]> producer = log.producer(Map.of(), Serdes.byteArray().serializer(),
                Serdes.byteArray().serializer())) {
            producer.send(new ProducerRecord<>(topic, null, 1000L, new byte[] {0, 0, 0, (byte) key},
                    json.getBytes(StandardCharsets.UTF_8), headers)).get();
        }
    }
}
