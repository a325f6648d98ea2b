package io.runnel.sql.internal.exec;

import static org.assertj.core.api.Assertions.assertThat;

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

/** SQL joins run end to end through the test driver: one test per kind of join, as ksqlDB runs them. */
class JoinQueryTopologyTest {

    private static final Catalog CATALOG = Catalog.empty()
            .withSource(stream("L", "l", Column.value("A", SqlType.STRING), Column.value("X", SqlType.BIGINT)), false)
            .withSource(stream("R", "r", Column.value("B", SqlType.STRING)), false)
            .withSource(stream("R2", "r2", Column.value("C", SqlType.STRING)), false)
            .withSource(table("T", "t", Column.value("NAME", SqlType.STRING), Column.value("FK", SqlType.BIGINT)), false)
            .withSource(table("U", "u", Column.value("V", SqlType.STRING)), false)
            .withSource(sessionStream("SL", "sl"), false)
            .withSource(sessionStream("SR", "sr"), false);

    private static DataSource sessionStream(String name, String topic) {
        return new DataSource(name, SourceKind.STREAM, List.of(new Column("ID", SqlType.BIGINT, Column.Role.KEY,
                Optional.empty()), Column.value("V", SqlType.BIGINT)), topic, new SourceFormats("KAFKA", "JSON",
                Optional.of(new SourceFormats.KeyWindow(SourceFormats.KeyWindow.Kind.SESSION, Optional.empty()))),
                Optional.empty(), false);
    }

    private static byte[] sessionKey(long id, long start, long end) {
        return ByteBuffer.allocate(24).putLong(id).putLong(end).putLong(start).array();
    }

    private static final FunctionRegistry FUNCTIONS = FunctionRegistry.withBuiltIns();

    private static DataSource stream(String name, String topic, Column... values) {
        return source(name, SourceKind.STREAM, Column.Role.KEY, topic, values);
    }

    private static DataSource table(String name, String topic, Column... values) {
        return source(name, SourceKind.TABLE, Column.Role.PRIMARY_KEY, topic, values);
    }

    private static DataSource source(String name, SourceKind kind, Column.Role role, String topic, Column... values) {
        List<Column> columns = new java.util.ArrayList<>();
        columns.add(new Column("ID", SqlType.BIGINT, role, Optional.empty()));
        columns.addAll(List.of(values));
        return new DataSource(name, kind, columns, topic, SourceFormats.of("KAFKA", "JSON"), Optional.empty(), false);
    }

    /** The query {@code CREATE STREAM|TABLE OUTPUT AS select} in a test driver. */
    private static TestDriver driver(String kind, String select) {
        Statement.CreateAsSelect create = (Statement.CreateAsSelect) SqlParser.parseStatement(
                "CREATE " + kind + " OUTPUT AS " + select);
        PersistentQueryPlanner.Planned planned = new PersistentQueryPlanner(new RegistryFunctionResolver(FUNCTIONS))
                .plan(create, CATALOG, 0);
        return new TestDriver(TopologyBuilder.build("q", planned.plan(), new ProcessingLog("q")), Map.of(),
                Instant.ofEpochMilli(0));
    }

    private static TestInputTopic<byte[], byte[]> in(TestDriver driver, String topic) {
        return driver.createInputTopic(topic, Serdes.byteArray().serializer(), Serdes.byteArray().serializer());
    }

    private static List<String> out(TestDriver driver) {
        TestOutputTopic<byte[], byte[]> out = driver.createOutputTopic("OUTPUT", Serdes.byteArray().deserializer(),
                Serdes.byteArray().deserializer());
        return out.readRecordsToList().stream().map(JoinQueryTopologyTest::show).toList();
    }

    private static String show(TestRecord<byte[], byte[]> r) {
        String key = r.key() == null ? "null" : Long.toString(ByteBuffer.wrap(r.key()).getLong());
        String value = r.value() == null ? "null" : new String(r.value(), StandardCharsets.UTF_8);
        return key + "=" + value + "@" + r.timestamp();
    }

    private static byte[] key(long id) {
        return ByteBuffer.allocate(8).putLong(id).array();
    }

