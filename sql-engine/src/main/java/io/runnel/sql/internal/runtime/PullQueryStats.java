package io.runnel.sql.internal.runtime;

import java.util.concurrent.atomic.AtomicLong;

/**
 * How the engine's pull queries read their rows: by key from a materialized store, by a scan of a
 * materialized store, or by a scan of the source's topic. Thread-safe counters.
 */
final class PullQueryStats {
    private final AtomicLong storeLookups = new AtomicLong();
    private final AtomicLong storeScans = new AtomicLong();
    private final AtomicLong topicScans = new AtomicLong();

    void storeLookup() {
        storeLookups.incrementAndGet();
    }

    void storeScan() {
        storeScans.incrementAndGet();
    }

    void topicScan() {
        topicScans.incrementAndGet();
    }

    /** Pull queries that read keys (and window ranges) from a store. */
    long storeLookups() {
        return storeLookups.get();
    }

    /** Pull queries that scanned a store. */
    long storeScans() {
        return storeScans.get();
    }

    /** Pull queries that read a topic. */
    long topicScans() {
        return topicScans.get();
    }
}
