package io.runnel.bench.log;

import io.runnel.bench.Options;
import io.runnel.bench.Result;
import io.runnel.bench.Workload;
import io.runnel.common.Time;
import io.runnel.common.TopicPartition;
import io.runnel.log.FlushPolicy;
import io.runnel.log.ProducerRecord;
import io.runnel.log.StandalonePartitionLog;
import io.runnel.log.TopicConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;

/**
 * {@code log-append-raw}: appends 100-byte values with 16-byte keys straight to partition logs
 * (no clients), one thread per partition with a few batches in flight, once per flush policy.
 * Reports records/s and MB/s of key+value payload.
 *
 * <p>Options: {@code --partitions 4}, {@code --records 400000} (per policy, spread over the
 * partitions), {@code --batch 100} records per append, {@code --in-flight 8} appends per
 * partition, {@code --flush always,none}, {@code --dir} (default: a temp directory, deleted after).
 */
public final class LogAppendRawWorkload implements Workload {
    private static final int KEY_SIZE = 16;
    private static final int VALUE_SIZE = 100;

    @Override
    public String name() {
        return "log-append-raw";
    }

    @Override
    public String description() {
        return "append 100 B values / 16 B keys to 4 partition logs directly, flush=always and flush=none";
    }

    @Override
    public List<Result> run(Options options) throws Exception {
        int partitions = options.intValue("partitions", 4);
        long records = options.longValue("records", 400_000);
        int batch = options.intValue("batch", 100);
        int inFlight = options.intValue("in-flight", 8);
        String flushes = options.string("flush", "always,none");
        String dirOption = options.string("dir", null);
        List<Result> results = new ArrayList<>();
        for (String flush : flushes.split(",")) {
            FlushPolicy policy = FlushPolicy.parse(flush);
            Path dir = dirOption != null ? Files.createDirectories(Path.of(dirOption).resolve(flush.replace(':', '-')))
                    : Files.createTempDirectory("runnel-bench-log-");
            try {
                results.add(measure(policy, dir, partitions, records, batch, inFlight));
            } finally {
                deleteRecursively(dir);
            }
        }
        return results;
    }

    private Result measure(FlushPolicy policy, Path dir, int partitions, long records, int batch, int inFlight)
            throws Exception {
        TopicConfig config = TopicConfig.from(Map.of(TopicConfig.SEGMENT_BYTES, 256 << 20));
        List<StandalonePartitionLog> logs = new ArrayList<>();
        for (int p = 0; p < partitions; p++) {
            logs.add(StandalonePartitionLog.open(dir.resolve("bench-" + p), new TopicPartition("bench", p), config,
                    policy, Time.SYSTEM));
        }
        List<ProducerRecord<byte[], byte[]>> payload = payload(batch);
        long batchesPerPartition = Math.max(1, records / partitions / batch);
        try {
            run(logs, payload, Math.max(1, batchesPerPartition / 10), inFlight); // warm-up
            long start = System.nanoTime();
            run(logs, payload, batchesPerPartition, inFlight);
            double seconds = (System.nanoTime() - start) / 1e9;
            long total = batchesPerPartition * batch * partitions;
            Map<String, Object> figures = new LinkedHashMap<>();
            figures.put("MB_per_s", total * (double) (KEY_SIZE + VALUE_SIZE) / 1e6 / seconds);
            figures.put("flush", policy.toString());
            figures.put("partitions", partitions);
            figures.put("records", total);
            figures.put("batch", batch);
            figures.put("in_flight", inFlight);
            figures.put("seconds", seconds);
            return new Result(name(), "runnel-flush-" + policy.toString().replace(':', '-'), total / seconds, figures);
        } finally {
            for (StandalonePartitionLog log : logs) {
                log.close();
            }
        }
    }

    private static void run(List<StandalonePartitionLog> logs, List<ProducerRecord<byte[], byte[]>> payload,
                            long batches, int inFlight) throws InterruptedException {
        List<Thread> threads = new ArrayList<>();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        for (StandalonePartitionLog log : logs) {
            Thread t = new Thread(() -> {
                Semaphore window = new Semaphore(inFlight);
                CompletableFuture<Long> last = null;
                try {
                    for (long i = 0; i < batches; i++) {
                        window.acquire();
                        last = log.append(payload, System.currentTimeMillis());
                        last.whenComplete((o, e) -> {
                            if (e != null) {
                                failure.compareAndSet(null, e);
                            }
                            window.release();
                        });
                    }
                    window.acquire(inFlight);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }, "bench-append-" + threads.size());
            threads.add(t);
            t.start();
        }
        for (Thread t : threads) {
            t.join();
        }
        if (failure.get() != null) {
            throw new IllegalStateException("append failed", failure.get());
        }
    }

    private static List<ProducerRecord<byte[], byte[]>> payload(int batch) {
        Random random = new Random(1);
        List<ProducerRecord<byte[], byte[]>> records = new ArrayList<>(batch);
        for (int i = 0; i < batch; i++) {
            byte[] key = new byte[KEY_SIZE];
            byte[] value = new byte[VALUE_SIZE];
            random.nextBytes(key);
            random.nextBytes(value);
            records.add(new ProducerRecord<>("bench", key, value));
        }
        return records;
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) files.sorted(Comparator.reverseOrder())::iterator) {
                Files.deleteIfExists(p);
            }
        }
    }
}
