package io.runnel.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.runnel.server.api.CommandStatus;
import io.runnel.server.api.KsqlEntity;
import io.runnel.server.api.RunnelServer;
import io.runnel.server.api.RunnelServerConfig;
import io.runnel.server.api.ServerInfo;
import io.runnel.server.client.InsertAck;
import io.runnel.server.client.QueryResult;
import io.runnel.server.client.RunnelClient;
import io.runnel.server.client.RunnelClientException;
import io.runnel.server.client.StreamedQuery;
import io.runnel.server.testing.ToyEngine;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The Java client against a real server. */
@Timeout(30)
class RunnelClientTest {

    private ToyEngine engine;
    private RunnelServer server;
    private RunnelClient client;

    @BeforeEach
    void start() throws Exception {
        engine = new ToyEngine();
        server = RunnelServer.start(RunnelServerConfig.defaults().withPort(0), engine);
        client = RunnelClient.create(server.uri());
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void shouldReturnTypedEntitiesForStatements() {
        List<KsqlEntity> entities = client.execute("CREATE STREAM S (ID INT KEY, V STRING); SHOW STREAMS;");

        assertThat(entities).hasSize(2);
        KsqlEntity.CommandStatusEntity created = (KsqlEntity.CommandStatusEntity) entities.get(0);
        assertThat(created.commandStatus().status()).isEqualTo(CommandStatus.Status.SUCCESS);
        KsqlEntity.StreamsList streams = (KsqlEntity.StreamsList) entities.get(1);
        assertThat(streams.streams()).extracting(KsqlEntity.SourceInfo::name).containsExactly("S");
    }

    @Test
    void shouldReadEveryEntityKindBackAsWritten() throws Exception {
        com.fasterxml.jackson.databind.ObjectMapper mapper = io.runnel.server.internal.http.Json.newMapper();
        List<KsqlEntity> all = List.of(
                new KsqlEntity.TypeList("SHOW TYPES;", Map.of("ADDRESS", new KsqlEntity.SchemaInfo("STRUCT",
                        List.of(new KsqlEntity.FieldInfo("CITY", KsqlEntity.SchemaInfo.of("STRING"), null)), null, null))),
                new KsqlEntity.FunctionDescriptionList("DESCRIBE FUNCTION ABS;", "ABS", "d", "a", "1", "p",
                        List.of(new KsqlEntity.FunctionInfo(List.of(new KsqlEntity.ArgumentInfo("x", "INT", "", false)),
                                "INT", "")), "SCALAR"),
                new KsqlEntity.QueriesList("SHOW QUERIES;", List.of(new KsqlEntity.RunningQuery("CSAS", List.of("S2"),
                        List.of("s2"), "CSAS_S2_1", Map.of("RUNNING", 1), "PERSISTENT", "RUNNING"))),
                new KsqlEntity.KafkaTopicsList("SHOW TOPICS;", List.of(new KsqlEntity.KafkaTopicInfo("t", List.of(1, 1)))),
                new KsqlEntity.PropertiesList("SHOW PROPERTIES;", List.of(new KsqlEntity.Property("a", "KSQL", "b")),
                        List.of(), List.of("a")),
                new KsqlEntity.WarningEntity("X;", "careful"));
        com.fasterxml.jackson.core.type.TypeReference<List<KsqlEntity>> type = new com.fasterxml.jackson.core.type.TypeReference<>() { };

        String json = mapper.writerFor(type).writeValueAsString(all);

        assertThat(mapper.readValue(json, type)).isEqualTo(all);
        assertThat(json).contains("\"@type\":\"type_list\"").contains("\"@type\":\"describe_function\"")
                .contains("\"@type\":\"kafka_topics\"").contains("\"isVariadic\":false");
    }

    @Test
    void shouldThrowTypedErrorWithCodeStatementAndEarlierEntities() {
        assertThatThrownBy(() -> client.execute("CREATE STREAM S (ID INT KEY);\nDESCRIBE NOPE;"))
                .isInstanceOfSatisfying(RunnelClientException.class, e -> {
                    assertThat(e.httpStatus()).isEqualTo(400);
                    assertThat(e.errorCode()).isEqualTo(40001);
                    assertThat(e.getMessage()).isEqualTo("Could not find STREAM/TABLE 'NOPE' in the Metastore");
                    assertThat(e.statementText()).isEqualTo("DESCRIBE NOPE;");
                    assertThat(e.entities()).hasSize(1);
                    assertThat(e.isServerError()).isTrue();
                });
    }

    @Test
    void shouldStreamPushQueryRowsAsTheyArriveAndCloseTheQueryOnClose() throws Exception {
        client.execute("CREATE STREAM S (ID INT KEY, V STRING);");
        try (StreamedQuery query = client.streamQuery("SELECT * FROM S EMIT CHANGES;")) {
            assertThat(query.columnNames()).containsExactly("ID", "V");
            assertThat(query.columnTypes()).containsExactly("INTEGER", "STRING");

            client.insert("S", List.of(Map.of("ID", 1, "V", "a")));
            assertThat(query.next()).containsExactly(1, "a");
            client.insert("S", List.of(Map.of("ID", 2, "V", "b")));
            assertThat(query.next()).containsExactly(2, "b");
        }

        assertThat(engine.lastQuery().awaitClosed(10)).isTrue();
    }

    @Test
    void shouldUnblockAReaderWhenAnotherThreadClosesTheQuery() throws Exception {
        client.execute("CREATE STREAM S (ID INT KEY, V STRING);");
        StreamedQuery query = client.streamQuery("SELECT * FROM S EMIT CHANGES;");
        CompletableFuture<List<Object>> reader = CompletableFuture.supplyAsync(query::next);

        query.close();

        assertThat(reader.get(10, TimeUnit.SECONDS)).isNull();
        assertThat(query.isClosed()).isTrue();
        assertThat(engine.lastQuery().awaitClosed(10)).isTrue();
    }

    @Test
    void shouldCollectAllRowsOfAPullQuery() {
        client.execute("CREATE STREAM S (ID INT KEY, V STRING);");
        client.insert("S", List.of(Map.of("ID", 1, "V", "a"), Map.of("ID", 2, "V", "b")));

        QueryResult result = client.executeQuery("SELECT * FROM S;");

        assertThat(result.columnNames()).containsExactly("ID", "V");
        assertThat(result.rows()).containsExactly(List.of(1, "a"), List.of(2, "b"));
    }

    @Test
    void shouldEndPushQueryWithLimitByItself() {
        client.execute("CREATE STREAM S (ID INT KEY, V STRING);");
        try (StreamedQuery query = client.streamQuery("SELECT * FROM S EMIT CHANGES LIMIT 1;")) {
            client.insert("S", List.of(Map.of("ID", 1, "V", "a")));

            assertThat(query.next()).containsExactly(1, "a");
            assertThat(query.next()).isNull();
            assertThat(query.isClosed()).isFalse();
        }
    }

    @Test
    void shouldThrowTypedErrorForABadQuery() {
        assertThatThrownBy(() -> client.streamQuery("SELECT * FROM NOPE EMIT CHANGES;"))
                .isInstanceOfSatisfying(RunnelClientException.class, e -> {
                    assertThat(e.errorCode()).isEqualTo(40001);
                    assertThat(e.getMessage()).isEqualTo("NOPE does not exist.");
                });
    }

    @Test
    void shouldThrowTypedErrorWhenTheQueryFailsAfterItStarted() {
        client.execute("CREATE STREAM S (ID INT KEY, V STRING);");
        try (StreamedQuery query = client.streamQuery("SELECT * FROM S EMIT CHANGES;")) {
            engine.lastQuery().fail("store is gone");

            assertThatThrownBy(query::next).isInstanceOfSatisfying(RunnelClientException.class,
                    e -> assertThat(e.errorCode()).isEqualTo(50000));
        }
    }

    @Test
    void shouldReturnOneAckPerInsertedRowAndAnErrorAckForABadRow() {
        client.execute("CREATE STREAM S (ID INT KEY, V STRING);");

        List<InsertAck> acks = client.insert("S", List.of(Map.of("ID", 1), Map.of("ID", "x"), Map.of("ID", 3)));

        assertThat(acks).hasSize(2);
        assertThat(acks.get(0).isOk()).isTrue();
        assertThat(acks.get(1).isOk()).isFalse();
        assertThat(acks.get(1).seq()).isEqualTo(1);
        assertThat(acks.get(1).errorCode()).isEqualTo(40000);
    }

    @Test
    void shouldThrowForInsertsIntoAnUnknownTarget() {
        assertThatThrownBy(() -> client.insert("NOPE", List.of(Map.of("ID", 1))))
                .isInstanceOfSatisfying(RunnelClientException.class, e -> assertThat(e.httpStatus()).isEqualTo(400));
    }

    @Test
    void shouldReadServerInfoHealthAndCommandStatus() {
        client.execute("CREATE STREAM S (ID INT KEY, V STRING);");

        ServerInfo info = client.serverInfo();
        CommandStatus status = client.commandStatus("stream/`S`/create");

        assertThat(info.kafkaClusterId()).isEqualTo("toy-cluster");
        assertThat(info.serverStatus()).isEqualTo("RUNNING");
        assertThat(client.isHealthy()).isTrue();
        assertThat(status.message()).isEqualTo("Stream created");
    }

    @Test
    void shouldReportTransportFailureWithoutErrorCode() throws Exception {
        URI gone = server.uri();
        server.close();
        RunnelClient orphan = RunnelClient.create(gone);

        assertThatThrownBy(orphan::serverInfo).isInstanceOfSatisfying(RunnelClientException.class,
                e -> assertThat(e.isServerError()).isFalse());
        server = RunnelServer.start(RunnelServerConfig.defaults().withPort(0), engine);
    }
}
