package io.runnel.server.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.runnel.server.api.RunnelServer;
import io.runnel.server.api.RunnelServerConfig;
import io.runnel.server.api.StatementExecutor;
import io.runnel.server.api.StatementExecutorFactory;
import io.runnel.server.testing.RawHttp;
import java.io.IOException;
import java.net.SocketTimeoutException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * "A user error is a 4xx with a JSON body, never a 500": a few thousand seeded, mutated or
 * malformed requests to every endpoint of a real server (Runnel's engine, 127.0.0.1) must each be
 * answered with a 2xx or with a 4xx whose JSON body carries {@code error_code} and
 * {@code message} — no 5xx, and no 5xxxx error code inside a streamed response either — and the
 * server must still be healthy after them. The seed is printed; {@code -Drunnel.fuzz.seed=N}
 * replays a run and {@code -Drunnel.fuzz.requests=N} makes it longer.
 */
@Timeout(600)
class RestFuzzTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern SERVER_ERROR_CODE = Pattern.compile("\"error_code\"\\s*:\\s*5\\d{4}");
    private static final Pattern QUERY_ID = Pattern.compile("\"queryId\"\\s*:\\s*\"([^\"]+)\"");
    private static final String SEED_QUERY = "CTAS_VIEWS_PER_USER_";

    @TempDir
    Path dir;

    private StatementExecutor executor;
    private RunnelServer server;
    private final List<String> failures = new ArrayList<>();

    @BeforeEach
    void start() throws Exception {
        executor = StatementExecutorFactory.load().orElseThrow().create(dir, Map.of());
        // A small request limit, so that "too large" costs little to send.
        server = RunnelServer.start(new RunnelServerConfig("127.0.0.1", 0, dir, "fuzz", 2, 64 * 1024), executor);
        ksqlOk("CREATE STREAM PAGEVIEWS (ID BIGINT KEY, USERID STRING, VIEWTIME BIGINT, TAGS ARRAY<STRING>, "
                + "INFO STRUCT<A INT, B STRING>, AMOUNT DECIMAL(10, 2)) "
                + "WITH (kafka_topic='pageviews', partitions=2, value_format='json');"
                + "CREATE TABLE USERS (USERID STRING PRIMARY KEY, NAME STRING, AGE INT) "
                + "WITH (kafka_topic='users', partitions=2, value_format='json');"
                + "CREATE TABLE VIEWS_PER_USER AS SELECT USERID, COUNT(*) AS N FROM PAGEVIEWS GROUP BY USERID;"
                + "INSERT INTO PAGEVIEWS (ID, USERID, VIEWTIME) VALUES (1, 'alice', 10);"
                + "INSERT INTO PAGEVIEWS (ID, USERID, VIEWTIME) VALUES (2, 'bob', 11);"
                + "INSERT INTO USERS (USERID, NAME, AGE) VALUES ('alice', 'Alice', 30);");
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
        if (executor != null) {
            executor.close();
        }
    }

    @Test
    void shouldAnswerEveryMutatedOrMalformedRequestWithA4xxJsonErrorOrA2xxAndStayHealthy() throws Exception {
        long seed = Long.getLong("runnel.fuzz.seed", 20261123L);
        int requests = Integer.getInteger("runnel.fuzz.requests", 2000);
        SqlCorpus corpus = SqlCorpus.load(Path.of(System.getProperty("runnel.conformance.dir")),
                RequestFuzzer.sources());
        RequestFuzzer fuzzer = new RequestFuzzer(seed, corpus);
        System.out.println("RestFuzzTest: seed=" + seed + " requests=" + requests + " statements=" + corpus.size());

        for (int i = 0; i < requests; i++) {
            FuzzRequest request = fuzzer.next();
            String response = send(request);
            if (request.description().startsWith("POST /ksql") && response != null) {
                terminateStartedQueries(response);
            }
            if (i % 200 == 199) {
                closeARunningPushQuery();
            }
        }

        assertThat(failures).as("requests answered with a server error (seed " + seed + ")").isEmpty();
        try (RawHttp http = RawHttp.connect(server.address())) {
            http.send("GET", "/healthcheck", null, null);
            assertThat(http.readHead()).isEqualTo(200);
            assertThat(JSON.readTree(http.readBody()).get("isHealthy").asBoolean()).isTrue();
        }
        assertThat(ksqlOk("SHOW STREAMS;")).contains("PAGEVIEWS");
    }

    /**
     * Sends a request on its own connection and checks the answer; returns the body of a
     * complete 2xx answer (else null).
     */
    private String send(FuzzRequest request) throws IOException {
        try (RawHttp http = RawHttp.connect(server.address())) {
            http.socket().setSoTimeout(10_000);
            http.sendRaw(request.bytes());
            if (request.framing() == FuzzRequest.Framing.CUT_SHORT) {
                return null;
            }
            int status;
            try {
                status = http.readHead();
            } catch (IOException e) {
                if (request.framing() != FuzzRequest.Framing.MALFORMED) {
                    failures.add(request.description() + " → no response: " + e);
                }
                return null;
            }
            if (status >= 500) {
                failures.add(request.description() + " → " + status + " " + readQuietly(http));
                return null;
            }
            if (status >= 400) {
                checkErrorBody(request, status, http);
                return null;
            }
            if (request.framing() == FuzzRequest.Framing.MAY_STREAM) {
                checkStream(request, http);
                return null;
            }
            String body = http.readBody();
            if (SERVER_ERROR_CODE.matcher(body).find()) {
                failures.add(request.description() + " → " + status + " with a server error inside: " + body);
            }
            return body;
        } catch (SocketTimeoutException e) {
            failures.add(request.description() + " → timed out");
            return null;
        }
    }

    private void checkErrorBody(FuzzRequest request, int status, RawHttp http) throws IOException {
        String body = http.readBody();
        try {
            JsonNode error = JSON.readTree(body);
            if (error == null || !error.path("error_code").isInt() || !error.path("message").isTextual()
                    || error.get("error_code").asInt() / 100 != status) {
                failures.add(request.description() + " → " + status + " without a JSON error body: " + body);
            }
        } catch (IOException e) {
            failures.add(request.description() + " → " + status + " with a body that is not JSON: " + body);
        }
    }

    /** A query's 2xx stream: read for a moment (a push query runs on), no server error inside. */
    private void checkStream(FuzzRequest request, RawHttp http) throws IOException {
        StringBuilder seen = new StringBuilder();
        try {
            http.socket().setSoTimeout(300);
            for (String line = http.readBodyLine(); line != null && seen.length() < 100_000; line = http.readBodyLine()) {
                seen.append(line).append('\n');
            }
        } catch (SocketTimeoutException e) {
            // still streaming: closing the connection ends the query
        }
        if (SERVER_ERROR_CODE.matcher(seen).find()) {
            failures.add(request.description() + " → a stream with a server error inside: " + seen);
        }
    }

    /** Starts a push query, closes it through /close-query by its id, and expects 200 and the stream's end. */
    private void closeARunningPushQuery() throws IOException {
        try (RawHttp push = RawHttp.connect(server.address())) {
            push.send("POST", "/query-stream", "application/vnd.ksqlapi.delimited.v1",
                    "{\"sql\":\"SELECT * FROM PAGEVIEWS EMIT CHANGES;\",\"properties\":{}}");
            assertThat(push.readHead()).isEqualTo(200);
            String header = push.readBodyLine();
            var id = QUERY_ID.matcher(header);
            assertThat(id.find()).as(header).isTrue();
            try (RawHttp http = RawHttp.connect(server.address())) {
                http.send("POST", "/close-query", null, "{\"queryId\":\"" + id.group(1) + "\"}");
                assertThat(http.readHead()).as("close-query " + id.group(1) + ": " + readQuietly(http)).isEqualTo(200);
            }
            assertThat(push.readBody()).doesNotContainPattern(SERVER_ERROR_CODE);
        }
    }

    /** Persistent queries that a mutated statement started are stopped again, so they do not pile up. */
    private void terminateStartedQueries(String response) throws IOException {
        var ids = QUERY_ID.matcher(response);
        while (ids.find()) {
            if (!ids.group(1).startsWith(SEED_QUERY)) {
                ksql("TERMINATE " + ids.group(1) + ";");
            }
        }
    }

    private String ksqlOk(String sql) throws IOException {
        try (RawHttp http = RawHttp.connect(server.address())) {
            http.send("POST", "/ksql", null, "{\"ksql\":" + JSON.writeValueAsString(sql) + "}");
            int status = http.readHead();
            String body = http.readBody();
            assertThat(status).as(body).isEqualTo(200);
            return body;
        }
    }

    private void ksql(String sql) throws IOException {
        try (RawHttp http = RawHttp.connect(server.address())) {
            http.send("POST", "/ksql", null, "{\"ksql\":" + JSON.writeValueAsString(sql) + "}");
            http.readHead();
            http.readBody();
        }
    }

    private static String readQuietly(RawHttp http) {
        try {
            return http.readBody();
        } catch (IOException e) {
            return "(" + e + ")";
        }
    }

}
