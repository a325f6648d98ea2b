package io.runnel.bench.e2e;

import io.runnel.bench.Workload;
import java.util.List;

/**
 * The end-to-end streams workloads: Runnel's runtime over the embedded log against Kafka Streams
 * over an in-process Apache Kafka broker; {@link io.runnel.bench.Workloads} lists every package's
 * registry. Options common to all: see {@link E2eWorkload}.
 */
public final class E2eWorkloads {

    /** In the order {@code list} prints them. */
    public static final List<Workload> ALL = List.of(
            new E2eWorkload("streams-e2e-filter-map",
                    "end to end: filter + mapValues, --records 5M, --keys 1000; Runnel runtime vs Kafka Streams + broker",
                    5_000_000, o -> new FilterMapE2e(o.intValue("keys", 1000))),
            new E2eWorkload("streams-e2e-wordcount",
                    "end to end: word count, --records 1M lines of 10 words, --keys 100000 words; Runnel vs Kafka Streams",
                    1_000_000, o -> new WordCountE2e(o.intValue("keys", 100_000))),
            new E2eWorkload("streams-e2e-window-count",
                    "end to end: 1-minute tumbling count, --records 5M, --keys 100000; Runnel vs Kafka Streams",
                    5_000_000, o -> new WindowCountE2e(o.intValue("keys", 100_000))),
            new E2eWorkload("streams-e2e-table-join",
                    "end to end: stream-table join, --records 5M events, --keys 100000 rows; Runnel vs Kafka Streams",
                    5_000_000, o -> new TableJoinE2e(o.intValue("keys", 100_000)))
    );

    private E2eWorkloads() {
    }
}
