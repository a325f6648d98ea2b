package io.runnel.streams;

/** Configuration keys, with Kafka Streams' names. */
public final class StreamsConfig {
    public static final String APPLICATION_ID_CONFIG = "application.id";
    public static final String NUM_STREAM_THREADS_CONFIG = "num.stream.threads";
    public static final String COMMIT_INTERVAL_MS_CONFIG = "commit.interval.ms";
    public static final String STATE_DIR_CONFIG = "state.dir";
    public static final String CACHE_MAX_BYTES_BUFFERING_CONFIG = "statestore.cache.max.bytes";
    public static final String PROCESSING_GUARANTEE_CONFIG = "processing.guarantee";
    public static final String AT_LEAST_ONCE = "at_least_once";

    private StreamsConfig() {
    }
}
