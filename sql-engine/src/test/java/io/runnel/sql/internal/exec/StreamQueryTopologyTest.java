package io.runnel.sql.internal.exec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.runnel.common.Deserializer;
import io.runnel.common.Serdes;
import io.runnel.sql.internal.analyzer.RegistryFunctionResolver;
import io.runnel.sql.internal.ast.SourceKind;
import io.runnel.sql.internal.ast.Statement;
import io.runnel.sql.internal.catalog.Catalog;
import io.runnel.sql.internal.catalog.Column;
import io.runnel.sql.internal.catalog.DataSource;
import io.runnel.sql.internal.catalog.SourceFormats;
import io.runnel.sql.internal.catalog.SqlType;
import io.runnel.sql.internal.function.FunctionRegistry;
import io.runnel.sql.internal.parser.SqlParser;
import io.runnel.sql.internal.plan.PersistentQueryPlanner;
import io.runnel.streams.Topology;
import io.runnel.streams.testing.TestDriver;
import io.runnel.streams.testing.TestInputTopic;
import io.runnel.streams.testing.TestOutputTopic;
import io.runnel.streams.testing.TestRecord;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A SQL stream query run end to end through the test driver: analyzer, plan, topology, formats. */
class StreamQueryTopologyTest {

    private static final Catalog CATALOG = Catalog.empty()
            .withSource(new DataSource("S", SourceKind.STREAM, List.of(
                    new Column("ID", SqlType.BIGINT, Column.Role.KEY, Optional.empty()),
                    Column.value("NAME", SqlType.STRING),
                    Column.value("D1", SqlType.DOUBLE)), "s_topic", SourceFormats.of("KAFKA", "JSON"),
                    Optional.empty(), false), false)
            .withSource(new DataSource("T", SourceKind.TABLE, List.of(
                    new Column("ID", SqlType.BIGINT, Column.Role.PRIMARY_KEY, Optional.empty()),
                    Column.value("NAME", SqlType.STRING)), "t_topic", SourceFormats.of("KAFKA", "JSON"),
                    Optional.empty(), false), false)
            .withSource(new DataSource("W", SourceKind.STREAM, List.of(
                    new Column("ID", SqlType.BIGINT, Column.Role.KEY, Optional.empty()),
                    Column.value("NAME", SqlType.STRING)), "w_topic", new SourceFormats("KAFKA", "JSON",
                    Optional.of(new SourceFormats.KeyWindow(SourceFormats.KeyWindow.Kind.TUMBLING, Optional.of(1000L))),
                    Map.of()), Optional.empty(), false), false)
            .withSource(new DataSource("E", SourceKind.STREAM, List.of(
                    new Column("ID", SqlType.BIGINT, Column.Role.KEY, Optional.empty()),
                    Column.value("EVENT_TS", SqlType.BIGINT)), "e_topic", SourceFormats.of("KAFKA", "JSON"),
                    Optional.of("EVENT_TS"), false), false)
            .withSource(new DataSource("H", SourceKind.STREAM, List.of(
                    new Column("ID", SqlType.BIGINT, Column.Role.KEY, Optional.empty()),
                    new Column("HB", SqlType.BYTES, Column.Role.HEADERS, Optional.of("abc")),
                    Column.value("NAME", SqlType.STRING)), "h_topic", SourceFormats.of("KAFKA", "JSON"),
                    Optional.empty(), false), false);

    private static final FunctionRegistry FUNCTIONS = FunctionRegistry.withBuiltIns();

    /** Plans {@code select} as the query of CREATE STREAM|TABLE OUTPUT AS ..., as the engine does. */
    private static Topology topology(String select, ProcessingLog log) {
        String kind = select.contains("GROUP BY") ? "TABLE" : "STREAM";
        Statement.CreateAsSelect create = (Statement.CreateAsSelect) SqlParser.parseStatement(
                "CREATE " + kind + " OUTPUT AS " + select);
        PersistentQueryPlanner.Planned planned = new PersistentQueryPlanner(new RegistryFunctionResolver(FUNCTIONS))
                .plan(create, CATALOG, 0);
        return TopologyBuilder.build("csas_output_0", planned.plan(), log);
    }

    private static byte[] key(long id) {
        return ByteBuffer.allocate(8).putLong(id).array();
    }

