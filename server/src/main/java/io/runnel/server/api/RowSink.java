package io.runnel.server.api;

import java.util.List;

/**
 * Receives the result of one query, as it is produced (see {@link StatementExecutor#query} for
 * the order of calls). Calls for one query must not overlap. The server's implementation hands
 * the bytes to the network and returns, except that {@link #row} and {@link #tombstone} wait
 * while the client is behind (back-pressure), until it catches up or disconnects; so the engine
 * must not call them while holding a lock its {@link QueryHandle#close()} needs.
 *
 * <p>Column values are JSON-friendly Java values: {@code String}, {@code Integer},
 * {@code Long}, {@code Double}, {@code java.math.BigDecimal}, {@code Boolean}, {@code null},
 * {@code List} (ARRAY), {@code Map<String, ?>} (MAP and STRUCT); BYTES as a base64
 * {@code String}, DATE / TIME / TIMESTAMP as ksqlDB renders them in JSON ({@code String}).
 */
public interface RowSink {

    /** Called once, before any row. */
    void header(QueryHeader header);

    /** One result row, its values in the order of the header's columns. */
    void row(List<Object> values);

    /**
     * A deletion of a key in a push query on a table: {@code values} holds the key columns at
     * their positions and null elsewhere (ksqlDB's {@code "tombstone": true} rows).
     */
    void tombstone(List<Object> values);

    /**
     * The query ended by itself.
     *
     * @param finalMessage a message for the user such as {@code "Limit Reached"} or
     *                     {@code "Query Completed"}; may be null for none
     */
    void complete(String finalMessage);

    /** The query failed after it started; no call follows. */
    void error(StatementException error);
}
