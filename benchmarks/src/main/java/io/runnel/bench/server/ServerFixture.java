package io.runnel.bench.server;

import io.runnel.server.api.RunnelServer;
import io.runnel.server.api.RunnelServerConfig;
import io.runnel.server.api.StatementExecutor;
import io.runnel.server.api.StatementExecutorFactory;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.function.LongFunction;

/**
 * A Runnel server as {@code ./runnel server} runs it (the engine found through
 * {@link StatementExecutorFactory}, its default log durability), on 127.0.0.1 on a free port,
 * with its data in a fresh directory; and the HTTP calls the server workloads make.
 */
final class ServerFixture implements AutoCloseable {
    private final StatementExecutor executor;
    private final RunnelServer server;
    final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private ServerFixture(StatementExecutor executor, RunnelServer server) {
        this.executor = executor;
        this.server = server;
    }

    static ServerFixture start(Path dataDir) throws Exception {
        Files.createDirectories(dataDir);
        StatementExecutor executor = StatementExecutorFactory.load()
                .orElseThrow(() -> new IllegalStateException("no engine on the class path"))
                .create(dataDir, Map.of("commit.interval.ms", "100", "runnel.pull.wait.ms", "600000"));
        RunnelServer server = RunnelServer.start(RunnelServerConfig.defaults().withPort(0).withDataDir(dataDir), executor);
        return new ServerFixture(executor, server);
    }

    URI uri(String path) {
        return server.uri().resolve(path);
    }

    /** {@code POST /ksql}; fails unless it answers 200. */
    String ksql(String sql) throws IOException, InterruptedException {
        String body = "{\"ksql\":" + quote(sql) + "}";
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(uri("/ksql"))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IllegalStateException("/ksql answered " + r.statusCode() + ": " + r.body());
        }
        return r.body();
    }

    /**
     * Streams {@code rows} rows to {@code /inserts-stream} (row {@code i}'s JSON from
     * {@code row}) and returns the response body, one acknowledgement per line, as it arrives.
     */
    InputStream insertStream(String target, long rows, LongFunction<String> row, boolean lineAtATime)
            throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(uri("/inserts-stream"))
                .header("Content-Type", "application/vnd.ksqlapi.delimited.v1")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new LinesInputStream(
                        "{\"target\":" + quote(target) + "}", rows, row, lineAtATime)))
                .build();
        HttpResponse<InputStream> r = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
        if (r.statusCode() != 200) {
            throw new IllegalStateException("/inserts-stream answered " + r.statusCode() + ": "
                    + new String(r.body().readAllBytes(), StandardCharsets.UTF_8));
        }
        return r.body();
    }

    /** Starts a push query on {@code /query-stream} (delimited rows) and returns its body as it streams. */
    InputStream pushQuery(String sql) throws IOException, InterruptedException {
        String body = "{\"sql\":" + quote(sql) + ",\"properties\":{}}";
        HttpResponse<InputStream> r = http.send(HttpRequest.newBuilder(uri("/query-stream"))
                .header("Accept", "application/vnd.ksqlapi.delimited.v1")
                .timeout(Duration.ofMinutes(30))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofInputStream());
        if (r.statusCode() != 200) {
            throw new IllegalStateException("/query-stream answered " + r.statusCode());
        }
        return r.body();
    }

    static String quote(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    @Override
    public void close() {
        server.close();
        executor.close();
    }
}
