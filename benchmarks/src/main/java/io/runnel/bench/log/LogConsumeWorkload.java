package io.runnel.bench.log;

import io.runnel.bench.Options;
import io.runnel.bench.Result;
import io.runnel.bench.Workload;
import io.runnel.common.Serdes;
import io.runnel.common.TopicPartition;
import io.runnel.log.Consumer;
import io.runnel.log.ConsumerRecords;
import io.runnel.log.EmbeddedLog;
import io.runnel.log.EmbeddedLogConfig;
import io.runnel.log.FlushPolicy;
import io.runnel.log.NewTopic;
import io.runnel.log.Producer;
import io.runnel.log.ProducerRecord;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * {@code log-consume}: fills a 4-partition topic with {@code --records} records (16-byte keys,
 * 100-byte values; not timed), then one consumer reads everything from the beginning. Reports
 * records and MB per second of the read phase.
 *
 * <p>Options: {@code --records 5000000 --partitions 4 --compression none --max-poll-records 2000
 * --warmup-passes 1 --dir <tmp>}. The consumer first reads everything {@code --warmup-passes} times
 * (JIT warm-up, as a long-running broker's read path is warm), then the measured pass starts again
 * from the beginning; {@code records_per_s} is that pass. The first warm-up pass is timed too and
 * reported as {@code cold_records_per_s} (the read path still interpreted or in C1), so that both
 * figures stay visible; {@code --warmup-passes 0} measures the cold pass alone.
 */
public final class LogConsumeWorkload implements Workload {

    @Override
    public String name() {
        return "log-consume";
    }

    @Override
    public String description() {
        return "one consumer reads 5M records (16 B keys, 100 B values) of 4 partitions from the beginning";
    }

    @Override
    public List<Result> run(Options options) throws Exception {
        long records = options.longValue("records", 5_000_000);
        int partitions = options.intValue("partitions", 4);
        String compression = options.string("compression", "none");
        int maxPollRecords = options.intValue("max-poll-records", 2000);
        int warmupPasses = options.intValue("warmup-passes", 1);
        Path dir = LogBench.dataDir(options, "runnel-log-consume");
        try (EmbeddedLog log = EmbeddedLog.open(EmbeddedLogConfig.of(dir).withFlushPolicy(FlushPolicy.NONE))) {
            log.admin().createTopic(new NewTopic("bench", partitions));
            Random random = new Random(42);
            byte[][] keys = new byte[10_000][LogProduceWorkload.KEY_SIZE];
            for (byte[] k : keys) {
                random.nextBytes(k);
            }
            byte[] value = new byte[LogProduceWorkload.VALUE_SIZE];
            random.nextBytes(value);
            try (Producer<byte[], byte[]> producer = log.producer(Map.of("linger.ms", 5, "batch.size", 65536,
                    "compression.type", compression), Serdes.byteArray().serializer(), Serdes.byteArray().serializer())) {
                for (long i = 0; i < records; i++) {
                    producer.send(new ProducerRecord<>("bench", keys[(int) (i % keys.length)], value));
                }
                producer.flush();
            }
            List<TopicPartition> tps = new ArrayList<>();
            for (int p = 0; p < partitions; p++) {
                tps.add(new TopicPartition("bench", p));
            }
            long read = 0;
            long bytes = 0;
            long start;
            double cpuStart;
            double coldSeconds = Double.NaN;
            try (Consumer<byte[], byte[]> consumer = log.consumer(Map.of("auto.offset.reset", "earliest",
                    "max.poll.records", maxPollRecords), Serdes.byteArray().deserializer(), Serdes.byteArray().deserializer())) {
                consumer.assign(tps);
                for (int pass = 0; pass < warmupPasses; pass++) { // lets the JIT compile the read path
                    consumer.seekToBeginning(tps);
                    long passStart = System.nanoTime();
                    readAll(consumer, records);
                    if (pass == 0) {
                        coldSeconds = (System.nanoTime() - passStart) / 1e9;
                    }
                }
                consumer.seekToBeginning(tps);
                cpuStart = LogBench.processCpuSeconds();
                start = System.nanoTime();
                long[] counts = readAll(consumer, records);
                read = counts[0];
                bytes = counts[1];
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            double cpu = LogBench.processCpuSeconds() - cpuStart;
            Map<String, Object> figures = new LinkedHashMap<>();
            figures.put("MB_per_s", bytes / 1e6 / seconds);
            figures.put("cpu_s", cpu);
            figures.put("records_per_cpu_s", read / cpu);
            figures.put("compression", compression);
            figures.put("warmup_passes", warmupPasses);
            if (warmupPasses > 0) {
                figures.put("cold_records_per_s", read / coldSeconds);
            }
            figures.put("records", read);
            figures.put("seconds", seconds);
            return List.of(new Result(name(), "runnel", read / seconds, figures));
        } finally {
            LogBench.delete(dir);
        }
    }

    /** Polls until {@code records} records were read; returns {records, key and value bytes}. */
    private static long[] readAll(Consumer<byte[], byte[]> consumer, long records) {
        long read = 0;
        long bytes = 0;
        while (read < records) {
            ConsumerRecords<byte[], byte[]> batch = consumer.poll(Duration.ofSeconds(5));
            if (batch.isEmpty()) {
                throw new IllegalStateException("no records after " + read + " of " + records);
            }
            for (var r : batch) {
                bytes += r.key().length + r.value().length;
                read++;
            }
        }
        return new long[] {read, bytes};
    }
}
