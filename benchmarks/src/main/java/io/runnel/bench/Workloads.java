package io.runnel.bench;

import io.runnel.bench.log.LogAppendRawWorkload;
import io.runnel.bench.log.LogConsumeWorkload;
import io.runnel.bench.log.LogProduceWorkload;
import io.runnel.bench.state.StoreGetWorkload;
import io.runnel.bench.state.StorePutWorkload;
import io.runnel.bench.state.StoreRangeWorkload;
import io.runnel.bench.state.StoreRestoreWorkload;
import io.runnel.bench.streams.FilterMapWorkload;
import io.runnel.bench.streams.TableJoinWorkload;
import io.runnel.bench.streams.WindowCountWorkload;
import io.runnel.bench.streams.WordCountWorkload;
import java.util.List;
import java.util.Optional;

/** The registry of workloads: add a new one to {@link #ALL}. */
public final class Workloads {

    /** Every workload, in the order {@code list} prints them. */
    public static final List<Workload> ALL = List.of(
            new LogAppendRawWorkload(),
            new LogProduceWorkload(),
            new LogConsumeWorkload(),
            new StorePutWorkload(),
            new StoreGetWorkload(),
            new StoreRangeWorkload(),
            new StoreRestoreWorkload(),
            new FilterMapWorkload(),
            new WordCountWorkload(),
            new WindowCountWorkload(),
            new TableJoinWorkload()
    );

    private Workloads() {
    }

    public static Optional<Workload> find(String name) {
        return ALL.stream().filter(w -> w.name().equals(name)).findFirst();
    }
}
