package io.runnel.log;

import io.runnel.common.Time;
import io.runnel.log.internal.broker.MemoryLogPartition;
import java.nio.file.Path;

/** Opens logs for client tests. */
final class TestLogs {
    private TestLogs() {
    }

    static EmbeddedLog open(Path dir) {
        return open(dir, Time.SYSTEM);
    }

    static EmbeddedLog open(Path dir, Time time) {
        return EmbeddedLog.open(EmbeddedLogConfig.of(dir).withTime(time).withFlushPolicy(FlushPolicy.NONE),
                (d, tp, cfg) -> new MemoryLogPartition(tp));
    }
}
