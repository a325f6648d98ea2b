package io.runnel.server.api;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * What the server needs from a SQL engine. The REST endpoints are written against this interface
 * only; an adapter over Runnel's SQL engine implements it (see {@link StatementExecutorFactory}).
 *
 * <h2>Contract</h2>
 * <ul>
 *   <li>{@link #execute} runs every statement of a script that is not a query ({@code CREATE},
 *       {@code DROP}, {@code INSERT}, {@code SHOW}, {@code DESCRIBE}, {@code TERMINATE}, ...),
 *       in order, and returns one entity per statement. Statements that are queries
 *       ({@code SELECT}, {@code PRINT}) are rejected with {@link ErrorCodes#QUERY_ENDPOINT}.</li>
 *   <li>{@link #query} starts one push or pull query and streams its result to a
 *       {@link RowSink}; statements that are not queries are rejected with
 *       {@link ErrorCodes#BAD_STATEMENT}.</li>
 *   <li>{@link #insert} appends rows to a stream or table (the {@code /inserts-stream}
 *       endpoint).</li>
 *   <li>Every mistake of the user is a {@link StatementException} with a stable error code;
 *       any other exception is treated by the server as an internal error (HTTP 500).</li>
 * </ul>
 *
 * <h2>Threading</h2>
 * The server calls {@code execute}, {@code query} and {@code insert} from its worker threads
 * (never from a network event loop), possibly concurrently from several requests, so
 * implementations must be thread-safe. They may block. A {@link RowSink} may be called from any
 * thread, but its calls for one query must not overlap (each happens-before the next).
 */
public interface StatementExecutor extends AutoCloseable {

    /**
     * Executes every statement in {@code sqlText} (one or more statements, each ended by
     * {@code ;}) and returns their entities in order: one per statement, except that
     * {@code INSERT INTO ... VALUES} returns none (as in ksqlDB).
     *
     * @param sqlText    the script as the user typed it
     * @param properties request-scoped properties ({@code streamsProperties} in ksqlDB's
     *                   request), for example {@code auto.offset.reset}; never null
     * @throws StatementException for the first statement that fails; its
     *                            {@link StatementException#entities()} hold the results of the
     *                            statements before it, which stay executed
     */
    List<KsqlEntity> execute(String sqlText, Map<String, Object> properties) throws StatementException;

    /**
     * Starts a push query ({@code ... EMIT CHANGES}) or runs a pull query and streams its result.
     *
     * <p>The sink receives, in order: exactly one {@link RowSink#header}, then any number of
     * {@link RowSink#row} / {@link RowSink#tombstone}, then exactly one of
     * {@link RowSink#complete} (the query ended by itself: a pull query is done or a
     * {@code LIMIT} was reached) or {@link RowSink#error}. After {@link QueryHandle#close()} the
     * sink may receive nothing more. The header may be sent before this method returns, and a
     * pull query may even complete before it returns.
     *
     * @throws StatementException if the statement cannot be started (parse error, unknown
     *                            source, not a query, ...); then the sink is not called
     */
    QueryHandle query(String sql, Map<String, Object> properties, RowSink sink) throws StatementException;

    /**
     * Inserts rows into a stream or table, as {@code INSERT INTO target VALUES} would, in order.
     * Column names are as in the source's schema (matched case-insensitively, as ksqlDB does for
     * JSON field names); values are JSON values: String, Number, Boolean, null, List, Map, or
     * Jackson {@code JsonNode}s as parsed (what {@code /inserts-stream} passes).
     *
     * <p>Called with an empty list it only checks that {@code target} exists and accepts inserts.
     *
     * @throws StatementException if the target does not exist or does not accept inserts
     *                            ({@link ErrorCodes#BAD_STATEMENT}) or a row does not fit its
     *                            schema ({@link ErrorCodes#BAD_REQUEST}); rows before the bad
     *                            one stay inserted
     */
    void insert(String target, List<Map<String, Object>> rows) throws StatementException;

    /**
     * Inserts one row as {@link #insert} does, without waiting for it to be stored: the row is
     * checked before this returns, and the stage completes once the row is durable (or fails if
     * it could not be stored). Rows sent one after another keep their order. {@code /inserts-stream}
     * uses it to keep many rows in flight; the default waits, through {@link #insert}.
     *
     * @throws StatementException as {@link #insert} (then nothing was inserted)
     */
    default CompletionStage<Void> insertAsync(String target, Map<String, Object> row) throws StatementException {
        insert(target, List.of(row));
        return CompletableFuture.completedFuture(null);
    }

    /**
     * The status of a command that {@link #execute} ran, by the {@code commandId} of its
     * {@link KsqlEntity.CommandStatusEntity}, or empty if unknown (GET {@code /status/{id}}).
     */
    Optional<CommandStatus> commandStatus(String commandId);

    /** The id of the log cluster behind the engine, shown by {@code /info} as kafkaClusterId. */
    default String clusterId() {
        return "runnel";
    }

    /** Whether the engine can serve requests, shown by {@code /healthcheck}. */
    default boolean isHealthy() {
        return true;
    }

    /** Stops every query and releases resources; the server calls it once, on shutdown. */
    @Override
    default void close() {
    }
}