    private static byte[] json(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void shouldJoinStreamsWithinTheWindowAndNameSelectStarColumnsAliasColumn() {
        try (TestDriver d = driver("STREAM", "SELECT * FROM L JOIN R WITHIN 10 SECONDS ON L.ID = R.ID;")) {
            in(d, "l").pipeInput(key(1), json("{\"A\": \"a\", \"X\": 5}"), 1_000);
            in(d, "r").pipeInput(key(1), json("{\"B\": \"b\"}"), 2_000);
            in(d, "r").pipeInput(key(1), json("{\"B\": \"late\"}"), 20_000);
            assertThat(out(d)).containsExactly("1={\"L_A\":\"a\",\"L_X\":5,\"R_ID\":1,\"R_B\":\"b\"}@2000");
        }
    }

    @Test
    void shouldJoinSessionWindowedStreamsOnKeyAndWindowAndKeepTheWindowOnTheOutput() {
        try (TestDriver d = driver("STREAM", "SELECT SL.ID, SL.V, SR.V, SL.WINDOWEND AS E FROM SL JOIN SR "
                + "WITHIN 1 MINUTE ON SL.ID = SR.ID;")) {
            in(d, "sl").pipeInput(sessionKey(1, 234, 765), json("{\"V\": 1}"), 765);
            in(d, "sr").pipeInput(sessionKey(1, 234, 567), json("{\"V\": 2}"), 567);   // another window: no match
            in(d, "sr").pipeInput(sessionKey(1, 234, 765), json("{\"V\": 3}"), 765);
            TestOutputTopic<byte[], byte[]> out = d.createOutputTopic("OUTPUT", Serdes.byteArray().deserializer(),
                    Serdes.byteArray().deserializer());
            List<TestRecord<byte[], byte[]>> records = out.readRecordsToList();
            assertThat(records).extracting(r -> new String(r.value(), StandardCharsets.UTF_8))
                    .containsExactly("{\"SL_V\":1,\"SR_V\":3,\"E\":765}");
            assertThat(records.get(0).key()).isEqualTo(sessionKey(1, 234, 765));
            assertThat(records.get(0).timestamp()).isEqualTo(765L);
        }
    }

    @Test
    void shouldSelectEachWindowedSourcesWindowBoundsAfterItsKeyInAStarAsKsqlDbDoes() {
        try (TestDriver d = driver("STREAM", "SELECT * FROM SL JOIN SR WITHIN 1 MINUTE ON SL.ID = SR.ID;")) {
            in(d, "sl").pipeInput(sessionKey(1, 234, 765), json("{\"V\": 1}"), 765);
            in(d, "sr").pipeInput(sessionKey(1, 234, 765), json("{\"V\": 3}"), 765);
            TestOutputTopic<byte[], byte[]> out = d.createOutputTopic("OUTPUT", Serdes.byteArray().deserializer(),
                    Serdes.byteArray().deserializer());
            assertThat(out.readRecordsToList()).extracting(r -> new String(r.value(), StandardCharsets.UTF_8))
                    .containsExactly("{\"SL_WINDOWSTART\":234,\"SL_WINDOWEND\":765,\"SL_V\":1,\"SR_ID\":1,"
                            + "\"SR_WINDOWSTART\":234,\"SR_WINDOWEND\":765,\"SR_V\":3}");
        }
    }

    @Test
    void shouldEmitAnUnmatchedLeftRecordAtOnceWithoutGracePeriodAndAgainWithItsMatch() {
        try (TestDriver d = driver("STREAM", "SELECT L.ID, A, B FROM L LEFT JOIN R WITHIN 10 SECONDS ON L.ID = R.ID;")) {
            in(d, "l").pipeInput(key(1), json("{\"A\": \"a\"}"), 1_000);
            in(d, "r").pipeInput(key(1), json("{\"B\": \"b\"}"), 2_000);
            assertThat(out(d)).containsExactly("1={\"A\":\"a\",\"B\":null}@1000", "1={\"A\":\"a\",\"B\":\"b\"}@2000");
        }
    }

    @Test
    void shouldEmitAnUnmatchedLeftRecordOnlyOnceItsWindowAndGraceHaveClosed() {
        try (TestDriver d = driver("STREAM", "SELECT L.ID, A, B FROM L LEFT JOIN R WITHIN 10 SECONDS "
                + "GRACE PERIOD 1 SECOND ON L.ID = R.ID;")) {
            in(d, "l").pipeInput(key(1), json("{\"A\": \"a\"}"), 1_000);
            in(d, "l").pipeInput(key(2), json("{\"A\": \"two\"}"), 5_000);
            in(d, "r").pipeInput(key(2), json("{\"B\": \"b\"}"), 6_000);
            assertThat(out(d)).containsExactly("2={\"A\":\"two\",\"B\":\"b\"}@6000");
            in(d, "l").pipeInput(key(3), json("{\"A\": \"c\"}"), 30_000);
            assertThat(out(d)).containsExactly("1={\"A\":\"a\",\"B\":null}@1000");
        }
    }

    @Test
    void shouldKeyAFullOuterStreamJoinBySyntheticRowkey() {
        try (TestDriver d = driver("STREAM", "SELECT ROWKEY AS K, A, B FROM L FULL OUTER JOIN R WITHIN 1 SECOND "
                + "ON L.ID = R.ID;")) {
            in(d, "r").pipeInput(key(4), json("{\"B\": \"b\"}"), 1_000);
            assertThat(out(d)).containsExactly("4={\"A\":null,\"B\":\"b\"}@1000");
        }
    }

    @Test
    void shouldEnrichAStreamWithTheTableRowOfItsKeyAndDropMissingRowsInAnInnerJoin() {
        try (TestDriver d = driver("STREAM", "SELECT L.ID, A, NAME FROM L JOIN T ON L.ID = T.ID;")) {
            in(d, "l").pipeInput(key(1), json("{\"A\": \"before\"}"), 1);
            in(d, "t").pipeInput(key(1), json("{\"NAME\": \"one\"}"), 2);
            in(d, "l").pipeInput(key(1), json("{\"A\": \"after\"}"), 3);
            assertThat(out(d)).containsExactly("1={\"A\":\"after\",\"NAME\":\"one\"}@3");
        }
    }

    @Test
    void shouldRepartitionAStreamJoinedOnAValueColumn() {
        try (TestDriver d = driver("STREAM", "SELECT L.X, A, NAME FROM L LEFT JOIN T ON L.X = T.ID;")) {
            in(d, "t").pipeInput(key(7), json("{\"NAME\": \"seven\"}"), 1);
            in(d, "l").pipeInput(key(1), json("{\"A\": \"a\", \"X\": 7}"), 2);
            in(d, "l").pipeInput(key(2), json("{\"A\": \"b\", \"X\": 8}"), 3);
            assertThat(out(d)).containsExactly("7={\"A\":\"a\",\"NAME\":\"seven\"}@2",
                    "8={\"A\":\"b\",\"NAME\":null}@3");
        }
    }

    @Test
    void shouldJoinTablesByKeyAndDeleteTheResultWhenARowIsDeleted() {
        try (TestDriver d = driver("TABLE", "SELECT T.ID, NAME, V FROM T JOIN U ON T.ID = U.ID;")) {
            in(d, "t").pipeInput(key(1), json("{\"NAME\": \"one\"}"), 1);
            in(d, "u").pipeInput(key(1), json("{\"V\": \"v\"}"), 2);
            in(d, "t").pipeInput(key(1), null, 3);
            assertThat(out(d)).containsExactly("1={\"NAME\":\"one\",\"V\":\"v\"}@2", "1=null@3");
        }
    }

    @Test
    void shouldJoinATableOnAForeignKeyKeyedByTheLeftTablesKey() {
        try (TestDriver d = driver("TABLE", "SELECT T.ID, NAME, V FROM T LEFT JOIN U ON T.FK = U.ID;")) {
            in(d, "u").pipeInput(key(10), json("{\"V\": \"ten\"}"), 1);
            in(d, "t").pipeInput(key(1), json("{\"NAME\": \"one\", \"FK\": 10}"), 2);
            in(d, "t").pipeInput(key(2), json("{\"NAME\": \"two\", \"FK\": 11}"), 3);
            in(d, "u").pipeInput(key(10), json("{\"V\": \"TEN\"}"), 4);
            assertThat(out(d)).containsExactly("1={\"NAME\":\"one\",\"V\":\"ten\"}@2",
                    "2={\"NAME\":\"two\",\"V\":null}@3", "1={\"NAME\":\"one\",\"V\":\"TEN\"}@4");
        }
    }

    @Test
    void shouldJoinThreeStreamsInAChainOnTheSameKey() {
        try (TestDriver d = driver("STREAM", "SELECT L.ID, A, B, C FROM L JOIN R WITHIN 1 MINUTE ON L.ID = R.ID "
                + "JOIN R2 WITHIN 1 MINUTE ON L.ID = R2.ID;")) {
            in(d, "l").pipeInput(key(1), json("{\"A\": \"a\"}"), 1);
            in(d, "r").pipeInput(key(1), json("{\"B\": \"b\"}"), 2);
            in(d, "r2").pipeInput(key(1), json("{\"C\": \"c\"}"), 3);
            assertThat(out(d)).containsExactly("1={\"A\":\"a\",\"B\":\"b\",\"C\":\"c\"}@3");
        }
    }

    @Test
    void shouldFilterJoinedRowsWithWhereOverBothSides() {
        try (TestDriver d = driver("STREAM", "SELECT L.ID, A, B FROM L JOIN R WITHIN 1 MINUTE ON L.ID = R.ID "
                + "WHERE R.B = 'keep' AND L.A IS NOT NULL;")) {
            in(d, "l").pipeInput(key(1), json("{\"A\": \"a\"}"), 1);
            in(d, "r").pipeInput(key(1), json("{\"B\": \"drop\"}"), 2);
            in(d, "r").pipeInput(key(1), json("{\"B\": \"keep\"}"), 3);
            assertThat(out(d)).containsExactly("1={\"A\":\"a\",\"B\":\"keep\"}@3");
        }
    }

    @Test
    void shouldNameJoinOperatorsStoresAndRepartitionTopicsFromTheQueryAndNodeIds() {
        Statement.CreateAsSelect create = (Statement.CreateAsSelect) SqlParser.parseStatement(
                "CREATE STREAM OUTPUT AS SELECT L.X, A, B FROM L LEFT JOIN R WITHIN 1 SECOND ON L.X = R.ID;");
        PersistentQueryPlanner.Planned planned = new PersistentQueryPlanner(new RegistryFunctionResolver(FUNCTIONS))
                .plan(create, CATALOG, 0);
        String described = TopologyBuilder.build("q", planned.plan(), new ProcessingLog("q")).describe().toString();
        assertThat(described).contains("q.source_0.rows", "q.join_2.left.rekey", "q.join_2-left-repartition",
                "q.join_2.store-this-join-store", "q.join_2.store-other-join-store", "q.project_3", "q.sink_4");
    }

    @Test
    void shouldAggregateATableJoinTakingAChangedRowOutOfItsOldGroup() {
        try (TestDriver d = driver("TABLE", "SELECT V, COUNT(*) AS C FROM T JOIN U ON T.ID = U.ID GROUP BY V;")) {
            in(d, "t").pipeInput(key(1), json("{\"NAME\": \"one\"}"), 1);
            in(d, "u").pipeInput(key(1), json("{\"V\": \"x\"}"), 2);
            in(d, "u").pipeInput(key(1), json("{\"V\": \"y\"}"), 3);
            TestOutputTopic<String, String> out = d.createOutputTopic("OUTPUT", Serdes.string().deserializer(),
                    Serdes.string().deserializer());
            assertThat(out.readKeyValuesToList()).extracting(kv -> kv.key() + "=" + kv.value())
                    .containsExactly("x={\"C\":1}", "x={\"C\":0}", "y={\"C\":1}");
        }
    }

    @Test
    void shouldRekeyAStreamJoinResultForTheNextJoinOfAChain() {
        try (TestDriver d = driver("STREAM", "SELECT L.X, A, B, NAME FROM L JOIN R WITHIN 1 MINUTE ON L.ID = R.ID "
                + "LEFT JOIN T ON L.X = T.ID;")) {
            in(d, "t").pipeInput(key(7), json("{\"NAME\": \"seven\"}"), 1);
            in(d, "l").pipeInput(key(1), json("{\"A\": \"a\", \"X\": 7}"), 2);
            in(d, "r").pipeInput(key(1), json("{\"B\": \"b\"}"), 3);
            assertThat(out(d)).containsExactly("7={\"A\":\"a\",\"B\":\"b\",\"NAME\":\"seven\"}@3");
        }
    }
}
