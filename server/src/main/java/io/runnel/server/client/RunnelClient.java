package io.runnel.server.client;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.runnel.server.api.CommandStatus;
import io.runnel.server.api.KsqlEntity;
import io.runnel.server.api.ServerInfo;
import io.runnel.server.internal.http.Json;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/**
 * A client of the Runnel (and ksqlDB) REST API over HTTP/1.1.
 *
 * <pre>{@code
 * RunnelClient client = RunnelClient.create(URI.create("http://127.0.0.1:8088"));
 * client.execute("CREATE STREAM S (ID INT KEY, V STRING) WITH (kafka_topic='s', value_format='JSON');");
 * try (StreamedQuery q = client.streamQuery("SELECT * FROM S EMIT CHANGES;")) {
 *     for (List<Object> row = q.next(); row != null; row = q.next()) { ... }
 * }
 * }</pre>
 *
 * <p>Errors the server reports throw {@link RunnelClientException} with ksqlDB's error code.
 * Thread-safe; one instance can serve many threads.
 */
public final class RunnelClient {

    private static final String DELIMITED = "application/vnd.ksqlapi.delimited.v1";
    private static final TypeReference<List<KsqlEntity>> ENTITIES = new TypeReference<>() { };

    private final URI base;
    private final HttpClient http;
    private final ObjectMapper mapper = Json.newMapper();

    private RunnelClient(URI base, HttpClient http) {
        this.base = base;
        this.http = http;
    }

