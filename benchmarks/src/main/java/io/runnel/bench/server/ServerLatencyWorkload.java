package io.runnel.bench.server;

import io.runnel.bench.Options;
import io.runnel.bench.Result;
import io.runnel.bench.Workload;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;

/**
 * {@code server-latency}: rows inserted through {@code /inserts-stream} at a fixed rate, each
 * carrying the {@link System#nanoTime()} it was sent at, and a push query on the stream; the
 * latency of a row is the time from its send to its arrival at the push-query client (same JVM,
 * so the clocks agree). Rows of the warm-up are not counted. Reports p50, p99 and max.
 *
 * <p>Options: {@code --rate 10000 --seconds 20 --warmup-seconds 5 --dir <tmp>}.
 */
public final class ServerLatencyWorkload implements Workload {

    @Override
    public String name() {
        return "server-latency";
    }

    @Override
    public String description() {
        return "insert-to-push-row latency at a fixed rate through /inserts-stream; --rate 10000 --seconds 20";
    }

    @Override
    public List<Result> run(Options options) throws Exception {
        int rate = options.intValue("rate", 10_000);
        int seconds = options.intValue("seconds", 20);
        int warmupSeconds = options.intValue("warmup-seconds", 5);
        long rows = (long) rate * (seconds + warmupSeconds);
        long warmupRows = (long) rate * warmupSeconds;
        Path dir = Path.of(options.string("dir", Files.createTempDirectory("runnel-server-latency").toString()));
        long[] latencies = new long[(int) (rows - warmupRows)];
        try (ServerFixture server = ServerFixture.start(dir)) {
            server.ksql("CREATE STREAM ingest (id BIGINT KEY, sent BIGINT) WITH (kafka_topic='ingest', "
                    + "partitions=1, value_format='json');");
            try (PushQueryReader reader = new PushQueryReader(server.pushQuery("SELECT id, sent FROM ingest EMIT CHANGES;"),
                    (line, at) -> record(line, at, warmupRows, latencies))) {
                reader.awaitHeader();
                long start = System.nanoTime();
                long intervalNanos = 1_000_000_000L / rate;
                try (InputStream acks = server.insertStream("INGEST", rows, i -> {
                    long due = start + i * intervalNanos;
                    long now;
                    while ((now = System.nanoTime()) < due) {
                        LockSupport.parkNanos(due - now);
                    }
                    return "{\"ID\":" + i + ",\"SENT\":" + System.nanoTime() + "}";
                }, true)) {
                    acks.transferTo(ServerPushWorkload.OutputSink.INSTANCE);
                }
                if (!reader.awaitRows(rows, 120_000)) {
                    throw new IllegalStateException("push query delivered " + reader.rows() + " of " + rows + " rows");
                }
                double achieved = rows / ((reader.lastNanos() - start) / 1e9);
                Arrays.sort(latencies);
                Map<String, Object> figures = new LinkedHashMap<>();
                figures.put("rate", rate);
                figures.put("measured_rows", latencies.length);
                figures.put("p50_ms", latencies[latencies.length / 2] / 1e6);
                figures.put("p99_ms", latencies[(int) (latencies.length * 0.99)] / 1e6);
                figures.put("max_ms", latencies[latencies.length - 1] / 1e6);
                return List.of(new Result(name(), "runnel", achieved, figures));
            }
        }
    }

    /** A row is {@code [id,sent]}: its latency is now minus sent, kept once the warm-up is over. */
    private static void record(String line, long at, long warmupRows, long[] latencies) {
        int comma = line.indexOf(',');
        long id = Long.parseLong(line.substring(1, comma).trim());
        long sent = Long.parseLong(line.substring(comma + 1, line.length() - 1).trim());
        if (id >= warmupRows) {
            latencies[(int) (id - warmupRows)] = at - sent;
        }
    }
}
