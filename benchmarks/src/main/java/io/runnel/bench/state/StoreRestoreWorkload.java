package io.runnel.bench.state;

import io.runnel.bench.Options;
import io.runnel.bench.Result;
import io.runnel.bench.Workload;
import io.runnel.common.Serdes;
import io.runnel.common.TopicPartition;
import io.runnel.log.Admin;
import io.runnel.log.Consumer;
import io.runnel.log.ConsumerRecords;
import io.runnel.log.EmbeddedLog;
import io.runnel.log.EmbeddedLogConfig;
import io.runnel.log.FlushPolicy;
import io.runnel.log.NewTopic;
import io.runnel.log.Producer;
import io.runnel.log.ProducerRecord;
import io.runnel.state.ChangelogRestorer;
import io.runnel.state.KeyValueStore;
import io.runnel.state.Stores;
import io.runnel.state.TaskStateManager;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Restore rate: a changelog of {@code --records} records (default 5,000,000; 16-byte distinct
 * keys, 100-byte values) is written to an {@link EmbeddedLog} (not timed), then a RocksDB
 * key-value store is restored from it with {@link TaskStateManager#restore} (timed, including the
 * final flush of the store to disk). For reference the same changelog is also read without
 * applying it ({@code system=log-read}), the floor set by the log.
 * {@code --max-poll-records} (default 10,000) sizes the restore batches.
 */
public final class StoreRestoreWorkload implements Workload {

    @Override
    public String name() {
        return "store-restore";
    }

    @Override
    public String description() {
        return "state-store restore of a RocksDB store from an embedded-log changelog; --records 5000000";
    }

    @Override
    public List<Result> run(Options options) {
        long records = options.longValue("records", 5_000_000);
        String maxPoll = String.valueOf(options.intValue("max-poll-records", 10_000));
        Options benchOptions = Options.of(Map.of("ops", String.valueOf(records),
                "dir", options.string("dir", System.getProperty("java.io.tmpdir"))));
        benchOptions.longValue("ops", 0);
        List<Result> results = new ArrayList<>();
        try (StoreBench bench = new StoreBench(benchOptions);
             EmbeddedLog log = EmbeddedLog.open(EmbeddedLogConfig.of(bench.dir.resolve("log"))
                     .withFlushPolicy(FlushPolicy.NONE).withCleaner(false))) {
            TopicPartition tp = new TopicPartition(Stores.changelogTopic("bench", "store"), 0);
            try (Admin admin = log.admin()) {
                admin.createTopic(new NewTopic(tp.topic(), 1, Map.of("cleanup.policy", "compact")));
            }
            try (Producer<byte[], byte[]> producer = log.producer(Map.of("linger.ms", "5", "batch.size", "262144"),
                    Serdes.byteArray().serializer(), Serdes.byteArray().serializer())) {
                for (long i = 0; i < records; i++) {
                    byte[] key = new byte[StoreBench.KEY_SIZE];
                    StoreBench.key(i, key);
                    producer.send(new ProducerRecord<>(tp.topic(), 0, key, StoreBench.value(i)));
                }
                producer.flush();
            }
            Map<String, Object> consumerConfig = Map.of("max.poll.records", maxPoll, "auto.offset.reset", "none");

            long readCount = 0;
            long start = System.nanoTime();
            long cpu = StoreBench.cpuNanos();
            try (Consumer<byte[], byte[]> consumer = log.consumer(consumerConfig,
                    Serdes.byteArray().deserializer(), Serdes.byteArray().deserializer())) {
                consumer.assign(List.of(tp));
                consumer.seekToBeginning(List.of(tp));
                while (consumer.position(tp) < records) {
                    ConsumerRecords<byte[], byte[]> batch = consumer.poll(Duration.ofMillis(100));
                    readCount += batch.count();
                }
            }
            results.add(result("log-read", readCount, System.nanoTime() - start, StoreBench.cpuNanos() - cpu, Map.of()));

            TaskStateManager manager = TaskStateManager.builder("bench", "0_0", 0, bench.dir.resolve("state"))
                    .rocksDBResources(bench.rocks).build();
            KeyValueStore<byte[], byte[]> store = Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore("store"),
                    Serdes.byteArray(), Serdes.byteArray()).build();
            manager.initStores(List.of(store));
            PollTimer polls = new PollTimer();
            try (Consumer<byte[], byte[]> consumer = log.consumer(consumerConfig,
                    Serdes.byteArray().deserializer(), Serdes.byteArray().deserializer())) {
                start = System.nanoTime();
                cpu = StoreBench.cpuNanos();
                Map<TopicPartition, ChangelogRestorer.Result> restored = manager.restore(polls.wrap(consumer));
                long restoreNs = System.nanoTime() - start;
                manager.flush();
                long ns = System.nanoTime() - start;
                long restoredRecords = restored.get(tp).restoredRecords();
                Map<String, Object> phases = new LinkedHashMap<>();
                phases.put("read_seconds", polls.pollSeconds());
                phases.put("apply_seconds", restoreNs / 1e9 - polls.pollSeconds());
                phases.put("flush_seconds", (ns - restoreNs) / 1e9);
                results.add(result("runnel", restoredRecords, ns, StoreBench.cpuNanos() - cpu, phases));
                byte[] probe = new byte[StoreBench.KEY_SIZE];
                StoreBench.key(records - 1, probe);
                if (store.get(probe) == null) {
                    throw new IllegalStateException("the last changelog record was not restored");
                }
            } finally {
                manager.close();
            }
        }
        return results;
    }

    private static Result result(String system, long records, long ns, long cpuNs, Map<String, Object> phases) {
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("records", records);
        figures.put("seconds", ns / 1e9);
        figures.put("cpu_ns_per_record", cpuNs / (double) records);
        figures.putAll(phases);
        return new Result("store-restore", system, records * 1e9 / ns, figures);
    }
}
