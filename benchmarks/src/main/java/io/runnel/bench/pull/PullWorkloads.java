package io.runnel.bench.pull;

import io.runnel.bench.Workload;
import java.util.List;

/** The pull-query workloads; {@link io.runnel.bench.Workloads} lists every package's registry. */
public final class PullWorkloads {

    /** In the order {@code list} prints them. */
    public static final List<Workload> ALL = List.of(
            new PullLookupWorkload()
    );

    private PullWorkloads() {
    }
}
