package io.runnel.bench.streams;

import io.runnel.bench.Workload;
import java.util.List;

/** The streams-dsl workloads; {@link io.runnel.bench.Workloads} lists every package's registry. */
public final class StreamsWorkloads {

    /** In the order {@code list} prints them. */
    public static final List<Workload> ALL = List.of(
            new FilterMapWorkload(),
            new WordCountWorkload(),
            new WindowCountWorkload(),
            new TableJoinWorkload()
    );

    private StreamsWorkloads() {
    }
}
