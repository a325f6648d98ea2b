package io.runnel.sql.engine;

import io.runnel.log.LogClients;
import io.runnel.sql.internal.runtime.Engine;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

/**
 * A SQL engine over a log: runs statements (DDL, persistent queries, inserts, listings), push and
 * pull queries, and keeps its catalog and persistent queries in the log's command topic, so that
 * an engine reopened on the same data comes back with the same streams, tables and running
 * queries (continuing from their committed offsets with their state).
 *
 * <p>Threading: thread-safe. Statements that change the catalog or the set of persistent queries
 * run one at a time (in the order their callers take the engine's lock); queries and inserts run
 * concurrently with them and with each other.
 */
public interface SqlEngine extends AutoCloseable {

    /**
     * Opens an engine on its own embedded log in {@code dataDir} ({@code dataDir/log}; query state
     * in {@code dataDir/state}), created if missing. The engine owns the log and closes it.
     *
     * @param properties engine defaults such as {@code commit.interval.ms}; see {@link EngineProperties}
     */
    static SqlEngine open(Path dataDir, Map<String, ?> properties) {
        return Engine.open(Objects.requireNonNull(dataDir, "dataDir"), Objects.requireNonNull(properties, "properties"));
    }

    /** Opens an engine over a log it does not own (not closed with the engine); state in {@code stateDir}. */
    static SqlEngine open(LogClients log, Path stateDir, Map<String, ?> properties) {
        return Engine.open(Objects.requireNonNull(log, "log"), Objects.requireNonNull(stateDir, "stateDir"),
                Objects.requireNonNull(properties, "properties"));
    }

    /**
     * Runs every statement of {@code sql} that is not a query, in order, and returns one result
     * per statement ({@code INSERT INTO ... VALUES} included: a {@link EngineResult.CommandDone}).
     *
     * @param properties request-scoped properties (as {@code SET} would set them), e.g.
     *                   {@code auto.offset.reset}
     * @throws ScriptException for the first statement that fails (results before it stay done);
     *                         a query statement fails with {@link io.runnel.sql.SqlErrorCode#QUERY_STATEMENT}
     */
    List<EngineResult> execute(String sql, Map<String, ?> properties);

    /**
     * Starts a push query ({@code SELECT ... EMIT CHANGES}), runs a pull query ({@code SELECT}
     * without EMIT) or {@code PRINT}s a topic. The listener gets rows, then at most one of
     * {@code onComplete} / {@code onError}; the returned handle's columns are known before any row.
     *
     * @throws io.runnel.sql.SqlException when the query cannot start (then the listener is not called)
     */
    StartedQuery query(String sql, Map<String, ?> properties, QueryListener listener);

    /**
     * Inserts rows into a stream or table as {@code INSERT INTO target VALUES} would; values are
     * JSON-like (String, Number, Boolean, null, List, Map, or a Jackson {@code JsonNode} as parsed,
     * read by column type without another conversion) and column names match
     * case-insensitively. An empty list only checks that the target accepts inserts.
     *
     * @throws io.runnel.sql.SqlException if the target does not exist or a row does not fit its
     *                                    schema (rows before it stay inserted)
     */
    void insert(String target, List<Map<String, Object>> rows);

    /**
     * Inserts one row as {@link #insert} does, without waiting for the log: the row is checked
     * and serialized before this returns, and the future completes once the log acknowledged it
     * (then a later pull query sees it). Rows inserted one after another by one caller keep their
     * order. This is how {@code /inserts-stream} keeps many rows in flight.
     *
     * @throws io.runnel.sql.SqlException if the target does not exist or the row does not fit
     *                                    its schema (nothing is sent)
     */
    CompletableFuture<Void> insertAsync(String target, Map<String, Object> row);

    /** Whether the engine serves requests (open); a failed persistent query shows in SHOW QUERIES instead. */
    boolean isHealthy();

    /** Stops every query (persistent queries resume at the next open) and releases resources. */
    @Override
    void close();
}
