package io.runnel.log.internal.cleaner;

import io.runnel.common.Time;
import io.runnel.common.TopicPartition;
import io.runnel.log.internal.segment.PartitionLog;
import java.util.Objects;
import java.util.Optional;

/**
 * The log's background housekeeping thread, as Kafka's LogCleaner plus its retention task: each
 * round it applies retention ({@link PartitionLog#deleteExpiredSegments()}) to every registered
 * partition, then compacts the dirtiest compacted partition ({@link LogCleanerManager},
 * {@link Cleaner}); when there was nothing to compact it waits {@code backoffMs}.
 *
 * <p>Usage: {@code EmbeddedLog} creates one, {@link #register}s each partition it opens,
 * {@link #unregister}s it before closing or deleting it, and {@link #close()}s the cleaner before
 * closing the partitions. Tests call {@link #runOnce()} instead of {@link #start()}.
 *
 * <p>Threading: {@link #register}/{@link #unregister} from any thread; rounds run on the
 * cleaner's own daemon thread (or the caller of {@link #runOnce()}), never two at once.
 */
public final class LogCleaner implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(LogCleaner.class.getName());

    private final Time time;
    private final long backoffMs;
    private final LogCleanerManager manager;
    private final Cleaner cleaner;
    private Thread thread;
    private boolean closed;

    /**
     * @param time        the clock for retention and compaction lags
     * @param offsetSlots size of the offset map (24 bytes a slot; keys mapped per cleaning)
     * @param backoffMs   wait between rounds that found nothing to compact (wall-clock)
     */
    public LogCleaner(Time time, int offsetSlots, long backoffMs) {
        this.time = Objects.requireNonNull(time, "time");
        if (backoffMs < 1) {
            throw new IllegalArgumentException("backoffMs < 1: " + backoffMs);
        }
        this.backoffMs = backoffMs;
        this.manager = new LogCleanerManager(0.5);
        this.cleaner = new Cleaner(new OffsetMap(offsetSlots), time);
    }

    /** A cleaner with a 1M-slot (24 MiB) offset map and 15 s backoff, as Kafka's defaults roughly. */
    public static LogCleaner withDefaults(Time time) {
        return new LogCleaner(time, 1 << 20, 15_000);
    }

    public void register(PartitionLog log) {
        manager.register(log);
    }

    /** Stops housekeeping of the partition, waiting for a running cleaning of it to finish. */
    public void unregister(TopicPartition tp) {
        try {
            manager.unregister(tp);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Starts the background thread. */
    public synchronized void start() {
        if (thread != null) {
            throw new IllegalStateException("already started");
        }
        thread = new Thread(this::loop, "runnel-log-cleaner");
        thread.setDaemon(true);
        thread.start();
    }

    /**
     * One round: retention for every partition, then one compaction.
     *
     * @return whether a partition was compacted
     */
    public synchronized boolean runOnce() {
        for (PartitionLog log : manager.logs()) {
            try {
                log.deleteExpiredSegments();
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "retention of " + log.topicPartition() + " failed", e);
            }
        }
        Optional<PartitionLog> dirtiest = manager.grabDirtiest(time.milliseconds());
        if (dirtiest.isEmpty()) {
            return false;
        }
        PartitionLog log = dirtiest.get();
        long end = -1;
        try {
            Cleaner.Result result = cleaner.clean(log);
            if (result != null) {
                end = result.endOffset();
                LOG.log(System.Logger.Level.DEBUG, "compacted {0}: {1}", log.topicPartition(), result);
            }
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "compaction of " + log.topicPartition() + " failed", e);
        } finally {
            manager.doneCleaning(log.topicPartition(), end);
        }
        return end >= 0;
    }

    private void loop() {
        while (true) {
            boolean worked;
            try {
                worked = runOnce();
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "cleaner round failed", e);
                worked = false;
            }
            synchronized (this) {
                if (closed) {
                    return;
                }
                if (!worked) {
                    try {
                        wait(backoffMs);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
                if (closed) {
                    return;
                }
            }
        }
    }

    @Override
    public void close() {
        Thread t;
        synchronized (this) {
            closed = true;
            notifyAll();
            t = thread;
        }
        if (t != null) {
            try {
                t.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
