package io.runnel.bench.e2e;

import io.runnel.bench.Options;
import io.runnel.bench.Result;
import io.runnel.bench.Workload;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * A scenario as a workload: Runnel's {@code StreamsRuntime} over the embedded log against Kafka
 * Streams over an Apache Kafka broker started in this JVM on 127.0.0.1. Each system: input
 * pre-loaded (not timed), an untimed warm-up run on its own topics, then the timed run from
 * {@code start()} until the output tracker has seen the last output record.
 *
 * <p>Options: {@code --records N}, {@code --system runnel|kafka|both} (both), {@code --warmup N}
 * (records of the warm-up run, default min(records/5, 500k); 0 = none), {@code --flush
 * always|none|interval:MS} (the embedded log's flush policy, default none = Kafka's default of no
 * fsync per write), {@code --timeout-s N} (600), {@code --cache-bytes N} (record cache of both
 * systems, {@code statestore.cache.max.bytes}; default each system's default, 10 MB),
 * {@code --kafka-fetch-max-wait-ms N} (Kafka Streams' main consumer {@code fetch.max.wait.ms},
 * default {@value #DEFAULT_KAFKA_FETCH_MAX_WAIT_MS}; -1 = Kafka's own 500: then a fetch for the
 * caught-up partitions only, while the others are paused with full buffers, waits 500 ms at the
 * broker each time, and the stateful runs crawl or time out; a tuning any user of this workload
 * would make, and one that only helps Kafka), plus the scenario's own options.
 */
final class E2eWorkload implements Workload {
    static final long DEFAULT_KAFKA_FETCH_MAX_WAIT_MS = 5;
    private final String name;
    private final String description;
    private final long defaultRecords;
    private final Function<Options, E2eScenario> scenario;

    E2eWorkload(String name, String description, long defaultRecords, Function<Options, E2eScenario> scenario) {
        this.name = name;
        this.description = description;
        this.defaultRecords = defaultRecords;
        this.scenario = scenario;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String description() {
        return description;
    }

    @Override
    public List<Result> run(Options options) throws Exception {
        long records = options.longValue("records", defaultRecords);
        long warmup = options.longValue("warmup", Math.min(records / 5, 500_000));
        String system = options.string("system", "both");
        String flush = options.string("flush", "none");
        long timeoutMs = options.longValue("timeout-s", 600) * 1000;
        long cacheBytes = options.longValue("cache-bytes", -1);
        long kafkaFetchMaxWaitMs = options.longValue("kafka-fetch-max-wait-ms", DEFAULT_KAFKA_FETCH_MAX_WAIT_MS);
        E2eScenario s = scenario.apply(options);
        List<Result> out = new ArrayList<>();
        if (!system.equals("kafka")) {
            out.add(new RunnelE2e(name, s, flush, timeoutMs, cacheBytes).run(records, warmup));
        }
        if (!system.equals("runnel")) {
            out.add(new KafkaE2e(name, s, timeoutMs, cacheBytes, kafkaFetchMaxWaitMs).run(records, warmup));
        }
        return out;
    }
}
