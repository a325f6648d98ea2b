package io.runnel.bench;

import java.util.List;
import java.util.Optional;

/** The registry of workloads: add a new one to {@link #ALL}. */
public final class Workloads {

    /** Every workload, in the order {@code list} prints them. */
    public static final List<Workload> ALL = List.of(
            new io.runnel.bench.log.LogProduceWorkload(),
            new io.runnel.bench.log.LogConsumeWorkload(),
            new io.runnel.bench.state.StorePutWorkload(),
            new io.runnel.bench.state.StoreGetWorkload(),
            new io.runnel.bench.state.StoreRangeWorkload(),
            new io.runnel.bench.streams.FilterMapWorkload(),
            new io.runnel.bench.streams.WordCountWorkload(),
            new io.runnel.bench.streams.WindowCountWorkload(),
            new io.runnel.bench.streams.TableJoinWorkload()
    );

    private Workloads() {
    }

    public static Optional<Workload> find(String name) {
        return ALL.stream().filter(w -> w.name().equals(name)).findFirst();
    }
}
