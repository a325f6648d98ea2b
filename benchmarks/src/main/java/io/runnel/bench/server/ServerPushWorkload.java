package io.runnel.bench.server;

import io.runnel.bench.Options;
import io.runnel.bench.Result;
import io.runnel.bench.Workload;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code server-push}: a push query ({@code SELECT ... EMIT CHANGES} on {@code /query-stream})
 * on a stream, then rows streamed into it through {@code /inserts-stream} as fast as the server
 * takes them. Reports rows/s delivered to the push-query client, from the first row it read to
 * the last.
 *
 * <p>Options: {@code --rows 500000 --dir <tmp>}.
 */
public final class ServerPushWorkload implements Workload {

    @Override
    public String name() {
        return "server-push";
    }

    @Override
    public String description() {
        return "rows/s delivered to a push-query client while rows stream in through /inserts-stream; --rows 500000";
    }

    @Override
    public List<Result> run(Options options) throws Exception {
        long rows = options.longValue("rows", 500_000);
        Path dir = Path.of(options.string("dir", Files.createTempDirectory("runnel-server-push").toString()));
        try (ServerFixture server = ServerFixture.start(dir)) {
            server.ksql("CREATE STREAM ingest (id INT KEY, v STRING, n BIGINT) WITH (kafka_topic='ingest', "
                    + "partitions=1, value_format='json');");
            try (PushQueryReader reader = new PushQueryReader(server.pushQuery("SELECT * FROM ingest EMIT CHANGES;"),
                    PushQueryReader.counting())) {
                reader.awaitHeader();
                long start = System.nanoTime();
                try (InputStream acks = server.insertStream("INGEST", rows,
                        i -> "{\"ID\":" + (i % 1000) + ",\"V\":\"value-" + i + "\",\"N\":" + i + "}", false)) {
                    acks.transferTo(OutputSink.INSTANCE);
                }
                if (!reader.awaitRows(rows, 600_000)) {
                    throw new IllegalStateException("push query delivered " + reader.rows() + " of " + rows + " rows");
                }
                double deliverySeconds = (reader.lastNanos() - reader.firstNanos()) / 1e9;
                Map<String, Object> figures = new LinkedHashMap<>();
                figures.put("rows", rows);
                figures.put("delivery_s", deliverySeconds);
                figures.put("end_to_end_s", (reader.lastNanos() - start) / 1e9);
                return List.of(new Result(name(), "runnel", rows / deliverySeconds, figures));
            }
        }
    }

    /** Discards what is written to it. */
    static final class OutputSink extends java.io.OutputStream {
        static final OutputSink INSTANCE = new OutputSink();

        @Override
        public void write(int b) {
        }

        @Override
        public void write(byte[] b, int off, int len) {
        }
    }
}
