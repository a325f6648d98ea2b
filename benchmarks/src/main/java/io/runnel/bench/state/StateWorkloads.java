package io.runnel.bench.state;

import io.runnel.bench.Workload;
import java.util.List;

/** The state-store workloads; {@link io.runnel.bench.Workloads} lists every package's registry. */
public final class StateWorkloads {

    /** In the order {@code list} prints them. */
    public static final List<Workload> ALL = List.of(
            new StorePutWorkload(),
            new StoreGetWorkload(),
            new StoreRangeWorkload(),
            new StoreRestoreWorkload()
    );

    private StateWorkloads() {
    }
}
