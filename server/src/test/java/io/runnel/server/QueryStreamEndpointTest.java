package io.runnel.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.runnel.server.api.RunnelServer;
import io.runnel.server.api.RunnelServerConfig;
import io.runnel.server.testing.RawHttp;
import io.runnel.server.testing.ToyEngine;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code /query-stream}, {@code /query} and {@code /close-query} over real sockets. */
class QueryStreamEndpointTest {

    private static final String DELIMITED = "application/vnd.ksqlapi.delimited.v1";

    private final ObjectMapper json = new ObjectMapper();
    private ToyEngine engine;
    private RunnelServer server;

    @BeforeEach
    void start() throws Exception {
        engine = new ToyEngine();
        engine.execute("CREATE STREAM S (ID INT KEY, V STRING);", Map.of());
        server = RunnelServer.start(RunnelServerConfig.defaults().withPort(0), engine);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private static String queryStream(String sql) {
        return "{\"sql\": " + RestEndpointsTest.quote(sql) + ", \"properties\": {}}";
    }

    private void insert(int id, String v) throws Exception {
        engine.insert("S", List.of(Map.of("ID", id, "V", v)));
    }

    @Test
    void shouldStreamEachRowBeforeThePushQueryEnds() throws Exception {
        try (RawHttp http = RawHttp.connect(server.address())) {
            http.send("POST", "/query-stream", DELIMITED, queryStream("SELECT * FROM S EMIT CHANGES;"));
            assertThat(http.readHead()).isEqualTo(200);
            assertThat(http.header("content-type")).isEqualTo(DELIMITED);
            assertThat(http.header("transfer-encoding")).isEqualTo("chunked");

            JsonNode header = json.readTree(http.readBodyLine());
            assertThat(header.get("queryId").asText()).startsWith("transient_S_");
            assertThat(header.get("columnNames").toString()).isEqualTo("[\"ID\",\"V\"]");
            assertThat(header.get("columnTypes").toString()).isEqualTo("[\"INTEGER\",\"STRING\"]");

            insert(1, "a");
            assertThat(http.readBodyLine()).isEqualTo("[1,\"a\"]");
            insert(2, "b");
            assertThat(http.readBodyLine()).isEqualTo("[2,\"b\"]");
            assertThat(engine.lastQuery().isClosed()).isFalse();
        }
    }

    @Test
    void shouldStallThePushQueryWhileTheClientDoesNotReadAndResumeWhenItDoes() throws Exception {
        int total = 20_000;
        String value = "x".repeat(400);
        AtomicInteger produced = new AtomicInteger();
        try (RawHttp http = RawHttp.connect(server.address(), 65536)) {
            http.send("POST", "/query-stream", DELIMITED, queryStream("SELECT * FROM S EMIT CHANGES;"));
            http.readHead();
            http.readBodyLine();
            Thread producer = new Thread(() -> {
                for (int i = 0; i < total; i++) {
                    try {
                        insert(i, value);
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                    produced.incrementAndGet();
                }
            }, "toy-producer");
            producer.start();

            while (producer.getState() != Thread.State.WAITING) {
                assertThat(producer.isAlive()).as("producer finished without ever waiting for the client").isTrue();
                Thread.sleep(5);
            }
            assertThat(produced.get()).isLessThan(total);

            for (int i = 0; i < total; i++) {
                assertThat(http.readBodyLine()).startsWith("[" + i + ",");
            }
            producer.join();
            assertThat(produced.get()).isEqualTo(total);
        }
    }

    @Test
    void shouldCloseTheQueryWhenTheClientDisconnects() throws Exception {
        try (RawHttp http = RawHttp.connect(server.address())) {
            http.send("POST", "/query-stream", DELIMITED, queryStream("SELECT * FROM S EMIT CHANGES;"));
            http.readHead();
            http.readBodyLine();
        }

        assertThat(engine.lastQuery().awaitClosed(10)).isTrue();
    }

    @Test
    void shouldStreamAJsonArrayByDefaultAndEndItWhenTheLimitIsReached() throws Exception {
        try (RawHttp http = RawHttp.connect(server.address())) {
            http.send("POST", "/query-stream", "application/json", queryStream("SELECT * FROM S EMIT CHANGES LIMIT 2;"));
            assertThat(http.readHead()).isEqualTo(200);
            assertThat(http.header("content-type")).isEqualTo("application/json");
            insert(1, "a");
            insert(2, "b");
            String body = http.readBody();

            assertThat(body).startsWith("[{\"queryId\":");
            JsonNode all = json.readTree(body);
            assertThat(all).hasSize(3);
            assertThat(all.get(1).toString()).isEqualTo("[1,\"a\"]");
            assertThat(all.get(2).toString()).isEqualTo("[2,\"b\"]");
        }
    }

    @Test
    void shouldAnswerPullQueryWithHeaderAndRows() throws Exception {
        insert(1, "a");
        try (RawHttp http = RawHttp.connect(server.address())) {
            http.send("POST", "/query-stream", DELIMITED, queryStream("SELECT * FROM S;"));
            assertThat(http.readHead()).isEqualTo(200);
            assertThat(json.readTree(http.readBodyLine()).get("columnNames")).hasSize(2);
            assertThat(http.readBodyLine()).isEqualTo("[1,\"a\"]");
            assertThat(http.readBodyLine()).isNull();
        }
    }

    @Test
    void shouldAnswerABadQueryWith400BeforeAnyRow() throws Exception {
        try (RawHttp http = RawHttp.connect(server.address())) {
            http.send("POST", "/query-stream", DELIMITED, queryStream("SELECT * FROM NOPE EMIT CHANGES;"));
            assertThat(http.readHead()).isEqualTo(400);
            JsonNode error = json.readTree(http.readBody());
            assertThat(error.get("@type").asText()).isEqualTo("statement_error");
            assertThat(error.get("error_code").asInt()).isEqualTo(40001);
            assertThat(error.get("message").asText()).isEqualTo("NOPE does not exist.");
        }
    }

    @Test
    void shouldWriteAnErrorAfterTheHeaderIntoTheStream() throws Exception {
        try (RawHttp http = RawHttp.connect(server.address())) {
            http.send("POST", "/query-stream", DELIMITED, queryStream("SELECT * FROM S EMIT CHANGES;"));
            http.readHead();
            http.readBodyLine();

            engine.lastQuery().fail("boom");

            JsonNode error = json.readTree(http.readBodyLine());
            assertThat(error.get("@type").asText()).isEqualTo("generic_error");
            assertThat(error.get("error_code").asInt()).isEqualTo(50000);
            assertThat(error.get("message").asText()).isEqualTo("boom");
            assertThat(http.readBodyLine()).isNull();
        }
    }

    @Test
    void shouldEndTheResponseAndCloseTheQueryOnCloseQuery() throws Exception {
        try (RawHttp query = RawHttp.connect(server.address()); RawHttp close = RawHttp.connect(server.address())) {
            query.send("POST", "/query-stream", DELIMITED, queryStream("SELECT * FROM S EMIT CHANGES;"));
            query.readHead();
            String queryId = json.readTree(query.readBodyLine()).get("queryId").asText();

            close.send("POST", "/close-query", null, "{\"queryId\": \"" + queryId + "\"}");
            assertThat(close.readHead()).isEqualTo(200);

            assertThat(query.readBodyLine()).isNull();
            assertThat(engine.lastQuery().isClosed()).isTrue();
        }
    }

    @Test
    void shouldAnswerCloseQueryForUnknownIdWith400() throws Exception {
        try (RawHttp close = RawHttp.connect(server.address())) {
            close.send("POST", "/close-query", null, "{\"queryId\": \"nope\"}");
            assertThat(close.readHead()).isEqualTo(400);
            assertThat(json.readTree(close.readBody()).get("message").asText()).isEqualTo("No query with id nope");
        }
    }

    @Test
    void shouldServeLegacyQueryEndpointAsStreamedRowsWithFinalMessage() throws Exception {
        try (RawHttp http = RawHttp.connect(server.address())) {
            http.send("POST", "/query", "application/json",
                    "{\"ksql\": \"SELECT * FROM S EMIT CHANGES LIMIT 1;\", \"streamsProperties\": {}}");
            assertThat(http.readHead()).isEqualTo(200);
            insert(7, "x");
            JsonNode all = json.readTree(http.readBody());

            assertThat(all.get(0).get("header").get("schema").asText()).isEqualTo("`ID` INTEGER, `V` STRING");
            assertThat(all.get(1).get("row").get("columns").toString()).isEqualTo("[7,\"x\"]");
            assertThat(all.get(2).get("finalMessage").asText()).isEqualTo("Limit Reached");
        }
    }

    @Test
    void shouldCloseRunningQueriesOnShutdown() throws Exception {
        try (RawHttp http = RawHttp.connect(server.address())) {
            http.send("POST", "/query-stream", DELIMITED, queryStream("SELECT * FROM S EMIT CHANGES;"));
            http.readHead();
            http.readBodyLine();

            server.close();

            assertThat(engine.lastQuery().isClosed()).isTrue();
        }
        server = RunnelServer.start(RunnelServerConfig.defaults().withPort(0), engine);
    }
}