    private static byte[] json(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void shouldFilterProjectAndCallFunctionsPerRecord() {
        ProcessingLog log = new ProcessingLog("csas_output_0");
        Topology topology = topology("SELECT ID, UCASE(NAME) AS NAME, D1 * 2 AS D2, ROWTIME AS TS FROM S WHERE D1 > 1;", log);
        assertThat(topology.describe().toString()).contains("csas_output_0.filter_1").contains("csas_output_0.project_2");
        try (TestDriver driver = new TestDriver(topology, Map.of(), Instant.ofEpochMilli(0))) {
            TestInputTopic<byte[], byte[]> in = driver.createInputTopic("s_topic", Serdes.byteArray().serializer(),
                    Serdes.byteArray().serializer());
            TestOutputTopic<byte[], byte[]> out = driver.createOutputTopic("OUTPUT", Serdes.byteArray().deserializer(),
                    Serdes.byteArray().deserializer());
            in.pipeInput(key(1), json("{\"name\": \"a\", \"d1\": 0.5}"), 10);
            in.pipeInput(key(2), json("{\"NAME\": \"b\", \"D1\": 2.5}"), 20);
            in.pipeInput(key(3), json("{\"NAME\": null, \"D1\": 3}"), 30);
            List<TestRecord<byte[], byte[]>> records = out.readRecordsToList();
            Deserializer<String> text = Serdes.string().deserializer();
            assertThat(records).extracting(r -> ByteBuffer.wrap(r.key()).getLong()).containsExactly(2L, 3L);
            assertThat(records).extracting(r -> text.deserialize("OUTPUT", r.value())).containsExactly(
                    "{\"NAME\":\"B\",\"D2\":5.0,\"TS\":20}", "{\"NAME\":null,\"D2\":6.0,\"TS\":30}");
            assertThat(records).extracting(TestRecord::timestamp).containsExactly(20L, 30L);
        }
        assertThat(log.errorCount()).isZero();
    }

    @Test
    void shouldRekeyByPartitionByAndKeepTheOldKeyAsAValue() {
        Topology topology = topology("SELECT NAME, ID FROM S PARTITION BY NAME;", new ProcessingLog("q"));
        try (TestDriver driver = new TestDriver(topology, Map.of(), Instant.ofEpochMilli(0))) {
            TestInputTopic<byte[], byte[]> in = driver.createInputTopic("s_topic", Serdes.byteArray().serializer(),
                    Serdes.byteArray().serializer());
            TestOutputTopic<String, String> out = driver.createOutputTopic("OUTPUT", Serdes.string().deserializer(),
                    Serdes.string().deserializer());
            in.pipeInput(key(7), json("{\"NAME\": \"x\", \"D1\": 1}"), 5);
            assertThat(out.readKeyValuesToList()).extracting(kv -> kv.key() + "=" + kv.value())
                    .containsExactly("x={\"ID\":7}");
        }
    }

    @Test
    void shouldCountAndLogARecordWhoseExpressionFailsAndKeepRunning() {
        ProcessingLog log = new ProcessingLog("q");
        Topology topology = topology("SELECT ID, CAST(NAME AS INT) AS N FROM S;", log);
        try (TestDriver driver = new TestDriver(topology, Map.of(), Instant.ofEpochMilli(0))) {
            TestInputTopic<byte[], byte[]> in = driver.createInputTopic("s_topic", Serdes.byteArray().serializer(),
                    Serdes.byteArray().serializer());
            TestOutputTopic<byte[], String> out = values(driver);
            in.pipeInput(key(1), json("{\"NAME\": \"not a number\"}"), 1);
            in.pipeInput(key(2), json("{\"NAME\": \"42\"}"), 2);
            assertThat(out.readValuesToList()).containsExactly("{\"N\":null}", "{\"N\":42}");
        }
        assertThat(log.errorCount()).isEqualTo(1);
    }

    private static TestDriver driver(String select) {
        return new TestDriver(topology(select, new ProcessingLog("q")), Map.of(), Instant.ofEpochMilli(0));
    }

    private static TestInputTopic<byte[], byte[]> input(TestDriver driver) {
        return driver.createInputTopic("s_topic", Serdes.byteArray().serializer(), Serdes.byteArray().serializer());
    }

    /** The sink topic, its values read as text. */
    private static TestOutputTopic<byte[], String> values(TestDriver driver) {
        return driver.createOutputTopic("OUTPUT", Serdes.byteArray().deserializer(), Serdes.string().deserializer());
    }

    @Test
    void shouldEmitEveryUpdateOfAGroupedCountAndSum() {
        try (TestDriver driver = driver("SELECT NAME, COUNT(*) AS C, SUM(D1) AS TOTAL FROM S GROUP BY NAME;")) {
            TestInputTopic<byte[], byte[]> in = input(driver);
            TestOutputTopic<String, String> out = driver.createOutputTopic("OUTPUT", Serdes.string().deserializer(),
                    Serdes.string().deserializer());
            in.pipeInput(key(1), json("{\"NAME\": \"a\", \"D1\": 1.5}"), 1);
            in.pipeInput(key(2), json("{\"NAME\": \"b\", \"D1\": 1}"), 2);
            in.pipeInput(key(3), json("{\"NAME\": \"a\", \"D1\": 2}"), 3);
            in.pipeInput(key(4), null, 4);
            assertThat(out.readKeyValuesToList()).extracting(kv -> kv.key() + "=" + kv.value()).containsExactly(
                    "a={\"C\":1,\"TOTAL\":1.5}", "b={\"C\":1,\"TOTAL\":1.0}", "a={\"C\":2,\"TOTAL\":3.5}");
        }
    }

    @Test
    void shouldEmitAGroupOnceItMatchesHavingAndATombstoneOnceItStopsMatching() {
        try (TestDriver driver = driver("SELECT NAME, COUNT(*) AS C FROM S GROUP BY NAME HAVING COUNT(*) = 2;")) {
            TestInputTopic<byte[], byte[]> in = input(driver);
            TestOutputTopic<String, String> out = driver.createOutputTopic("OUTPUT", Serdes.string().deserializer(),
                    Serdes.string().deserializer());
            in.pipeInput(key(1), json("{\"NAME\": \"a\"}"), 1);
            in.pipeInput(key(2), json("{\"NAME\": \"a\"}"), 2);
            in.pipeInput(key(3), json("{\"NAME\": \"a\"}"), 3);
            in.pipeInput(key(4), json("{\"NAME\": \"a\"}"), 4);
            assertThat(out.readKeyValuesToList()).extracting(kv -> kv.key() + "=" + kv.value())
                    .containsExactly("a={\"C\":2}", "a=null");
        }
    }

    @Test
    void shouldLeaveOutRowsWhoseGroupByValueIsNull() {
        try (TestDriver driver = driver("SELECT UCASE(NAME) AS N, COUNT(*) AS C FROM S GROUP BY UCASE(NAME);")) {
            TestInputTopic<byte[], byte[]> in = input(driver);
            TestOutputTopic<String, String> out = driver.createOutputTopic("OUTPUT", Serdes.string().deserializer(),
                    Serdes.string().deserializer());
            in.pipeInput(key(1), json("{\"NAME\": \"a\"}"), 1);
            in.pipeInput(key(2), json("{\"NAME\": null}"), 2);
            in.pipeInput(key(3), json("{\"NAME\": \"a\"}"), 3);
            assertThat(out.readValuesToList()).containsExactly("{\"C\":1}", "{\"C\":2}");
        }
    }

    @Test
    void shouldCountPerTumblingWindowAndWriteWindowedKeys() {
        try (TestDriver driver = driver(
                "SELECT NAME, COUNT(*) AS C, WINDOWSTART AS WS FROM S WINDOW TUMBLING (SIZE 1 MINUTE) GROUP BY NAME;")) {
            TestInputTopic<byte[], byte[]> in = input(driver);
            TestOutputTopic<byte[], String> out = values(driver);
            in.pipeInput(key(1), json("{\"NAME\": \"a\"}"), 10_000);
            in.pipeInput(key(2), json("{\"NAME\": \"a\"}"), 50_000);
            in.pipeInput(key(3), json("{\"NAME\": \"a\"}"), 70_000);
            List<TestRecord<byte[], String>> records = out.readRecordsToList();
            assertThat(records).extracting(TestRecord::value).containsExactly(
                    "{\"C\":1,\"WS\":0}", "{\"C\":2,\"WS\":0}", "{\"C\":1,\"WS\":60000}");
            ByteBuffer lastKey = ByteBuffer.wrap(records.get(2).key());
            byte[] name = new byte[lastKey.remaining() - 8];
            lastKey.get(name);
            assertThat(new String(name, StandardCharsets.UTF_8)).isEqualTo("a");
            assertThat(lastKey.getLong()).isEqualTo(60_000L);
        }
    }

    @Test
    void shouldCountPerKeyWithoutARepartitionWhenGroupingByTheSourceKey() {
        Topology byKey = topology("SELECT ID, COUNT(*) AS C, SUM(D1) AS TOTAL FROM S WHERE D1 > 0 GROUP BY ID;",
                new ProcessingLog("q"));
        assertThat(byKey.describe().subtopologies()).hasSize(1);
        assertThat(topology("SELECT NAME, COUNT(*) AS C FROM S GROUP BY NAME;", new ProcessingLog("q"))
                .describe().subtopologies()).hasSize(2);
        try (TestDriver driver = new TestDriver(byKey, Map.of(), Instant.ofEpochMilli(0))) {
            TestInputTopic<byte[], byte[]> in = input(driver);
            TestOutputTopic<byte[], String> out = values(driver);
            in.pipeInput(key(1), json("{\"NAME\": \"a\", \"D1\": 1.5}"), 1);
            in.pipeInput(key(2), json("{\"NAME\": \"b\", \"D1\": 1}"), 2);
            in.pipeInput(key(1), json("{\"NAME\": \"c\", \"D1\": 2}"), 3);
            in.pipeInput(key(1), json("{\"NAME\": \"d\", \"D1\": -1}"), 4);
            in.pipeInput(null, json("{\"NAME\": \"e\", \"D1\": 5}"), 5);
            in.pipeInput(key(2), null, 6);
            assertThat(out.readRecordsToList()).extracting(r -> ByteBuffer.wrap(r.key()).getLong() + "=" + r.value())
                    .containsExactly("1={\"C\":1,\"TOTAL\":1.5}", "2={\"C\":1,\"TOTAL\":1.0}", "1={\"C\":2,\"TOTAL\":3.5}");
        }
    }

    @Test
    void shouldMoveATableRowBetweenGroupsAndTakeItOutWhenDeleted() {
        try (TestDriver driver = driver("SELECT NAME, COUNT(*) AS C FROM T GROUP BY NAME;")) {
            TestInputTopic<byte[], byte[]> in = driver.createInputTopic("t_topic", Serdes.byteArray().serializer(),
                    Serdes.byteArray().serializer());
            TestOutputTopic<String, String> out = driver.createOutputTopic("OUTPUT", Serdes.string().deserializer(),
                    Serdes.string().deserializer());
            in.pipeInput(key(1), json("{\"NAME\": \"a\"}"), 1);
            in.pipeInput(key(2), json("{\"NAME\": \"a\"}"), 2);
            in.pipeInput(key(1), json("{\"NAME\": \"b\"}"), 3);
            in.pipeInput(key(2), null, 4);
            assertThat(out.readKeyValuesToList()).extracting(kv -> kv.key() + "=" + kv.value()).containsExactly(
                    "a={\"C\":1}", "a={\"C\":2}", "a={\"C\":1}", "b={\"C\":1}", "a={\"C\":0}");
        }
    }

    @Test
    void shouldEvaluateAnExpressionOverATableFunctionOncePerElement() {
        try (TestDriver driver = driver("SELECT ID, EXPLODE(ARRAY[STRUCT(F1 := 1), STRUCT(F1 := 2)])->F1 * 10 AS V, "
                + "ABS(EXPLODE(ARRAY[-3])) AS W FROM S;")) {
            TestInputTopic<byte[], byte[]> in = input(driver);
            TestOutputTopic<byte[], String> out = values(driver);
            in.pipeInput(key(1), json("{\"NAME\": \"a\"}"), 1);
            assertThat(out.readValuesToList()).containsExactly("{\"V\":10,\"W\":3}", "{\"V\":20,\"W\":null}");
        }
    }

    @Test
    void shouldRejectATableFunctionInsideAnotherOrTwoInOneItem() {
        assertThatThrownBy(() -> driver("SELECT ID, EXPLODE(EXPLODE(ARRAY[ARRAY[1]])) AS V FROM S;"))
                .hasMessageContaining("can only be used as a whole SELECT item");
        assertThatThrownBy(() -> driver("SELECT ID, EXPLODE(ARRAY[1]) + EXPLODE(ARRAY[2]) AS V FROM S;"))
                .hasMessageContaining("can only be used as a whole SELECT item");
    }

    @Test
    void shouldEmitOneRowPerElementOfATableFunctionAndZipSeveral() {
        try (TestDriver driver = driver("SELECT ID, EXPLODE(ARRAY[1, 2, 3]) AS A, EXPLODE(ARRAY['x']) AS B FROM S;")) {
            TestInputTopic<byte[], byte[]> in = input(driver);
            TestOutputTopic<byte[], String> out = values(driver);
            in.pipeInput(key(1), json("{\"NAME\": \"a\"}"), 1);
            assertThat(out.readValuesToList()).containsExactly(
                    "{\"A\":1,\"B\":\"x\"}", "{\"A\":2,\"B\":null}", "{\"A\":3,\"B\":null}");
        }
    }

    @Test
    void shouldEmitAWindowsFinalRowOnlyOnceItCloses() {
        try (TestDriver driver = driver("SELECT NAME, COUNT(*) AS C FROM S "
                + "WINDOW TUMBLING (SIZE 1 MINUTE, GRACE PERIOD 0 SECONDS) GROUP BY NAME EMIT FINAL;")) {
            TestInputTopic<byte[], byte[]> in = input(driver);
            TestOutputTopic<byte[], String> out = values(driver);
            in.pipeInput(key(1), json("{\"NAME\": \"a\"}"), 10_000);
            in.pipeInput(key(2), json("{\"NAME\": \"a\"}"), 50_000);
            assertThat(out.readValuesToList()).isEmpty();
            in.pipeInput(key(3), json("{\"NAME\": \"a\"}"), 70_000);
            assertThat(out.readValuesToList()).containsExactly("{\"C\":2}");
        }
    }

    @Test
    void shouldEmitFinalRowsWithNoGraceWhenNoneIsGivenAndOnlyWindowsClosedSinceTheLastEmission() {
        // As ksqlDB: EMIT FINAL without GRACE PERIOD closes a window at its end; a window is emitted once.
        try (TestDriver driver = driver("SELECT NAME, COUNT(*) AS C FROM S "
                + "WINDOW TUMBLING (SIZE 1 MINUTE) GROUP BY NAME EMIT FINAL;")) {
            TestInputTopic<byte[], byte[]> in = input(driver);
            TestOutputTopic<byte[], String> out = values(driver);
            in.pipeInput(key(1), json("{\"NAME\": \"a\"}"), 10_000);
            in.pipeInput(key(2), json("{\"NAME\": \"a\"}"), 50_000);
            assertThat(out.readValuesToList()).isEmpty();
            in.pipeInput(key(3), json("{\"NAME\": \"a\"}"), 60_000);
            assertThat(out.readValuesToList()).containsExactly("{\"C\":2}");
            in.pipeInput(key(4), json("{\"NAME\": \"a\"}"), 30_000);  // late: its window has closed
            in.pipeInput(key(5), json("{\"NAME\": \"a\"}"), 61_000);
            assertThat(out.readValuesToList()).isEmpty();
        }
    }

    @Test
    void shouldReadAWindowedSourceAndKeepItsWindowOnTheOutput() {
        try (TestDriver driver = driver("SELECT ID, NAME, WINDOWSTART AS WS FROM W WHERE WINDOWSTART >= '1970-01-01T00:00:02';")) {
            TestInputTopic<byte[], byte[]> in = driver.createInputTopic("w_topic", Serdes.byteArray().serializer(),
                    Serdes.byteArray().serializer());
            TestOutputTopic<byte[], String> out = values(driver);
            in.pipeInput(windowedKey(1, 1000), json("{\"NAME\": \"early\"}"), 1500);
            in.pipeInput(windowedKey(2, 2000), json("{\"NAME\": \"late\"}"), 2500);
            List<TestRecord<byte[], String>> records = out.readRecordsToList();
            assertThat(records).extracting(TestRecord::value).containsExactly("{\"NAME\":\"late\",\"WS\":2000}");
            assertThat(records.get(0).key()).isEqualTo(windowedKey(2, 2000));
        }
    }

    private static byte[] windowedKey(long id, long windowStart) {
        return ByteBuffer.allocate(16).putLong(id).putLong(windowStart).array();
    }

    @Test
    void shouldTimeRecordsByTheSourcesTimestampColumnAndDropThoseWithoutOne() {
        try (TestDriver driver = driver("SELECT ID, EVENT_TS FROM E;")) {
            TestInputTopic<byte[], byte[]> in = driver.createInputTopic("e_topic", Serdes.byteArray().serializer(),
                    Serdes.byteArray().serializer());
            TestOutputTopic<byte[], String> out = values(driver);
            in.pipeInput(key(1), json("{\"EVENT_TS\": 1234}"), 5);
            in.pipeInput(key(2), json("{\"EVENT_TS\": -1}"), 6);
            in.pipeInput(key(3), json("{\"EVENT_TS\": null}"), 7);
            assertThat(out.readRecordsToList()).extracting(TestRecord::timestamp).containsExactly(1234L);
        }
    }

    @Test
    void shouldTimeOutputRecordsByTheSinksTimestampColumn() {
        Statement.CreateAsSelect create = (Statement.CreateAsSelect) SqlParser.parseStatement(
                "CREATE STREAM OUTPUT WITH (TIMESTAMP='T') AS SELECT ID, CAST(D1 AS BIGINT) AS T FROM S;");
        PersistentQueryPlanner.Planned planned = new PersistentQueryPlanner(new RegistryFunctionResolver(FUNCTIONS))
                .plan(create, CATALOG, 0);
        assertThat(planned.sink().timestampColumn()).contains("T");
        try (TestDriver driver = new TestDriver(TopologyBuilder.build("q", planned.plan(), new ProcessingLog("q")),
                Map.of(), Instant.ofEpochMilli(0))) {
            TestOutputTopic<byte[], String> out = values(driver);
            input(driver).pipeInput(key(1), json("{\"D1\": 42}"), 5);
            assertThat(out.readRecordsToList()).extracting(TestRecord::timestamp).containsExactly(42L);
        }
    }

    @Test
    void shouldReadHeaderColumnsFromTheRecordsHeadersAndKeepTheHeaders() {
        try (TestDriver driver = driver("SELECT ID, NAME, HB FROM H;")) {
            TestInputTopic<byte[], byte[]> in = driver.createInputTopic("h_topic", Serdes.byteArray().serializer(),
                    Serdes.byteArray().serializer());
            TestOutputTopic<byte[], String> out = values(driver);
            List<io.runnel.common.Header> headers = List.of(new io.runnel.common.Header("abc", new byte[] {1}),
                    new io.runnel.common.Header("abc", new byte[] {33}));
            in.pipeInput(new TestRecord<>(key(1), json("{\"NAME\": \"a\"}"), 5, headers));
            in.pipeInput(new TestRecord<>(key(2), json("{\"NAME\": \"b\"}"), 6, List.of()));
            List<TestRecord<byte[], String>> records = out.readRecordsToList();
            assertThat(records).extracting(TestRecord::value)
                    .containsExactly("{\"NAME\":\"a\",\"HB\":\"IQ==\"}", "{\"NAME\":\"b\",\"HB\":null}");
            assertThat(records.get(0).headers()).isEqualTo(headers);
        }
    }

    @Test
    void shouldKeyARecordWithoutAValueOnlyByPartitionByExpressionsOfKeyColumns() {
        try (TestDriver byKey = driver("SELECT ID + 1 AS K2, NAME FROM S PARTITION BY ID + 1;");
             TestDriver byValue = driver("SELECT NAME, ID FROM S PARTITION BY NAME;")) {
            input(byKey).pipeInput(key(1), null, 1);
            input(byValue).pipeInput(key(1), null, 1);
            TestOutputTopic<byte[], byte[]> keyed = byKey.createOutputTopic("OUTPUT", Serdes.byteArray().deserializer(),
                    Serdes.byteArray().deserializer());
            TestOutputTopic<byte[], byte[]> unkeyed = byValue.createOutputTopic("OUTPUT", Serdes.byteArray().deserializer(),
                    Serdes.byteArray().deserializer());
            assertThat(keyed.readRecordsToList()).extracting(r -> ByteBuffer.wrap(r.key()).getLong()).containsExactly(2L);
            assertThat(unkeyed.readRecordsToList()).extracting(TestRecord::key).containsExactly((byte[]) null);
        }
    }
}
