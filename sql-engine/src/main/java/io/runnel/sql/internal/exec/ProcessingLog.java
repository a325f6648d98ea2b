package io.runnel.sql.internal.exec;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Where a query reports records it could not fully process (an expression failing on a record,
 * a value that cannot be written): the record stays in flow (the failed column is NULL, or the
 * record is dropped when a filter fails), and the error is counted and logged, never thrown.
 * Thread-safe.
 */
public final class ProcessingLog {
    private static final System.Logger LOG = System.getLogger(ProcessingLog.class.getName());

    private final String queryId;
    private final AtomicLong errors = new AtomicLong();

    public ProcessingLog(String queryId) {
        this.queryId = queryId;
    }

    public void error(String nodeId, String message, Throwable cause) {
        long n = errors.incrementAndGet();
        if (n <= 100 || Long.bitCount(n) == 1) {
            LOG.log(System.Logger.Level.WARNING, "query " + queryId + " " + nodeId + ": " + message
                    + " (processing error #" + n + ")", cause);
        }
    }

    public long errorCount() {
        return errors.get();
    }
}
