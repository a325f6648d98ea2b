package io.runnel.server.api;

/**
 * A running (or finished) query started by {@link StatementExecutor#query}.
 *
 * <p>{@link #close()} stops a push query and releases what it holds; after it returns, the
 * query's {@link RowSink} receives nothing more. It is idempotent, may be called from any thread
 * and is harmless on a query that already completed.
 */
public interface QueryHandle extends AutoCloseable {

    /** The id of the query, as sent in its header and accepted by {@code /close-query}. */
    String queryId();

    @Override
    void close();
}
