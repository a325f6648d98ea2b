package io.runnel.bench.server;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Reads a push query's delimited response on its own thread: the header line, then one JSON
 * array per row, each handed to a callback with the time it was read. Counts rows and remembers
 * when the first and last arrived.
 */
final class PushQueryReader implements AutoCloseable {
    private final InputStream body;
    private final Thread thread;
    private final CountDownLatch header = new CountDownLatch(1);
    private volatile long rows;
    private volatile long firstNanos;
    private volatile long lastNanos;
    private volatile IOException failure;

    /** @param onRow gets each row's line and the {@link System#nanoTime()} it was read at */
    PushQueryReader(InputStream body, RowCallback onRow) {
        this.body = body;
        this.thread = new Thread(() -> read(onRow), "push-query-reader");
        thread.setDaemon(true);
        thread.start();
    }

    interface RowCallback {
        void row(String line, long readNanos);
    }

    private void read(RowCallback onRow) {
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8))) {
            lines.readLine();
            header.countDown();
            String line;
            while ((line = lines.readLine()) != null) {
                long now = System.nanoTime();
                if (rows == 0) {
                    firstNanos = now;
                }
                onRow.row(line, now);
                lastNanos = now;
                rows++;
            }
        } catch (IOException e) {
            failure = e;
        } finally {
            header.countDown();
        }
    }

    /** Waits for the header: the query runs and will see rows inserted from now on. */
    void awaitHeader() throws InterruptedException {
        if (!header.await(60, TimeUnit.SECONDS)) {
            throw new IllegalStateException("push query sent no header within 60 s");
        }
    }

    /** Waits until {@code expected} rows were read; false if it did not happen in time. */
    boolean awaitRows(long expected, long timeoutMs) throws InterruptedException {
        long deadline = System.currentTimeMillis() + timeoutMs;
        while (rows < expected && System.currentTimeMillis() < deadline && thread.isAlive()) {
            Thread.sleep(5);
        }
        return rows >= expected;
    }

    long rows() {
        return rows;
    }

    long firstNanos() {
        return firstNanos;
    }

    long lastNanos() {
        return lastNanos;
    }

    @Override
    public void close() throws IOException {
        body.close();
        if (failure != null && rows == 0) {
            throw failure;
        }
    }

    /** Ignores rows (counts them only). */
    static RowCallback counting() {
        return (line, at) -> { };
    }

    /** Adapts a consumer of row lines. */
    static RowCallback of(Consumer<String> consumer) {
        return (line, at) -> consumer.accept(line);
    }
}
