package io.runnel.log;

import io.runnel.common.Time;
import java.nio.file.Path;

/** Opens real logs (files in a temp dir) for client tests; flush=none keeps them fast. */
final class TestLogs {
    private TestLogs() {
    }

    static EmbeddedLog open(Path dir) {
        return open(dir, Time.SYSTEM);
    }

    static EmbeddedLog open(Path dir, Time time) {
        return EmbeddedLog.open(EmbeddedLogConfig.of(dir).withTime(time).withFlushPolicy(FlushPolicy.NONE));
    }
}
