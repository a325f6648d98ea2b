package io.runnel.sql.engine;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** Collects a query's calls; waits (bounded) for rows or its end. */
final class CollectingListener implements QueryListener {
    static final Duration WAIT = Duration.ofSeconds(20);

    /** Runs a pull query and returns its rows; its error, if it ends with one, is thrown. */
    static List<List<Object>> pull(SqlEngine engine, String sql) throws InterruptedException {
        CollectingListener rows = new CollectingListener();
        engine.query(sql, java.util.Map.of(), rows).close();
        rows.awaitEnd();
        if (rows.error != null) {
            throw rows.error;
        }
        return rows.rows();
    }

    final List<List<Object>> rows = new ArrayList<>();
    private final List<List<Object>> tombstones = new ArrayList<>();
    volatile List<QueryColumn> columns;
    volatile String completion;
    volatile RuntimeException error;
    private final CountDownLatch ended = new CountDownLatch(1);

    @Override
    public void onStart(String queryId, List<QueryColumn> cols) {
        this.columns = cols;
    }

    @Override
    public synchronized void onRow(List<Object> values) {
        rows.add(values);
        notifyAll();
    }

    @Override
    public synchronized void onTombstone(List<Object> values) {
        tombstones.add(values);
        notifyAll();
    }

    @Override
    public void onComplete(String message) {
        completion = message;
        ended.countDown();
    }

    @Override
    public void onError(RuntimeException e) {
        error = e;
        ended.countDown();
    }

    /** Waits until the query ended (complete or error); fails after {@link #WAIT}. */
    CollectingListener awaitEnd() throws InterruptedException {
        if (!ended.await(WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new AssertionError("query did not end; rows so far: " + rows());
        }
        return this;
    }

    /** Waits until at least {@code n} rows arrived; fails after {@link #WAIT}. */
    synchronized List<List<Object>> awaitRows(int n) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (rows.size() < n) {
            long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
            if (left <= 0) {
                throw new AssertionError("expected " + n + " rows, got " + rows);
            }
            wait(left);
        }
        return List.copyOf(rows);
    }

    synchronized List<List<Object>> tombstones() {
        return List.copyOf(tombstones);
    }

    synchronized List<List<Object>> rows() {
        return List.copyOf(rows);
    }
}
