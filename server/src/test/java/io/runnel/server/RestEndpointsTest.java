package io.runnel.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.runnel.server.api.RunnelServer;
import io.runnel.server.api.RunnelServerConfig;
import io.runnel.server.testing.RawHttp;
import io.runnel.server.testing.ToyEngine;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The request/response endpoints over real sockets: shapes and status codes. */
class RestEndpointsTest {

    private final ObjectMapper json = new ObjectMapper();
    private ToyEngine engine;
    private RunnelServer server;

    @BeforeEach
    void start() throws Exception {
        engine = new ToyEngine();
        server = RunnelServer.start(RunnelServerConfig.defaults().withPort(0), engine);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private Response request(String method, String path, String body) throws IOException {
        try (RawHttp http = RawHttp.connect(server.address())) {
            http.send(method, path, "application/json", body);
            int status = http.readHead();
            String text = http.readBody();
            return new Response(status, text.isEmpty() ? null : json.readTree(text), http.header("content-type"));
        }
    }

    private record Response(int status, JsonNode body, String contentType) {
    }

    private static String ksql(String sql) {
        return "{\"ksql\": " + quote(sql) + ", \"streamsProperties\": {\"auto.offset.reset\": \"earliest\"}}";
    }

    static String quote(String s) {
        try {
            return new ObjectMapper().writeValueAsString(s);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void shouldReturnOneEntityPerStatementFromKsqlEndpoint() throws Exception {
        Response r = request("POST", "/ksql", ksql("CREATE STREAM S (ID INT KEY, V STRING) WITH (kafka_topic='s');\n"
                + "SHOW STREAMS;"));

        assertThat(r.status()).isEqualTo(200);
        assertThat(r.contentType()).isEqualTo("application/json");
        assertThat(r.body().isArray()).isTrue();
        assertThat(r.body()).hasSize(2);
        JsonNode created = r.body().get(0);
        assertThat(created.get("@type").asText()).isEqualTo("currentStatus");
        assertThat(created.get("statementText").asText()).startsWith("CREATE STREAM S");
        assertThat(created.get("commandId").asText()).isEqualTo("stream/`S`/create");
        assertThat(created.get("commandStatus").get("status").asText()).isEqualTo("SUCCESS");
        assertThat(created.get("commandStatus").get("message").asText()).isEqualTo("Stream created");
        JsonNode shown = r.body().get(1);
        assertThat(shown.get("@type").asText()).isEqualTo("streams");
        assertThat(shown.get("streams").get(0).get("name").asText()).isEqualTo("S");
        assertThat(shown.get("streams").get(0).get("isWindowed").asBoolean()).isFalse();
        assertThat(shown.get("streams").get(0).get("type").asText()).isEqualTo("STREAM");
    }

    @Test
    void shouldDescribeSourceInKsqlDbShape() throws Exception {
        request("POST", "/ksql", ksql("CREATE STREAM S (ID INT KEY, V STRING);"));

        Response r = request("POST", "/ksql", ksql("DESCRIBE S;"));

        JsonNode description = r.body().get(0);
        assertThat(description.get("@type").asText()).isEqualTo("sourceDescription");
        JsonNode fields = description.get("sourceDescription").get("fields");
        assertThat(fields.get(0).get("name").asText()).isEqualTo("ID");
        assertThat(fields.get(0).get("schema").get("type").asText()).isEqualTo("INTEGER");
        assertThat(fields.get(0).get("type").asText()).isEqualTo("KEY");
    }

    @Test
    void shouldReturnStatementErrorWith400AndTheEntitiesExecutedBeforeIt() throws Exception {
        Response r = request("POST", "/ksql", ksql("CREATE STREAM S (ID INT KEY);\nCREATE STREEM T;"));

        assertThat(r.status()).isEqualTo(400);
        assertThat(r.body().get("@type").asText()).isEqualTo("statement_error");
        assertThat(r.body().get("error_code").asInt()).isEqualTo(40001);
        assertThat(r.body().get("message").asText()).contains("Syntax error at or near 'CREATE'");
        assertThat(r.body().get("statementText").asText()).isEqualTo("CREATE STREEM T;");
        assertThat(r.body().get("entities")).hasSize(1);
        assertThat(r.body().get("entities").get(0).get("@type").asText()).isEqualTo("currentStatus");
    }

    @Test
    void shouldAddThePositionOfTheMistakeWhenTheEngineKnowsIt() throws Exception {
        request("POST", "/ksql", ksql("CREATE STREAM S (ID INT KEY);"));

        Response positioned = request("POST", "/ksql", ksql("DESCRIBE NOPE;"));
        Response unpositioned = request("POST", "/ksql", ksql("CREATE STREAM S (ID INT KEY);"));

        assertThat(positioned.body().get("line").asInt()).isEqualTo(1);
        assertThat(positioned.body().get("column").asInt()).isEqualTo(10);
        assertThat(unpositioned.status()).isEqualTo(400);
        assertThat(unpositioned.body().has("line")).isFalse();
        assertThat(unpositioned.body().has("column")).isFalse();
    }

    @Test
    void shouldRejectQueriesOnKsqlEndpointWith40002() throws Exception {
        request("POST", "/ksql", ksql("CREATE STREAM S (ID INT KEY);"));

        Response r = request("POST", "/ksql", ksql("SELECT * FROM S EMIT CHANGES;"));

        assertThat(r.status()).isEqualTo(400);
        assertThat(r.body().get("error_code").asInt()).isEqualTo(40002);
    }

    @Test
    void shouldAnswerMalformedJsonWith40000NotA500() throws Exception {
        Response r = request("POST", "/ksql", "{\"ksql\": ");

        assertThat(r.status()).isEqualTo(400);
        assertThat(r.body().get("@type").asText()).isEqualTo("generic_error");
        assertThat(r.body().get("error_code").asInt()).isEqualTo(40000);
        assertThat(r.body().get("message").asText()).startsWith("Invalid JSON in request");
    }

    @Test
    void shouldAnswerMissingKsqlFieldWith40000() throws Exception {
        Response r = request("POST", "/ksql", "{\"sql\": \"SHOW STREAMS;\"}");

        assertThat(r.status()).isEqualTo(400);
        assertThat(r.body().get("message").asText()).isEqualTo("No 'ksql' field in the request");
    }

    @Test
    void shouldAnswerUnknownPathWith404AndWrongMethodWith405() throws Exception {
        Response notFound = request("POST", "/nope", "{}");
        Response wrongMethod = request("GET", "/ksql", null);

        assertThat(notFound.status()).isEqualTo(404);
        assertThat(notFound.body().get("error_code").asInt()).isEqualTo(40400);
        assertThat(wrongMethod.status()).isEqualTo(405);
        assertThat(wrongMethod.body().get("error_code").asInt()).isEqualTo(40500);
    }

    @Test
    void shouldRefuseBodiesOverTheLimitWith413() throws Exception {
        server.close();
        server = RunnelServer.start(new RunnelServerConfig("127.0.0.1", 0, null, "default_", 1, 1024), engine);

        Response r = request("POST", "/ksql", ksql("SHOW STREAMS; -- " + "x".repeat(2000)));

        assertThat(r.status()).isEqualTo(413);
        assertThat(r.body().get("message").asText()).contains("larger than 1024 bytes");
    }

    @Test
    void shouldDescribeServerOnInfo() throws Exception {
        Response r = request("GET", "/info", null);

        assertThat(r.status()).isEqualTo(200);
        JsonNode info = r.body().get("KsqlServerInfo");
        assertThat(info.get("version").asText()).isEqualTo(RunnelServer.version());
        assertThat(info.get("kafkaClusterId").asText()).isEqualTo("toy-cluster");
        assertThat(info.get("ksqlServiceId").asText()).isEqualTo("default_");
        assertThat(info.get("serverStatus").asText()).isEqualTo("RUNNING");
    }

    @Test
    void shouldReportHealthyOnHealthcheck() throws Exception {
        Response r = request("GET", "/healthcheck", null);

        assertThat(r.status()).isEqualTo(200);
        assertThat(r.body().get("isHealthy").asBoolean()).isTrue();
        assertThat(r.body().get("details").get("metastore").get("isHealthy").asBoolean()).isTrue();
    }

    @Test
    void shouldReturnCommandStatusByIdAnd404ForUnknownId() throws Exception {
        request("POST", "/ksql", ksql("CREATE STREAM S (ID INT KEY);"));

        Response known = request("GET", "/status/stream/%60S%60/create", null);
        Response unknown = request("GET", "/status/stream/%60X%60/create", null);

        assertThat(known.status()).isEqualTo(200);
        assertThat(known.body().get("status").asText()).isEqualTo("SUCCESS");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.body().get("error_code").asInt()).isEqualTo(40400);
    }

    @Test
    void shouldServeSeveralRequestsOnOneKeptAliveConnection() throws Exception {
        try (RawHttp http = RawHttp.connect(server.address())) {
            http.send("GET", "/info", null, null);
            assertThat(http.readHead()).isEqualTo(200);
            http.readBody();
            http.send("POST", "/ksql", null, ksql("SHOW STREAMS;"));
            assertThat(http.readHead()).isEqualTo(200);
            assertThat(json.readTree(http.readBody()).get(0).get("@type").asText()).isEqualTo("streams");
        }
    }

    @Test
    void shouldPassStreamsPropertiesAsJsonValues() throws Exception {
        Response r = request("POST", "/ksql", "{\"ksql\": \"SHOW STREAMS;\", \"streamsProperties\": [1]}");

        assertThat(r.status()).isEqualTo(400);
        assertThat(r.body().get("message").asText()).contains("streamsProperties");
        assertThat(List.of(Map.of())).isNotEmpty();
    }
}
