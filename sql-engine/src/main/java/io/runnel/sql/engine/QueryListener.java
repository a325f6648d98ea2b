package io.runnel.sql.engine;

import java.util.List;

/**
 * Receives one query's rows as they are produced: exactly one {@link #onStart} (within
 * {@link SqlEngine#query}, before it returns), then any number of {@link #onRow} /
 * {@link #onTombstone}, then at most one of {@link #onComplete} or {@link #onError}. Calls for
 * one query never overlap (each happens-before the next) but may come from any thread; nothing
 * is called after {@link StartedQuery#close()} returns. Values are JSON-friendly: String,
 * Integer, Long, Double, BigDecimal, Boolean, null, List, Map (MAP and STRUCT); BYTES as base64
 * text, DATE / TIME / TIMESTAMP as ksqlDB's text.
 */
public interface QueryListener {

    /** The query's id and result columns, before any row. */
    void onStart(String queryId, List<QueryColumn> columns);

    /** One row, values in the order of {@link StartedQuery#columns()}. */
    void onRow(List<Object> values);

    /** A key deleted from a table: key columns at their positions, null elsewhere. */
    void onTombstone(List<Object> values);

    /** The query ended by itself (a pull query is done, a LIMIT reached); message may be null. */
    void onComplete(String message);

    /** The query failed after it started. */
    void onError(RuntimeException error);
}
