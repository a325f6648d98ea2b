package io.runnel.bench.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.runnel.bench.Options;
import io.runnel.bench.Result;
import io.runnel.bench.Workload;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code server-inserts}: rows streamed through {@code POST /inserts-stream} into a stream that a
 * persistent aggregate query ({@code CREATE TABLE ... AS SELECT id, COUNT(*), SUM(n) ... GROUP BY
 * id}) reads. Reports rows/s acknowledged (durable in the log), then how long until the
 * aggregate had processed every row, checked by a pull query whose answer must be exact.
 *
 * <p>Options: {@code --rows 1000000 --keys 10000 --partitions 4 --dir <tmp>}.
 */
public final class ServerInsertsWorkload implements Workload {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    public String name() {
        return "server-inserts";
    }

    @Override
    public String description() {
        return "rows through /inserts-stream into a stream feeding a GROUP BY count/sum; --rows 1000000 --keys 10000";
    }

    @Override
    public List<Result> run(Options options) throws Exception {
        long rows = options.longValue("rows", 1_000_000);
        int keys = options.intValue("keys", 10_000);
        int partitions = options.intValue("partitions", 4);
        Path dir = Path.of(options.string("dir", Files.createTempDirectory("runnel-server-inserts").toString()));
        try (ServerFixture server = ServerFixture.start(dir)) {
            server.ksql("CREATE STREAM ingest (id INT KEY, v STRING, n BIGINT) WITH (kafka_topic='ingest', partitions="
                    + partitions + ", value_format='json');"
                    + "CREATE TABLE totals AS SELECT id, COUNT(*) AS c, SUM(n) AS s FROM ingest GROUP BY id;");
            long start = System.nanoTime();
            long acked = 0;
            try (InputStream body = server.insertStream("INGEST", rows,
                    i -> "{\"ID\":" + (i % keys) + ",\"V\":\"value-" + i + "\",\"N\":" + i + "}", false);
                 BufferedReader acks = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8))) {
                String line;
                while ((line = acks.readLine()) != null) {
                    if (!line.startsWith("{\"status\":\"ok\"")) {
                        throw new IllegalStateException("insert failed: " + line);
                    }
                    acked++;
                }
            }
            long ingestNanos = System.nanoTime() - start;
            if (acked != rows) {
                throw new IllegalStateException("acknowledged " + acked + " of " + rows + " rows");
            }
            // Read-your-writes: the pull query waits until the aggregate has processed every row.
            long expectedCount = rows / keys + (0 < rows % keys ? 1 : 0);
            JsonNode row = pullRow(server, "SELECT * FROM totals WHERE id = 0;");
            long processedNanos = System.nanoTime() - start;
            if (row == null || row.get(1).asLong() != expectedCount) {
                throw new IllegalStateException("key 0 counted " + row + ", expected " + expectedCount);
            }
            Map<String, Object> figures = new LinkedHashMap<>();
            figures.put("rows", rows);
            figures.put("ingest_s", ingestNanos / 1e9);
            figures.put("processed_rows_per_s", rows / (processedNanos / 1e9));
            figures.put("processed_s", processedNanos / 1e9);
            return List.of(new Result(name(), "runnel", rows / (ingestNanos / 1e9), figures));
        }
    }

    /** The first row of a pull query's answer ({@code /query-stream}, delimited), or null. */
    static JsonNode pullRow(ServerFixture server, String sql) throws Exception {
        String body = "{\"sql\":" + ServerFixture.quote(sql) + ",\"properties\":{}}";
        HttpResponse<String> r = server.http.send(HttpRequest.newBuilder(server.uri("/query-stream"))
                .header("Accept", "application/vnd.ksqlapi.delimited.v1")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IllegalStateException("pull query answered " + r.statusCode() + ": " + r.body());
        }
        String[] lines = r.body().split("\n");
        return lines.length < 2 ? null : JSON.readTree(lines[1]);
    }
}
