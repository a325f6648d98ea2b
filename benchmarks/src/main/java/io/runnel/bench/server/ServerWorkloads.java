package io.runnel.bench.server;

import io.runnel.bench.Workload;
import java.util.List;

/** The server workloads; {@link io.runnel.bench.Workloads} lists every package's registry. */
public final class ServerWorkloads {

    /** In the order {@code list} prints them. */
    public static final List<Workload> ALL = List.of(
            new ServerInsertsWorkload(),
            new ServerPushWorkload(),
            new ServerLatencyWorkload()
    );

    private ServerWorkloads() {
    }
}
