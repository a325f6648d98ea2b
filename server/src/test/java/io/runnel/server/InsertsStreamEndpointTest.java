package io.runnel.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.runnel.server.api.RunnelServer;
import io.runnel.server.api.RunnelServerConfig;
import io.runnel.server.testing.RawHttp;
import io.runnel.server.testing.ToyEngine;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code /inserts-stream} over real sockets, with a body sent in chunks. */
class InsertsStreamEndpointTest {

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

    @Test
    void shouldAcknowledgeEachRowAsItArrives() throws Exception {
        try (RawHttp http = RawHttp.connect(server.address())) {
            http.startChunked("POST", "/inserts-stream");
            http.writeChunk("{\"target\": \"S\"}\n");
            assertThat(http.readHead()).isEqualTo(200);

            http.writeChunk("{\"ID\": 1, \"V\": \"a\"}\n{\"ID\": 2,");
            assertThat(http.readBodyLine()).isEqualTo("{\"status\":\"ok\",\"seq\":0}");
            http.writeChunk(" \"V\": \"b\"}\n");
            assertThat(http.readBodyLine()).isEqualTo("{\"status\":\"ok\",\"seq\":1}");
            http.endChunks();
            assertThat(http.readBodyLine()).isNull();
        }
        assertThat(engine.executeQueryRows("S")).containsExactly("[1, a]", "[2, b]");
    }

    @Test
    void shouldAnswerAnUnknownTargetWith400() throws Exception {
        try (RawHttp http = RawHttp.connect(server.address())) {
            http.send("POST", "/inserts-stream", null, "{\"target\": \"NOPE\"}\n{\"ID\": 1}\n");
            assertThat(http.readHead()).isEqualTo(400);
            JsonNode error = json.readTree(http.readBody());
            assertThat(error.get("error_code").asInt()).isEqualTo(40001);
            assertThat(error.get("message").asText()).contains("NOPE");
        }
    }

    @Test
    void shouldAnswerABadRowWithAnErrorAckAndEndTheResponse() throws Exception {
        try (RawHttp http = RawHttp.connect(server.address())) {
            http.send("POST", "/inserts-stream", null,
                    "{\"target\": \"S\"}\n{\"ID\": 1}\n{\"ID\": \"x\"}\n{\"ID\": 3}\n");
            assertThat(http.readHead()).isEqualTo(200);
            assertThat(http.readBodyLine()).isEqualTo("{\"status\":\"ok\",\"seq\":0}");
            JsonNode error = json.readTree(http.readBodyLine());
            assertThat(error.get("status").asText()).isEqualTo("error");
            assertThat(error.get("seq").asInt()).isEqualTo(1);
            assertThat(error.get("error_code").asInt()).isEqualTo(40000);
            assertThat(http.readBodyLine()).isNull();
        }
        assertThat(engine.executeQueryRows("S")).containsExactly("[1, null]");
    }

    @Test
    void shouldAnswerABodyWithoutTargetWith400() throws Exception {
        try (RawHttp http = RawHttp.connect(server.address())) {
            http.send("POST", "/inserts-stream", null, "");
            assertThat(http.readHead()).isEqualTo(400);
            assertThat(json.readTree(http.readBody()).get("message").asText()).contains("names no target");
        }
    }
}
