package io.runnel.server.internal.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.runnel.server.api.CommandStatus;
import io.runnel.server.api.ErrorCodes;
import io.runnel.server.api.KsqlEntity;
import io.runnel.server.api.RunnelServer;
import io.runnel.server.api.RunnelServerConfig;
import io.runnel.server.api.StatementExecutor;
import io.runnel.server.api.StatementExecutorFactory;
import io.runnel.server.client.QueryResult;
import io.runnel.server.client.RunnelClient;
import io.runnel.server.client.RunnelClientException;
import io.runnel.server.client.StreamedQuery;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The REST API over the real SQL engine: HTTP on 127.0.0.1, embedded log in a temp dir. */
@Timeout(120)
class EngineExecutorTest {
    private static final String CREATE_S = "CREATE STREAM s (id INT KEY, v STRING) WITH (kafka_topic='s', "
            + "partitions=1, value_format='json');";

    @TempDir
    Path dir;

    private StatementExecutor executor;
    private RunnelServer server;
    private RunnelClient client;

    @BeforeEach
    void start() throws Exception {
        executor = new EngineExecutorFactory().create(dir, Map.of("commit.interval.ms", "50"));
        server = RunnelServer.start(RunnelServerConfig.defaults().withPort(0).withDataDir(dir), executor);
        client = RunnelClient.create(server.uri());
    }

    @AfterEach
    void stop() {
        server.close();
        executor.close();
    }

    @Test
    void shouldBeTheFactoryTheServiceLoaderFinds() {
        assertThat(StatementExecutorFactory.load()).get().isInstanceOf(EngineExecutorFactory.class);
    }

    @Test
    void shouldCreateInsertAndQueryOverHttp() {
        List<KsqlEntity> created = client.execute(CREATE_S + "INSERT INTO s (id, v) VALUES (1, 'a');"
                + "CREATE STREAM t AS SELECT id, v FROM s;");

        assertThat(created).hasSize(2);
        KsqlEntity.CommandStatusEntity stream = (KsqlEntity.CommandStatusEntity) created.get(0);
        assertThat(stream.commandId()).isEqualTo("stream/`S`/create");
        assertThat(client.commandStatus(stream.commandId()).status()).isEqualTo(CommandStatus.Status.SUCCESS);
        KsqlEntity.CommandStatusEntity csas = (KsqlEntity.CommandStatusEntity) created.get(1);
        assertThat(csas.commandStatus().queryId()).isEqualTo("CSAS_T_0");

        client.insert("S", List.of(Map.of("ID", 2, "V", "b")));
        QueryResult pulled = client.executeQuery("SELECT * FROM t;");

        assertThat(pulled.columnNames()).containsExactly("ID", "V");
        assertThat(pulled.rows()).containsExactly(List.of(1, "a"), List.of(2, "b"));
        KsqlEntity.QueriesList queries = (KsqlEntity.QueriesList) client.execute("SHOW QUERIES;").get(0);
        assertThat(queries.queries()).extracting(KsqlEntity.RunningQuery::id).containsExactly("CSAS_T_0");
    }

    @Test
    void shouldStreamRowsOfPushQueryAsTheyArrive() {
        client.execute(CREATE_S);
        try (StreamedQuery query = client.streamQuery("SELECT v FROM s EMIT CHANGES LIMIT 2;")) {
            client.insert("S", List.of(Map.of("ID", 1, "V", "x"), Map.of("ID", 2, "V", "y")));

            assertThat(query.columnNames()).containsExactly("V");
            assertThat(query.next()).containsExactly("x");
            assertThat(query.next()).containsExactly("y");
            assertThat(query.next()).isNull();
        }
    }

    @Test
    void shouldMapSqlErrorsToStatementErrorsWithCodeAndPosition() {
        assertThatThrownBy(() -> client.execute(CREATE_S + "\nDESCRIBE nope;"))
                .isInstanceOfSatisfying(RunnelClientException.class, e -> {
                    assertThat(e.errorCode()).isEqualTo(ErrorCodes.BAD_STATEMENT);
                    assertThat(e.getMessage()).contains("NOPE");
                    assertThat(e.entities()).hasSize(1);
                });
        assertThatThrownBy(() -> client.execute("SELECT * FROM s;"))
                .isInstanceOfSatisfying(RunnelClientException.class,
                        e -> assertThat(e.errorCode()).isEqualTo(ErrorCodes.QUERY_ENDPOINT));
        assertThatThrownBy(() -> client.executeQuery("SELECT * FROM missing;"))
                .isInstanceOfSatisfying(RunnelClientException.class,
                        e -> assertThat(e.errorCode()).isEqualTo(ErrorCodes.BAD_STATEMENT));
    }

