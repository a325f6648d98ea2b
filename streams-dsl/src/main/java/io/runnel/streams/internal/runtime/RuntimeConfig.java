package io.runnel.streams.internal.runtime;

import io.runnel.streams.StreamsConfig;
import io.runnel.streams.errors.DeserializationExceptionHandler;
import io.runnel.streams.errors.ProcessingExceptionHandler;
import io.runnel.streams.errors.ProductionExceptionHandler;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;

/**
 * The runtime's validated settings, read once from the user's map (Kafka Streams' names and
 * defaults; see {@link StreamsConfig}).
 *
 * @param cacheMaxBytes  record cache of all threads together (each thread gets an equal share)
 * @param deadLetterTopic topic for input records skipped for deserialization errors, or null
 */
public record RuntimeConfig(String applicationId, int threads, long commitIntervalMs, Path stateDir, long cacheMaxBytes,
                            DeserializationExceptionHandler deserializationHandler,
                            ProcessingExceptionHandler processingHandler, ProductionExceptionHandler productionHandler,
                            String deadLetterTopic) {
    public static final long DEFAULT_CACHE_MAX_BYTES = 10L * 1024 * 1024;

    public RuntimeConfig {
        Objects.requireNonNull(applicationId, "applicationId");
        Objects.requireNonNull(stateDir, "stateDir");
        Objects.requireNonNull(deserializationHandler, "deserializationHandler");
        Objects.requireNonNull(processingHandler, "processingHandler");
        Objects.requireNonNull(productionHandler, "productionHandler");
        if (threads < 1) {
            throw new IllegalArgumentException(StreamsConfig.NUM_STREAM_THREADS_CONFIG + " must be at least 1: " + threads);
        }
        if (commitIntervalMs < 0) {
            throw new IllegalArgumentException(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG + " must not be negative: "
                    + commitIntervalMs);
        }
        if (cacheMaxBytes < 0) {
            throw new IllegalArgumentException(StreamsConfig.CACHE_MAX_BYTES_BUFFERING_CONFIG + " must not be negative: "
                    + cacheMaxBytes);
        }
    }

    public static RuntimeConfig from(Map<String, ?> config) {
        Object appId = config.get(StreamsConfig.APPLICATION_ID_CONFIG);
        if (appId == null || appId.toString().isBlank()) {
            throw new IllegalArgumentException(StreamsConfig.APPLICATION_ID_CONFIG + " is required");
        }
        String cache = setting(config, StreamsConfig.CACHE_MAX_BYTES_BUFFERING_CONFIG,
                setting(config, StreamsConfig.CACHE_MAX_BYTES_BUFFERING_LEGACY_CONFIG, Long.toString(DEFAULT_CACHE_MAX_BYTES)));
        return new RuntimeConfig(appId.toString(),
                Integer.parseInt(setting(config, StreamsConfig.NUM_STREAM_THREADS_CONFIG, "1")),
                Long.parseLong(setting(config, StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, "1000")),
                Path.of(setting(config, StreamsConfig.STATE_DIR_CONFIG, System.getProperty("java.io.tmpdir") + "/runnel-streams")),
                Long.parseLong(cache),
                handler(config, StreamsConfig.DEFAULT_DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG,
                        DeserializationExceptionHandler.class, DeserializationExceptionHandler.logAndFail()),
                handler(config, StreamsConfig.PROCESSING_EXCEPTION_HANDLER_CLASS_CONFIG,
                        ProcessingExceptionHandler.class, ProcessingExceptionHandler.logAndFail()),
                handler(config, StreamsConfig.DEFAULT_PRODUCTION_EXCEPTION_HANDLER_CLASS_CONFIG,
                        ProductionExceptionHandler.class, ProductionExceptionHandler.alwaysFail()),
                setting(config, StreamsConfig.ERRORS_DEAD_LETTER_QUEUE_TOPIC_NAME_CONFIG, null));
    }

    /** The thread's share of the record cache. */
    public long cacheBytesPerThread() {
        return cacheMaxBytes / threads;
    }

    private static String setting(Map<String, ?> config, String key, String defaultValue) {
        Object v = config.get(key);
        return v == null ? defaultValue : v.toString();
    }

    /** An instance given as is, or a class name instantiated with its no-argument constructor. */
    private static <T> T handler(Map<String, ?> config, String key, Class<T> type, T defaultValue) {
        Object v = config.get(key);
        if (v == null) {
            return defaultValue;
        }
        if (type.isInstance(v)) {
            return type.cast(v);
        }
        try {
            Class<?> c = v instanceof Class<?> k ? k : Class.forName(v.toString());
            return type.cast(c.getDeclaredConstructor().newInstance());
        } catch (ReflectiveOperationException | ClassCastException e) {
            throw new IllegalArgumentException(key + ": " + v + " is not a " + type.getSimpleName()
                    + " with a public no-argument constructor", e);
        }
    }
}
