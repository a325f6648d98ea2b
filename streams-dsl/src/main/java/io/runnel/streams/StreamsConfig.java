package io.runnel.streams;

/** Configuration keys, with Kafka Streams' names. */
public final class StreamsConfig {
    public static final String APPLICATION_ID_CONFIG = "application.id";
    public static final String NUM_STREAM_THREADS_CONFIG = "num.stream.threads";
    public static final String COMMIT_INTERVAL_MS_CONFIG = "commit.interval.ms";
    public static final String STATE_DIR_CONFIG = "state.dir";
    /** Bytes of record cache shared by all stream threads (default 10485760, Kafka's); 0 = no caching. */
    public static final String CACHE_MAX_BYTES_BUFFERING_CONFIG = "statestore.cache.max.bytes";
    /** Kafka Streams' older name of {@link #CACHE_MAX_BYTES_BUFFERING_CONFIG}, also accepted. */
    public static final String CACHE_MAX_BYTES_BUFFERING_LEGACY_CONFIG = "cache.max.bytes.buffering";
    public static final String PROCESSING_GUARANTEE_CONFIG = "processing.guarantee";
    public static final String AT_LEAST_ONCE = "at_least_once";
    /** A {@link io.runnel.streams.errors.DeserializationExceptionHandler} instance or class name (default: log and fail). */
    public static final String DEFAULT_DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG =
            "default.deserialization.exception.handler";
    /** A {@link io.runnel.streams.errors.ProcessingExceptionHandler} instance or class name (default: log and fail). */
    public static final String PROCESSING_EXCEPTION_HANDLER_CLASS_CONFIG = "processing.exception.handler";
    /** A {@link io.runnel.streams.errors.ProductionExceptionHandler} instance or class name (default: fail). */
    public static final String DEFAULT_PRODUCTION_EXCEPTION_HANDLER_CLASS_CONFIG = "default.production.exception.handler";
    /** Topic receiving input records skipped for deserialization errors (original bytes, error in headers); none by default. */
    public static final String ERRORS_DEAD_LETTER_QUEUE_TOPIC_NAME_CONFIG = "errors.dead.letter.queue.topic.name";

    private StreamsConfig() {
    }
}
