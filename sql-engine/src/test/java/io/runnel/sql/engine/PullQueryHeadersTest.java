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
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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

    @Test
    void shouldFlagHeaderColumnsOfASourceTableInTheSchemaOfSelectStarAndCarryThemLastInRows() throws Exception {
        engine.execute("CREATE SOURCE TABLE t (k INT PRIMARY KEY, h BYTES HEADER('abc'), text STRING) "
                + "WITH (kafka_topic='t', partitions=1, value_format='delimited');", Map.of());
        send("t", 1, "a1", List.of(new Header("abc", BANG)));
        send("t", 2, "a2", List.of());

        CollectingListener star = new CollectingListener();
        engine.query("SELECT * FROM t;", Map.of(), star).close();
        star.awaitEnd();
        CollectingListener named = new CollectingListener();
        engine.query("SELECT k, h, text FROM t;", Map.of(), named).close();
        named.awaitEnd();

        assertThat(star.columns).containsExactly(new QueryColumn("K", "INTEGER", true),
                new QueryColumn("H", "BYTES", QueryColumn.Namespace.HEADERS, Optional.of("abc")),
                new QueryColumn("TEXT", "STRING", false));
        assertThat(star.rows()).containsExactlyInAnyOrder(List.of(1, "a1", "IQ=="), Arrays.asList(2, "a2", null));
        assertThat(named.columns).containsExactly(new QueryColumn("K", "INTEGER", true),
                new QueryColumn("H", "BYTES", false), new QueryColumn("TEXT", "STRING", false));
        assertThat(named.rows()).containsExactlyInAnyOrder(List.of(1, "IQ==", "a1"), Arrays.asList(2, null, "a2"));
    }

    private void send(String topic, int key, String json, List<Header> headers) throws Exception {
        try (Producer<byte[], byte[]> producer = log.producer(Map.of(), Serdes.byteArray().serializer(),
                Serdes.byteArray().serializer())) {
            producer.send(new ProducerRecord<>(topic, null, 1000L, new byte[] {0, 0, 0, (byte) key},
                    json.getBytes(StandardCharsets.UTF_8), headers)).get();
        }
    }
}
