package io.runnel.bench.log;

import io.runnel.bench.Workload;
import java.util.List;

/** The log-core workloads; {@link io.runnel.bench.Workloads} lists every package's registry. */
public final class LogWorkloads {

    /** In the order {@code list} prints them. */
    public static final List<Workload> ALL = List.of(
            new LogAppendRawWorkload(),
            new LogProduceWorkload(),
            new LogConsumeWorkload()
    );

    private LogWorkloads() {
    }
}
