package io.runnel.sql.engine;

/** Names of the properties an engine reads from its defaults and from a request's properties. */
public final class EngineProperties {
    /** {@code earliest} makes push queries read their source from the beginning; default {@code latest}. */
    public static final String AUTO_OFFSET_RESET = "auto.offset.reset";
    /** How often persistent queries commit (and so how fresh pull queries are), ms; default 200. */
    public static final String COMMIT_INTERVAL_MS = "commit.interval.ms";
    /** How long a pull query waits for persistent queries to process earlier writes, ms; default 10000. */
    public static final String PULL_WAIT_MS = "runnel.pull.wait.ms";
    /**
     * The record cache of each persistent query, bytes (ksqlDB's name); default
     * {@value #DEFAULT_CACHE_MAX_BYTES}. A table's updates to one key within a commit interval are
     * merged into one; 0 emits every update (what ksqlDB's conformance tests run with).
     */
    public static final String CACHE_MAX_BYTES_BUFFERING = "ksql.streams.cache.max.bytes.buffering";
    /** 10 MiB, as in Kafka Streams and ksqlDB. */
    public static final long DEFAULT_CACHE_MAX_BYTES = 10L * 1024 * 1024;

    private EngineProperties() {
    }
}
