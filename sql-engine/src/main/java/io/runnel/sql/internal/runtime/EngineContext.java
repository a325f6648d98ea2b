package io.runnel.sql.internal.runtime;

import io.runnel.log.LogClients;
import io.runnel.sql.internal.analyzer.FunctionResolver;
import java.nio.file.Path;
import java.util.Objects;

/**
 * What the engine's parts share: the log, where query state lives, the functions, and the
 * timings from the engine's properties.
 *
 * @param stateDir         persistent queries keep their stores in {@code stateDir/<application id>},
 *                         push queries in {@code stateDir/transient/<application id>}
 * @param commitIntervalMs commit interval of persistent queries
 * @param pullWaitMs       how long a pull query waits for the queries feeding its source
 * @param cacheMaxBytes    record cache of each persistent query's stream thread, bytes (0: every
 *                         update of a table is emitted, as the conformance suites expect)
 */
record EngineContext(LogClients log, Path stateDir, FunctionResolver functions, long commitIntervalMs,
                     long pullWaitMs, long cacheMaxBytes) {
    EngineContext {
        if (cacheMaxBytes < 0) {
            throw new IllegalArgumentException("cacheMaxBytes < 0: " + cacheMaxBytes);
        }
        Objects.requireNonNull(log, "log");
        Objects.requireNonNull(stateDir, "stateDir");
        Objects.requireNonNull(functions, "functions");
    }
}
