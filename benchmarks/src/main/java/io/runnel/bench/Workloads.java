package io.runnel.bench;

import io.runnel.bench.e2e.E2eWorkloads;
import io.runnel.bench.log.LogWorkloads;
import io.runnel.bench.pull.PullWorkloads;
import io.runnel.bench.server.ServerWorkloads;
import io.runnel.bench.sql.SqlWorkloads;
import io.runnel.bench.state.StateWorkloads;
import io.runnel.bench.streams.StreamsWorkloads;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The registry of workloads. Each package keeps its own list ({@code LogWorkloads},
 * {@code StateWorkloads}, ...); a new package adds one line here.
 */
public final class Workloads {

    /** Every workload, in the order {@code list} prints them. */
    public static final List<Workload> ALL = Stream.of(
                    LogWorkloads.ALL,
                    StateWorkloads.ALL,
                    StreamsWorkloads.ALL,
                    E2eWorkloads.ALL,
                    ServerWorkloads.ALL,
                    SqlWorkloads.ALL,
                    PullWorkloads.ALL)
            .flatMap(List::stream)
            .toList();

    private Workloads() {
    }

    public static Optional<Workload> find(String name) {
        return ALL.stream().filter(w -> w.name().equals(name)).findFirst();
    }
}