    @Test
    void shouldAcknowledgeEveryPipelinedInsertInOrderAndStoreThem() {
        client.execute(CREATE_S);
        List<Map<String, Object>> rows = new java.util.ArrayList<>();
        for (int i = 0; i < 2000; i++) {
            rows.add(Map.of("ID", i, "V", "v" + i));
        }

        List<io.runnel.server.client.InsertAck> acks = client.insert("s", rows);

        assertThat(acks).hasSize(2000);
        for (int i = 0; i < acks.size(); i++) {
            assertThat(acks.get(i).status()).isEqualTo("ok");
            assertThat(acks.get(i).seq()).isEqualTo(i);
        }
        assertThat(client.executeQuery("SELECT * FROM s;").rows()).hasSize(2000);
    }

    @Test
    void shouldStopAtTheFirstBadRowKeepingTheRowsBeforeIt() {
        client.execute(CREATE_S);
        List<Map<String, Object>> rows = new java.util.ArrayList<>();
        for (int i = 0; i < 300; i++) {
            rows.add(i == 200 ? Map.of("ID", "not a number", "V", "x") : Map.of("ID", i, "V", "v" + i));
        }

        List<io.runnel.server.client.InsertAck> acks = client.insert("s", rows);

        assertThat(acks).hasSize(201);
        assertThat(acks.subList(0, 200)).allSatisfy(a -> assertThat(a.status()).isEqualTo("ok"));
        assertThat(acks.get(200).status()).isEqualTo("error");
        assertThat(acks.get(200).seq()).isEqualTo(200);
        assertThat(acks.get(200).errorCode()).isEqualTo(ErrorCodes.BAD_REQUEST);
        assertThat(client.executeQuery("SELECT * FROM s;").rows()).hasSize(200);
    }

    @Test
    void shouldAnswerARowTooLargeForTheLogAsABadRowNotAServerError() {
        client.execute(CREATE_S);
        String huge = "x".repeat(2 << 20); // over the log's 1 MiB record limit

        List<io.runnel.server.client.InsertAck> acks = client.insert("s", List.of(Map.of("ID", 1, "V", huge)));

        assertThat(acks).hasSize(1);
        assertThat(acks.get(0).status()).isEqualTo("error");
        assertThat(acks.get(0).errorCode()).isEqualTo(ErrorCodes.BAD_REQUEST);
        assertThatThrownBy(() -> client.execute("INSERT INTO s (id, v) VALUES (2, '" + huge + "');"))
                .isInstanceOfSatisfying(RunnelClientException.class,
                        e -> assertThat(e.errorCode()).isBetween(40000, 49999));
    }

    @Test
    void shouldAnswerANegativeRowtimeAsABadRow() {
        client.execute(CREATE_S);

        List<io.runnel.server.client.InsertAck> acks = client.insert("s", List.of(Map.of("ID", 1, "ROWTIME", -1)));

        assertThat(acks.get(0).errorCode()).isEqualTo(ErrorCodes.BAD_REQUEST);
        assertThatThrownBy(() -> client.execute("INSERT INTO s (ROWTIME, id, v) VALUES (-5, 2, 'a');"))
                .isInstanceOfSatisfying(RunnelClientException.class,
                        e -> assertThat(e.errorCode()).isBetween(40000, 49999));
    }

    /**
     * A persistent query that fails at runtime: a row it writes is larger than the log accepts (its
     * input fits, its output does not), the query stops, and SHOW QUERIES reports it in ERROR with
     * the reason, as ksqlDB does with a RecordTooLargeException, while the server keeps serving.
     */
    @Test
    void shouldShowAQueryWhoseOutputRowIsTooLargeForTheLogInErrorWithItsReason() throws Exception {
        client.execute("CREATE STREAM s (id INT KEY, v STRING) WITH (kafka_topic='s', partitions=1, value_format='json');"
                + "CREATE STREAM t AS SELECT id, CONCAT(v, v, v) AS v FROM s;");
        client.insert("S", List.of(Map.of("ID", 1, "V", "a")));
        assertThat(client.executeQuery("SELECT * FROM t;").rows()).containsExactly(List.of(1, "aaa"));

        String large = "x".repeat(400 * 1024); // fits the log; three times it does not
        assertThat(client.insert("S", List.of(Map.of("ID", 2, "V", large))).get(0).status()).isEqualTo("ok");

        KsqlEntity.RunningQuery query = awaitState("CSAS_T_0", "ERROR");
        assertThat(query.errorMessage()).contains("cannot produce a record to T").contains("exceeds the limit");
        assertThat(client.isHealthy()).isTrue();
        assertThat(client.execute("SHOW STREAMS;")).hasSize(1);
    }

    private KsqlEntity.RunningQuery awaitState(String id, String state) throws InterruptedException {
        KsqlEntity.RunningQuery last = null;
        for (int i = 0; i < 600; i++) {
            KsqlEntity.QueriesList queries = (KsqlEntity.QueriesList) client.execute("SHOW QUERIES;").get(0);
            last = queries.queries().stream().filter(q -> q.id().equals(id)).findFirst().orElseThrow();
            if (last.state().equals(state)) {
                return last;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("query " + id + " never reached " + state + ": " + last);
    }
}
