package io.runnel.log.internal.segment;

/**
 * For {@code FlushPolicy.INTERVAL}: a daemon thread that calls the log's flush every interval.
 * Appends do not wait for it. Waits on a monitor (wall-clock), since the thread must sleep for
 * real even when the log's {@code Time} is a manual test clock.
 */
final class IntervalFlusher implements AutoCloseable {
    private final Thread thread;
    private final long intervalMs;
    private final Runnable flush;
    private boolean closed;

    IntervalFlusher(String name, long intervalMs, Runnable flush) {
        this.intervalMs = intervalMs;
        this.flush = flush;
        this.thread = new Thread(this::run, name);
        this.thread.setDaemon(true);
        this.thread.start();
    }

    private void run() {
        while (true) {
            synchronized (this) {
                if (closed) {
                    return;
                }
                try {
                    wait(intervalMs);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
                if (closed) {
                    return;
                }
            }
            try {
                flush.run();
            } catch (RuntimeException e) {
                System.getLogger(IntervalFlusher.class.getName()).log(System.Logger.Level.WARNING,
                        "periodic flush failed", e);
            }
        }
    }

    @Override
    public void close() {
        synchronized (this) {
            closed = true;
            notifyAll();
        }
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
