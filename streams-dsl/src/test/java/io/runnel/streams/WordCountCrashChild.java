package io.runnel.streams;

import io.runnel.common.Serdes;
import io.runnel.common.TopicPartition;
import io.runnel.log.Admin;
import io.runnel.log.OffsetAndMetadata;
import io.runnel.log.UnknownGroupException;
import io.runnel.log.EmbeddedLog;
import io.runnel.log.EmbeddedLogConfig;
import io.runnel.log.FlushPolicy;
import io.runnel.state.KeyValueStore;
import io.runnel.streams.dsl.Consumed;
import io.runnel.streams.dsl.Grouped;
import io.runnel.streams.dsl.Materialized;
import io.runnel.streams.dsl.Produced;
import io.runnel.streams.dsl.StoreType;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;

/**
 * The child JVM of {@link StreamsProcessCrashTest}: runs a word count (RocksDB store, change
 * logged, record cache on, commit every 50 ms) over the embedded log in {@code args[0]} until it is
 * killed. Prints {@code STARTED} once the runtime runs, then {@code COMMITTED <n>} every 10 ms: the
 * input lines whose offsets the application has committed.
 */
public final class WordCountCrashChild {
    static final String APPLICATION_ID = "crash-wc";
    static final String STORE = "counts";

    private WordCountCrashChild() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        EmbeddedLog log = EmbeddedLog.open(logConfig(dir));
        StreamsRuntime runtime = new StreamsRuntime(topology(), config(dir), log);
        runtime.setUncaughtExceptionHandler(e -> {
            e.printStackTrace();
            System.exit(3);
        });
        runtime.start();
        System.out.println("STARTED");
        System.out.flush();
        try (Admin admin = log.admin()) {
            while (true) {
                System.out.println("COMMITTED " + committedLines(admin));
                System.out.flush();
                Thread.sleep(10);
            }
        }
    }

    /** Input lines whose offsets the application has committed. */
    static long committedLines(Admin admin) {
        Map<TopicPartition, OffsetAndMetadata> offsets;
        try {
            offsets = admin.consumerGroupOffsets(APPLICATION_ID);
        } catch (UnknownGroupException e) {
            return 0; // the stream thread has not joined yet
        }
        long committed = 0;
        for (Map.Entry<TopicPartition, OffsetAndMetadata> e : offsets.entrySet()) {
            if (e.getKey().topic().equals("lines")) {
                committed += e.getValue().offset();
            }
        }
        return committed;
    }

    static EmbeddedLogConfig logConfig(Path dir) {
        // a process kill keeps what reached the page cache, so no fsync is needed for this test
        return EmbeddedLogConfig.of(dir.resolve("log")).withFlushPolicy(FlushPolicy.NONE);
    }

    static Topology topology() {
        StreamsBuilder b = new StreamsBuilder();
        b.stream("lines", Consumed.with(Serdes.string(), Serdes.string()))
                .flatMapValues(line -> Arrays.asList(line.split(" ")))
                .groupBy((k, w) -> w, Grouped.with(Serdes.string(), Serdes.string()).withName("words"))
                .count(Materialized.<String, Long, KeyValueStore<String, Long>>as(STORE).withStoreType(StoreType.ROCKS_DB))
                .toStream().to("counts", Produced.with(Serdes.string(), Serdes.longSerde()));
        return b.build();
    }

    static Map<String, Object> config(Path dir) {
        return Map.of(StreamsConfig.APPLICATION_ID_CONFIG, APPLICATION_ID,
                StreamsConfig.STATE_DIR_CONFIG, dir.resolve("state").toString(),
                StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, "50");
    }
}
