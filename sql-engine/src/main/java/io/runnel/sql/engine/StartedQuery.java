package io.runnel.sql.engine;

import java.util.List;

/** A query started by {@link SqlEngine#query}. {@link #close()} is idempotent and may be called from any thread. */
public interface StartedQuery extends AutoCloseable {

    /** {@code transient_<SOURCE>_<n>} for push queries, {@code pull_<SOURCE>_<n>} for pull queries. */
    String id();

    List<QueryColumn> columns();

    /** Stops the query and deletes its transient state; the listener gets nothing more. */
    @Override
    void close();
}
