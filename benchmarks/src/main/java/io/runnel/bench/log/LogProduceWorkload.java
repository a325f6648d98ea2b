package io.runnel.bench.log;

import io.runnel.bench.Options;
import io.runnel.bench.Result;
import io.runnel.bench.Workload;
import io.runnel.common.Serdes;
import io.runnel.log.EmbeddedLog;
import io.runnel.log.EmbeddedLogConfig;
import io.runnel.log.FlushPolicy;
import io.runnel.log.NewTopic;
import io.runnel.log.Producer;
import io.runnel.log.ProducerRecord;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;

/**
 * {@code log-produce}: one producer appends {@code --records} records (16-byte keys from a pool of
 * 10,000 random keys, 100-byte values) to a 4-partition topic of an embedded log and waits for
 * every acknowledgement. Reports throughput and send-to-ack latency (p50/p99, measured on every
 * 16th record).
 *
 * <p>Options: {@code --records 5000000 --flush always|none|interval --compression none
 * --partitions 4 --linger-ms 5 --batch-size 65536 --dir <tmp>}.
 */
public final class LogProduceWorkload implements Workload {
    static final int KEY_SIZE = 16;
    static final int VALUE_SIZE = 100;
    private static final int SAMPLE_EVERY = 16;

    @Override
    public String name() {
        return "log-produce";
    }

    @Override
    public String description() {
        return "one producer, 5M records (16 B keys, 100 B values) to 4 partitions; --flush always|none|interval";
    }

    @Override
    public List<Result> run(Options options) throws Exception {
        long records = options.longValue("records", 5_000_000);
        FlushPolicy flush = LogBench.flush(options, "always");
        String compression = options.string("compression", "none");
        int partitions = options.intValue("partitions", 4);
        int lingerMs = options.intValue("linger-ms", 5);
        int batchSize = options.intValue("batch-size", 65536);
        Path dir = LogBench.dataDir(options, "runnel-log-produce");
        try (EmbeddedLog log = EmbeddedLog.open(EmbeddedLogConfig.of(dir).withFlushPolicy(flush))) {
            log.admin().createTopic(new NewTopic("bench", partitions));
            Map<String, Object> cfg = Map.of("compression.type", compression, "linger.ms", lingerMs,
                    "batch.size", batchSize);
            Random random = new Random(42);
            byte[][] keys = new byte[10_000][KEY_SIZE];
            for (byte[] k : keys) {
                random.nextBytes(k);
            }
            byte[] value = new byte[VALUE_SIZE];
            random.nextBytes(value);
            long[] latencies = new long[(int) (records / SAMPLE_EVERY) + 1];
            int[] sampled = {0};
            long start;
            long end;
            try (Producer<byte[], byte[]> producer = log.producer(cfg, Serdes.byteArray().serializer(),
                    Serdes.byteArray().serializer())) {
                start = System.nanoTime();
                CompletableFuture<?> last = null;
                for (long i = 0; i < records; i++) {
                    CompletableFuture<?> f = producer.send(new ProducerRecord<>("bench", keys[(int) (i % keys.length)], value));
                    if (i % SAMPLE_EVERY == 0) {
                        long sent = System.nanoTime();
                        int slot = (int) (i / SAMPLE_EVERY);
                        f.whenComplete((m, e) -> {
                            latencies[slot] = System.nanoTime() - sent;
                            synchronized (sampled) {
                                sampled[0]++;
                            }
                        });
                    }
                    last = f;
                }
                producer.flush();
                if (last != null) {
                    last.join();
                }
                end = System.nanoTime();
            }
            double seconds = (end - start) / 1e9;
            long[] lat = Arrays.copyOf(latencies, (int) ((records + SAMPLE_EVERY - 1) / SAMPLE_EVERY));
            Arrays.sort(lat);
            Map<String, Object> figures = new LinkedHashMap<>();
            figures.put("MB_per_s", records * (double) (KEY_SIZE + VALUE_SIZE) / 1e6 / seconds);
            figures.put("p50_ms", percentile(lat, 0.50) / 1e6);
            figures.put("p99_ms", percentile(lat, 0.99) / 1e6);
            figures.put("flush", flush.toString());
            figures.put("compression", compression);
            figures.put("records", records);
            figures.put("seconds", seconds);
            return List.of(new Result(name(), "runnel", records / seconds, figures));
        } finally {
            LogBench.delete(dir);
        }
    }

    private static double percentile(long[] sorted, double q) {
        if (sorted.length == 0) {
            return 0;
        }
        return sorted[Math.min(sorted.length - 1, (int) Math.floor(q * sorted.length))];
    }
}