    /** A client of the server at {@code base}, for example {@code http://127.0.0.1:8088}. */
    public static RunnelClient create(URI base) {
        Objects.requireNonNull(base, "base");
        String s = base.toString();
        URI normalized = URI.create(s.endsWith("/") ? s.substring(0, s.length() - 1) : s);
        HttpClient http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10))
                .build();
        return new RunnelClient(normalized, http);
    }

    public URI uri() {
        return base;
    }

    /** Runs statements that are not queries ({@code POST /ksql}); one entity per statement. */
    public List<KsqlEntity> execute(String sql) {
        return execute(sql, Map.of());
    }

    /** Runs statements with request properties ({@code streamsProperties}). */
    public List<KsqlEntity> execute(String sql, Map<String, Object> properties) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("ksql", Objects.requireNonNull(sql, "sql"));
        body.put("streamsProperties", properties);
        HttpResponse<String> response = send(post("/ksql", body, "application/json"));
        return read(response, ENTITIES);
    }

    /**
     * Starts a push or pull query and returns once its header arrived; rows are read from the
     * result as they come.
     */
    public StreamedQuery streamQuery(String sql) {
        return streamQuery(sql, Map.of());
    }

    public StreamedQuery streamQuery(String sql, Map<String, Object> properties) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("sql", Objects.requireNonNull(sql, "sql"));
        body.put("properties", properties);
        StreamedQuery.LineQueue lines = new StreamedQuery.LineQueue();
        // The response future completes only when the body ends, so the status is taken from
        // the body handler as soon as the headers arrive.
        CompletableFuture<Integer> status = new CompletableFuture<>();
        HttpResponse.BodyHandler<Void> handler = info -> {
            status.complete(info.statusCode());
            return HttpResponse.BodySubscribers.fromLineSubscriber(lines, s -> null, StandardCharsets.UTF_8, null);
        };
        CompletableFuture<HttpResponse<Void>> future = http.sendAsync(post("/query-stream", body, DELIMITED), handler);
        future.whenComplete((response, failure) -> {
            if (failure != null) {
                status.completeExceptionally(failure);
            }
        });
        try {
            int code = status.get();
            if (code != 200) {
                throw ErrorBodies.parse(mapper, code, lines.readAll().strip());
            }
            String first = lines.take();
            while (first != StreamedQuery.LineQueue.END && first != StreamedQuery.LineQueue.FAILED
                    && first.isBlank()) {
                first = lines.take();
            }
            if (first == StreamedQuery.LineQueue.END || first == StreamedQuery.LineQueue.FAILED) {
                throw new RunnelClientException("the server ended the query response before its header",
                        lines.failure());
            }
            JsonNode header = mapper.readTree(first);
            if (header.has("@type")) {
                throw ErrorBodies.parse(mapper, 200, first);
            }
            String queryId = header.path("queryId").asText("");
            return new StreamedQuery(queryId, strings(header.path("columnNames")), strings(header.path("columnTypes")),
                    lines, mapper, () -> closeQueryQuietly(queryId));
        } catch (InterruptedException e) {
            future.cancel(true);
            lines.cancel();
            Thread.currentThread().interrupt();
            throw new RunnelClientException("interrupted while starting the query", e);
        } catch (ExecutionException e) {
            throw new RunnelClientException("cannot reach " + base + ": " + describe(e.getCause()), e.getCause());
        } catch (IOException e) {
            lines.cancel();
            throw new RunnelClientException("unreadable query header from the server", e);
        }
    }

    /** Runs a query to its end and returns all rows (a pull query, or a push query with LIMIT). */
    public QueryResult executeQuery(String sql) {
        return executeQuery(sql, Map.of());
    }

    public QueryResult executeQuery(String sql, Map<String, Object> properties) {
        try (StreamedQuery query = streamQuery(sql, properties)) {
            return query.drain();
        }
    }

    /** Stops a query started through this server ({@code POST /close-query}). */
    public void closeQuery(String queryId) {
        HttpResponse<String> response = send(post("/close-query", Map.of("queryId", queryId), "application/json"));
        if (response.statusCode() != 200) {
            throw ErrorBodies.parse(mapper, response.statusCode(), response.body());
        }
    }

    private void closeQueryQuietly(String queryId) {
        http.sendAsync(post("/close-query", Map.of("queryId", queryId), "application/json"),
                HttpResponse.BodyHandlers.discarding());
    }

    /**
     * Inserts rows into a stream or table ({@code POST /inserts-stream}) and returns the
     * server's acknowledgements, one per row up to and including the first that failed.
     *
     * @throws RunnelClientException if the target is unknown or the request is refused
     */
    public List<InsertAck> insert(String target, List<Map<String, Object>> rows) {
        StringBuilder body = new StringBuilder();
        body.append(new String(Json.write(mapper, Map.of("target", target)), StandardCharsets.UTF_8)).append('\n');
        for (Map<String, Object> row : rows) {
            body.append(new String(Json.write(mapper, row), StandardCharsets.UTF_8)).append('\n');
        }
        HttpRequest request = HttpRequest.newBuilder(base.resolve("/inserts-stream"))
                .header("Content-Type", DELIMITED)
                .header("Accept", DELIMITED)
                .POST(HttpRequest.BodyPublishers.ofString(body.toString(), StandardCharsets.UTF_8))
                .build();
        HttpResponse<String> response = send(request);
        if (response.statusCode() != 200) {
            throw ErrorBodies.parse(mapper, response.statusCode(), response.body());
        }
        List<InsertAck> acks = new ArrayList<>();
        for (String line : response.body().split("\n")) {
            if (line.isBlank()) {
                continue;
            }
            try {
                JsonNode ack = mapper.readTree(line);
                acks.add(new InsertAck(ack.path("status").asText(), ack.path("seq").asLong(),
                        ack.path("error_code").asInt(0), ack.has("message") ? ack.get("message").asText() : null));
            } catch (IOException e) {
                throw new RunnelClientException("unreadable insert acknowledgement: " + line, e);
            }
        }
        return acks;
    }

    /** {@code GET /info}. */
    public ServerInfo serverInfo() {
        HttpResponse<String> response = send(get("/info"));
        JsonNode root = read(response, new TypeReference<JsonNode>() { });
        return mapper.convertValue(root.get("KsqlServerInfo"), ServerInfo.class);
    }

    /** {@code GET /healthcheck}: whether the server says it is healthy. */
    public boolean isHealthy() {
        HttpResponse<String> response = send(get("/healthcheck"));
        try {
            return mapper.readTree(response.body()).path("isHealthy").asBoolean(false);
        } catch (IOException e) {
            return false;
        }
    }

    /** {@code GET /status/{commandId}}. */
    public CommandStatus commandStatus(String commandId) {
        String path = "/status/" + URLEncoder.encode(commandId, StandardCharsets.UTF_8)
                .replace("+", "%20").replace("%2F", "/");
        return read(send(get(path)), new TypeReference<CommandStatus>() { });
    }

    private HttpRequest post(String path, Object body, String accept) {
        return HttpRequest.newBuilder(base.resolve(path))
                .header("Content-Type", "application/json")
                .header("Accept", accept)
                .POST(HttpRequest.BodyPublishers.ofByteArray(Json.write(mapper, body)))
                .build();
    }

    private HttpRequest get(String path) {
        return HttpRequest.newBuilder(base.resolve(path)).header("Accept", "application/json").GET().build();
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new RunnelClientException("cannot reach " + base + ": " + describe(e), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RunnelClientException("interrupted while waiting for " + base, e);
        }
    }

    private <T> T read(HttpResponse<String> response, TypeReference<T> type) {
        if (response.statusCode() != 200) {
            throw ErrorBodies.parse(mapper, response.statusCode(), response.body());
        }
        try {
            return mapper.readValue(response.body(), type);
        } catch (IOException e) {
            throw new RunnelClientException("unreadable response from " + base + ": " + e.getMessage(), e);
        }
    }

    private static String describe(Throwable t) {
        Throwable root = t;
        while (root.getCause() != null && root.getMessage() == null) {
            root = root.getCause();
        }
        return root.getMessage() != null ? root.getMessage() : root.getClass().getSimpleName();
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }
}
