package io.runnel.log;

import io.runnel.common.Deserializer;
import io.runnel.common.Serializer;
import io.runnel.log.internal.broker.Broker;
import io.runnel.log.internal.broker.PartitionFactory;
import io.runnel.log.internal.broker.StoragePartition;
import io.runnel.log.internal.cleaner.LogCleaner;
import io.runnel.log.internal.client.ConsumerConfig;
import io.runnel.log.internal.client.EmbeddedAdmin;
import io.runnel.log.internal.client.EmbeddedConsumer;
import io.runnel.log.internal.client.EmbeddedProducer;
import io.runnel.log.internal.client.ProducerConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A log in this JVM, on a local data directory: topics, partitions, producer/consumer/admin
 * clients, consumer groups, retention and compaction. Everything above log-core uses it through
 * {@link LogClients}.
 *
 * <pre>{@code
 * try (EmbeddedLog log = EmbeddedLog.open(EmbeddedLogConfig.of(dir))) {
 *     log.admin().createTopic(new NewTopic("orders", 4));
 *     try (Producer<String, String> p = log.producer(Map.of(), Serdes.string().serializer(), Serdes.string().serializer())) {
 *         p.send(new ProducerRecord<>("orders", "k", "v")).join();
 *     }
 * }
 * }</pre>
 *
 * <p>{@link #close()} shuts down cleanly: producers created from this log are flushed and closed,
 * consumers and admin clients fail with {@link LogClosedException} on their next call (a blocked
 * poll is woken and throws it), background tasks and the cleaner stop, and every partition is
 * flushed and checkpointed so that the next open needs no recovery. Thread-safe.
 */
public final class EmbeddedLog implements LogClients, AutoCloseable {
    private final EmbeddedLogConfig config;
    private final ScheduledExecutorService scheduler;
    private final LogCleaner cleaner;
    private final Broker broker;
    private final Set<Producer<?, ?>> producers = ConcurrentHashMap.newKeySet();
    private final AtomicInteger clientIds = new AtomicInteger();
    private boolean closed;

    private EmbeddedLog(EmbeddedLogConfig config, PartitionFactory partitions, ScheduledExecutorService scheduler,
                        LogCleaner cleaner) {
        this.config = config;
        this.scheduler = scheduler;
        this.cleaner = cleaner;
        this.broker = new Broker(config.dataDir(), config.time(), partitions, scheduler,
                config.retentionCheckIntervalMs(), config.autoCreateTopics(), config.defaultPartitions());
    }

    /** Opens (creating or recovering) the log in {@code config.dataDir()}. */
    public static EmbeddedLog open(EmbeddedLogConfig config) {
        try {
            Files.createDirectories(config.dataDir());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create data directory " + config.dataDir(), e);
        }
        ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "runnel-log-scheduler");
            t.setDaemon(true);
            return t;
        });
        LogCleaner cleaner = config.cleanerEnabled() ? LogCleaner.withDefaults(config.time()) : null;
        PartitionFactory partitions = StoragePartition.factory(config.flushPolicy(), config.time(), cleaner);
        EmbeddedLog log = new EmbeddedLog(config, partitions, scheduler, cleaner);
        try {
            log.broker.start();
            if (cleaner != null) {
                cleaner.start();
            }
        } catch (RuntimeException e) {
            scheduler.shutdownNow();
            if (cleaner != null) {
                cleaner.close();
            }
            log.broker.close();
            throw e;
        }
        return log;
    }

    /** The broker behind the clients (log-core internal; for tests in this package). */
    Broker broker() {
        return broker;
    }

    public EmbeddedLogConfig config() {
        return config;
    }

    @Override
    public <K, V> Producer<K, V> producer(Map<String, ?> cfg, Serializer<K> keySerializer, Serializer<V> valueSerializer) {
        ProducerConfig pc = ProducerConfig.from(cfg, "producer-" + clientIds.incrementAndGet());
        broker.checkOpen();
        EmbeddedProducer<K, V> producer = new EmbeddedProducer<>(broker, pc, keySerializer, valueSerializer,
                producers::remove);
        producers.add(producer);
        return producer;
    }

    @Override
    public <K, V> Consumer<K, V> consumer(Map<String, ?> cfg, Deserializer<K> keyDeserializer,
                                          Deserializer<V> valueDeserializer) {
        ConsumerConfig cc = ConsumerConfig.from(cfg, "consumer-" + clientIds.incrementAndGet());
        broker.checkOpen();
        return new EmbeddedConsumer<>(broker, cc, keyDeserializer, valueDeserializer);
    }

    @Override
    public Admin admin() {
        broker.checkOpen();
        return new EmbeddedAdmin(broker);
    }

    /**
     * Runs one round of the cleaner now (retention, then compaction of the dirtiest compacted
     * partition); returns whether something was compacted. For tests and tools; the cleaner
     * thread does this in the background. False when the cleaner is disabled.
     */
    public boolean runCleanerOnce() {
        return cleaner != null && cleaner.runOnce();
    }

    /** Runs retention on every partition now (it also runs every retentionCheckIntervalMs). */
    public void enforceRetention() {
        broker.enforceRetention();
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        for (Producer<?, ?> p : List.copyOf(producers)) {
            try {
                p.close();
            } catch (RuntimeException e) {
                // keep closing the rest
            }
        }
        scheduler.shutdownNow();
        try {
            scheduler.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (cleaner != null) {
            cleaner.close();
        }
        broker.close();
    }
}
