package io.runnel.bench.e2e;

import io.runnel.bench.Result;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;

/**
 * Runs a scenario on Kafka Streams 3.9 over an Apache Kafka broker started in this JVM
 * ({@link KafkaBroker}): one stream thread, Kafka Streams' defaults (RocksDB stores, 10 MB record
 * cache, at-least-once) with {@code commit.interval.ms=100} for stateful scenarios.
 */
final class KafkaE2e {
    private final String workload;
    private final E2eScenario scenario;
    private final long timeoutMs;
    private final long cacheBytes;
    private final long fetchMaxWaitMs;

    KafkaE2e(String workload, E2eScenario scenario, long timeoutMs, long cacheBytes, long fetchMaxWaitMs) {
        this.cacheBytes = cacheBytes;
        this.fetchMaxWaitMs = fetchMaxWaitMs;
        this.workload = workload;
        this.scenario = scenario;
        this.timeoutMs = timeoutMs;
    }

    Result run(long records, long warmup) throws Exception {
        Path stateDir = Files.createTempDirectory("runnel-bench-e2e-kafka-streams-");
        try (KafkaBroker broker = KafkaBroker.start()) {
            if (warmup > 0) {
                once(broker, stateDir, "warmup-", warmup);
            }
            System.gc();
            RunnelE2e.Timed t = once(broker, stateDir, "run-", records);
            Map<String, Object> figures = new LinkedHashMap<>();
            figures.put("records", scenario.inputRecords(records));
            figures.put("outputs", t.outputs());
            figures.put("seconds", t.seconds());
            figures.putAll(scenario.figures(records, t.seconds()));
            figures.put("load_seconds", t.loadSeconds());
            figures.put("cpu_seconds", t.cpuSeconds());
            figures.put("loadavg", Machine.loadAverage());
            figures.put("cache_bytes", cacheBytes < 0 ? "default" : Long.toString(cacheBytes));
            figures.put("fetch_max_wait_ms", fetchMaxWaitMs < 0 ? "default" : Long.toString(fetchMaxWaitMs));
            return new Result(workload, "kafka", scenario.inputRecords(records) / t.seconds(), figures);
        } finally {
            KafkaBroker.deleteRecursively(stateDir);
        }
    }

    private RunnelE2e.Timed once(KafkaBroker broker, Path stateDir, String prefix, long records) throws Exception {
        String output = scenario.outputTopic(prefix);
        Properties common = new Properties();
        common.put("bootstrap.servers", broker.bootstrapServers());
        try (Admin admin = Admin.create(common)) {
            List<NewTopic> topics = new ArrayList<>();
            for (String t : scenario.inputTopics(prefix)) {
                topics.add(new NewTopic(t, 1, (short) 1));
            }
            topics.add(new NewTopic(output, 1, (short) 1));
            admin.createTopics(topics).all().get();
        }
        long loadStart = System.nanoTime();
        Properties pp = new Properties();
        pp.putAll(common);
        pp.put("linger.ms", "5");
        pp.put("batch.size", "262144");
        try (KafkaProducer<byte[], byte[]> p = new KafkaProducer<>(pp, new ByteArraySerializer(), new ByteArraySerializer())) {
            scenario.load(prefix, records, (topic, key, value, ts) -> p.send(new ProducerRecord<>(topic, 0, ts, key, value)));
            p.flush();
        }
        double loadSeconds = (System.nanoTime() - loadStart) / 1e9;

        Properties sp = new Properties();
        sp.putAll(common);
        sp.put(StreamsConfig.APPLICATION_ID_CONFIG, prefix + "app");
        sp.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        sp.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, 1);
        if (scenario.stateful()) {
            sp.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, 100);
        }
        if (cacheBytes >= 0) {
            sp.put(StreamsConfig.STATESTORE_CACHE_MAX_BYTES_CONFIG, cacheBytes);
        }
        if (fetchMaxWaitMs >= 0) {
            sp.put(StreamsConfig.mainConsumerPrefix("fetch.max.wait.ms"), (int) fetchMaxWaitMs);
        }
        sp.put(StreamsConfig.consumerPrefix("auto.offset.reset"), "earliest");
        OutputTracker tracker = scenario.tracker(records);
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Properties cp = new Properties();
        cp.putAll(common);
        cp.put("auto.offset.reset", "earliest");
        cp.put("max.poll.records", "10000");
        try (KafkaConsumer<byte[], byte[]> out = new KafkaConsumer<>(cp, new ByteArrayDeserializer(),
                new ByteArrayDeserializer())) {
            TopicPartition tp = new TopicPartition(output, 0);
            out.assign(List.of(tp));
            out.seekToBeginning(List.of(tp));
            KafkaStreams streams = new KafkaStreams(scenario.kafka(prefix), sp);
            streams.setUncaughtExceptionHandler(e -> {
                failure.set(e);
                return org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse
                        .SHUTDOWN_CLIENT;
            });
            long cpuStart = Machine.processCpuNanos();
            long start = System.nanoTime();
            long deadline = start + timeoutMs * 1_000_000;
            streams.start();
            try {
                tracker.awaitDone(t -> out.poll(Duration.ofMillis(50)).forEach(r -> t.accept(r.key(), r.value())),
                        failure, deadline, "kafka " + workload);
                double seconds = (System.nanoTime() - start) / 1e9;
                return new RunnelE2e.Timed(seconds, tracker.outputs(), loadSeconds,
                        (Machine.processCpuNanos() - cpuStart) / 1e9);
            } finally {
                streams.close(Duration.ofMinutes(1));
                streams.cleanUp();
            }
        }
    }
}
