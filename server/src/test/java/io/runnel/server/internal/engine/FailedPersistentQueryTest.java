package io.runnel.server.internal.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.runnel.server.api.KsqlEntity;
import io.runnel.server.api.RunnelServer;
import io.runnel.server.api.RunnelServerConfig;
import io.runnel.server.api.StatementExecutor;
import io.runnel.server.client.RunnelClient;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A persistent query that fails at runtime, seen over HTTP: a row it writes is larger than the
 * log accepts (its input fits, its output does not), the write fails, the query stops, and SHOW
 * QUERIES reports it in ERROR with the reason, as ksqlDB does with a RecordTooLargeException,
 * while the server keeps serving.
 */
@Timeout(120)
class FailedPersistentQueryTest {

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
