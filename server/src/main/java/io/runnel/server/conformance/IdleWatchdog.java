package io.runnel.server.conformance;

import java.io.Closeable;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Closes a stream once it has been idle (no {@link #reset}) for a given time, so that a blocked
 * read of it ends. {@link #fired()} tells a read that failed because of it from a real failure.
 */
final class IdleWatchdog implements AutoCloseable {
    private static final ScheduledExecutorService TIMER = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "rqtt-idle-watchdog");
        t.setDaemon(true);
        return t;
    });

    private final Closeable stream;
    private final Duration idle;
    private final AtomicBoolean fired = new AtomicBoolean();
    private ScheduledFuture<?> pending;

    IdleWatchdog(Closeable stream, Duration idle) {
        this.stream = stream;
        this.idle = idle;
        reset();
    }

    /** Something arrived: the idle time starts again. */
    synchronized void reset() {
        if (pending != null) {
            pending.cancel(false);
        }
        pending = TIMER.schedule(this::fire, idle.toMillis(), TimeUnit.MILLISECONDS);
    }

    boolean fired() {
        return fired.get();
    }

    private void fire() {
        fired.set(true);
        try {
            stream.close();
        } catch (IOException ignored) {
            // the read it unblocks reports the end
        }
    }

    @Override
    public synchronized void close() {
        pending.cancel(false);
    }
}
