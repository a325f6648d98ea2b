package io.runnel.server.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.runnel.sql.conformance.CaseResult;
import io.runnel.sql.conformance.OutputMatcher;
import io.runnel.sql.conformance.QttLoader;
import io.runnel.sql.conformance.QttRecord;
import io.runnel.sql.conformance.ResponseMatcher;
import io.runnel.sql.conformance.RestCase;
import io.runnel.sql.conformance.RestCaseExecutor;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Runs a REST QTT case against a real server on 127.0.0.1 ({@link CaseServer}: a fresh log,
 * engine and HTTP server per case), the way ksqlDB's REST test runner does:
 * <ol>
 *   <li>each statement that is not a query is sent alone to {@code POST /ksql}; each entity it
 *       answers is one {@code admin} response;</li>
 *   <li>before the first query the inputs are produced to their topics (encoded with the formats
 *       of the source on each topic) and the runner waits until the persistent queries have
 *       processed them; with {@code waitForActivePushQuery} they are produced once the push
 *       query's header has arrived instead;</li>
 *   <li>each query is sent to {@code POST /query} and read as it streams; a push query is read
 *       until it completes or has sent as many rows as the expected response holds (then the
 *       connection is closed, which ends the query);</li>
 *   <li>the responses (when the case lists any) are compared with {@link ResponseMatcher}, the topics named in
 *       {@code outputs} with {@link OutputMatcher}; a case that expects an error passes when its
 *       last statement fails with the expected HTTP status, the message being counted apart. As in
 *       ksqlDB's runner, the expected error is not checked when no statement fails and the case has
 *       no query ({@link #UNCHECKED_EXPECTED_ERROR}).</li>
 * </ol>
 * One instance runs one case at a time.
 */
public final class HttpCaseExecutor implements RestCaseExecutor {
    /**
     * Why a case that expects an error passed although every statement succeeded: ksqlDB's
     * runner (RestTestExecutor) checks {@code expectedError} only when a statement fails or a
     * query answers, so a case of statements only that all succeed passes there on its responses
     * and outputs alone (as "should fail on mismatch between key and key field values when stream
     * has key" does: ksqlDB accepts that INSERT VALUES, having no key field check since 0.10).
     */
    static final String UNCHECKED_EXPECTED_ERROR = "every statement succeeded and no query ran: expectedError "
            + "unchecked, as in ksqlDB's runner";
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(20);
    private static final Duration CATCH_UP_TIMEOUT = Duration.ofSeconds(15);
    /** How long a query's response may stay silent before the runner stops reading it. */
    private static final Duration PUSH_QUERY_IDLE = Duration.ofSeconds(5);

    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    @Override
    public CaseResult run(RestCase c) {
        long start = System.nanoTime();
        try (CaseServer server = CaseServer.start(c)) {
            return new Run(c, server).execute(start);
        } catch (Exception | AssertionError e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            return CaseResult.failed(c.id(), "runner error: " + e, millisSince(start));
        }
    }

    private static long millisSince(long start) {
        return (System.nanoTime() - start) / 1_000_000;
    }

    /** A statement's failure: the HTTP status and the error body's message. */
    private record Failure(int statementIndex, int status, String message) {
    }

    /** One case against one server. */
    private final class Run {
        private final RestCase testCase;
        private final CaseServer server;
        private final List<JsonNode> responses = new ArrayList<>();
        private boolean inputsProduced;

        Run(RestCase testCase, CaseServer server) {
            this.testCase = testCase;
            this.server = server;
        }

        CaseResult execute(long start) throws Exception {
            Failure failure = null;
            List<String> statements = testCase.statements();
            for (int i = 0; i < statements.size() && failure == null; i++) {
                String statement = statements.get(i);
                if (RestCase.isQuery(statement)) {
                    if (!testCase.waitForActivePushQuery()) {
                        produceInputsOnce();
                    }
                    failure = query(i, statement);
                } else {
                    failure = ksql(i, statement);
                }
            }
            produceInputsOnce();
            RestCase.ExpectedError expected = testCase.expectedError();
            boolean anyQuery = statements.stream().anyMatch(RestCase::isQuery);
            if (expected != null && (failure != null || anyQuery)) {
                if (failure == null) {
                    return CaseResult.failed(testCase.id(), "expected error '" + expected.message()
                            + "' but every statement succeeded", millisSince(start));
                }
                boolean statusOk = expected.status() == null ? failure.status() >= 400 && failure.status() < 500
                        : expected.status() == failure.status();
                if (!statusOk || failure.statementIndex() != statements.size() - 1) {
                    return CaseResult.failed(testCase.id(), "expected HTTP " + expected.status() + " '"
                            + expected.message() + "' from the last statement, got HTTP " + failure.status()
                            + " from statement " + failure.statementIndex() + ": " + failure.message(),
                            millisSince(start));
                }
                boolean matched = failure.message().contains(expected.message());
                return new CaseResult(testCase.id(), CaseResult.Status.PASSED, matched ? "" : "failed as expected with: "
                        + failure.message(), matched, millisSince(start));
            }
            if (failure != null) {
                return CaseResult.failed(testCase.id(), "statement " + failure.statementIndex() + " failed with HTTP "
                        + failure.status() + ": " + failure.message(), millisSince(start));
            }
            // A case without responses checks only its outputs, as in ksqlDB's runner.
            Optional<String> mismatch = testCase.responses().isEmpty() ? Optional.empty()
                    : ResponseMatcher.firstMismatch(testCase.responses(), responses);
            if (mismatch.isEmpty() && !testCase.outputs().isEmpty()) {
                server.awaitQueriesCaughtUp(persistentQueries(), CATCH_UP_TIMEOUT);
                mismatch = OutputMatcher.firstMismatch(testCase.outputs(), readOutputs());
            }
            String note = expected == null ? "" : UNCHECKED_EXPECTED_ERROR;
            return mismatch.map(m -> CaseResult.failed(testCase.id(), m, millisSince(start)))
                    .orElseGet(() -> new CaseResult(testCase.id(), CaseResult.Status.PASSED, note, null,
                            millisSince(start)));
        }

        private void produceInputsOnce() throws Exception {
            if (inputsProduced) {
                return;
            }
            inputsProduced = true;
            server.produce(testCase.inputs());
            server.awaitQueriesCaughtUp(persistentQueries(), CATCH_UP_TIMEOUT);
        }

        private List<QttRecord> readOutputs() {
            Set<String> topics = new LinkedHashSet<>();
            testCase.outputs().forEach(r -> topics.add(r.topic()));
            List<QttRecord> actual = new ArrayList<>();
            for (String topic : topics) {
                actual.addAll(server.read(topic));
            }
            return actual;
        }

        /** The number of persistent queries the server runs ({@code SHOW QUERIES}). */
        private int persistentQueries() throws IOException, InterruptedException {
            HttpResponse<String> response = http.send(post("/ksql", "ksql", "SHOW QUERIES;"),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            if (response.statusCode() != 200) {
                throw new IOException("SHOW QUERIES answered HTTP " + response.statusCode() + ": " + response.body());
            }
            return parse(response.body()).path(0).path("queries").size();
        }

        private Failure ksql(int index, String statement) throws IOException, InterruptedException {
            HttpResponse<String> response = http.send(post("/ksql", "ksql", statement),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            JsonNode body = parse(response.body());
            if (response.statusCode() != 200) {
                return new Failure(index, response.statusCode(), body.path("message").asText(response.body()));
            }
            for (JsonNode entity : body) {
                ObjectNode r = JsonNodeFactory.instance.objectNode();
                r.set("admin", entity);
                responses.add(r);
            }
            return null;
        }

        private Failure query(int index, String statement) throws Exception {
            HttpResponse<InputStream> response = http.send(post("/query", "ksql", statement),
                    HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream body = response.body()) {
                if (response.statusCode() != 200) {
                    String text = new String(body.readAllBytes(), StandardCharsets.UTF_8);
                    return new Failure(index, response.statusCode(), parse(text).path("message").asText(text));
                }
                QueryResponseReader reader = new QueryResponseReader(
                        new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8)));
                int expectedRows = expectedRows(responses.size());
                int rows = 0;
                // A push query that sends fewer rows than expected would block the read forever:
                // the watchdog closes the body once no element came for a while.
                try (IdleWatchdog watchdog = new IdleWatchdog(body, PUSH_QUERY_IDLE)) {
                    JsonNode element;
                    while ((element = nextOrNull(reader, watchdog)) != null) {
                        watchdog.reset();
                        if (element.has("header") && testCase.waitForActivePushQuery()) {
                            produceInputsOnce();
                        } else if (element.has("row")) {
                            rows++;
                        } else if (element.has("errorMessage")) {
                            return new Failure(index, 200, element.path("errorMessage").path("message").asText());
                        }
                        if (expectedRows >= 0 && rows >= expectedRows && !expectsMoreElements(responses.size(), reader)) {
                            break;
                        }
                    }
                }
                ObjectNode r = JsonNodeFactory.instance.objectNode();
                r.set("query", reader.elements());
                responses.add(r);
            }
            return null;
        }

        /** The next element, or null at the end of the body or once the watchdog closed it. */
        private JsonNode nextOrNull(QueryResponseReader reader, IdleWatchdog watchdog) throws IOException {
            try {
                return reader.next();
            } catch (IOException e) {
                if (watchdog.fired()) {
                    return null;
                }
                throw e;
            }
        }

        /** The number of rows the expected response at {@code index} holds, or -1 when there is none. */
        private int expectedRows(int index) {
            if (index >= testCase.responses().size()) {
                return -1;
            }
            int rows = 0;
            for (JsonNode e : testCase.responses().get(index).path("query")) {
                if (e.has("row")) {
                    rows++;
                }
            }
            return rows;
        }

        /** True while the expected response still has elements (a final message) not read yet. */
        private boolean expectsMoreElements(int index, QueryResponseReader reader) {
            return index < testCase.responses().size()
                    && reader.elements().size() < testCase.responses().get(index).path("query").size();
        }

        private HttpRequest post(String path, String sqlField, String statement) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put(sqlField, statement);
            body.put("streamsProperties", queryProperties());
            try {
                return HttpRequest.newBuilder(URI.create(server.uri() + path))
                        .timeout(REQUEST_TIMEOUT)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(QttLoader.JSON.writeValueAsString(body)))
                        .build();
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        }

        /**
         * The case's properties; queries read from the earliest offset unless the case says
         * otherwise, since the inputs are produced before they start (as in ksqlDB's runner).
         */
        private Map<String, Object> queryProperties() {
            Map<String, Object> props = new LinkedHashMap<>();
            props.put("auto.offset.reset", "earliest");
            props.putAll(testCase.properties());
            return props;
        }

        private JsonNode parse(String text) {
            try {
                return QttLoader.JSON.readTree(text);
            } catch (IOException e) {
                return JsonNodeFactory.instance.objectNode().put("message", text);
            }
        }
    }
}
