package io.runnel.server.internal.engine;

import io.runnel.log.RecordTooLargeException;
import io.runnel.server.api.CommandStatus;
import io.runnel.server.api.ErrorCodes;
import io.runnel.server.api.KsqlEntity;
import io.runnel.server.api.QueryHandle;
import io.runnel.server.api.QueryHeader;
import io.runnel.server.api.RowSink;
import io.runnel.server.api.StatementException;
import io.runnel.server.api.StatementExecutor;
import io.runnel.sql.SqlErrorCode;
import io.runnel.sql.SqlException;
import io.runnel.sql.engine.EngineResult;
import io.runnel.sql.engine.QueryColumn;
import io.runnel.sql.engine.QueryListener;
import io.runnel.sql.engine.ScriptException;
import io.runnel.sql.engine.SqlEngine;
import io.runnel.sql.engine.StartedQuery;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The server's {@link StatementExecutor} over the SQL engine: statements and their results
 * mapped one to one to ksqlDB's entities, errors to {@link StatementException}s (a query sent to
 * {@code /ksql} is {@link ErrorCodes#QUERY_ENDPOINT}, a row that does not fit
 * {@link ErrorCodes#BAD_REQUEST}, every other SQL error {@link ErrorCodes#BAD_STATEMENT} with the
 * engine's message, line and column). Thread-safe as the engine is.
 */
public final class EngineExecutor implements StatementExecutor {
    private final SqlEngine engine;
    private final Map<String, CommandStatus> commands = new ConcurrentHashMap<>();

    public EngineExecutor(SqlEngine engine) {
        this.engine = Objects.requireNonNull(engine, "engine");
    }

    @Override
    public List<KsqlEntity> execute(String sqlText, Map<String, Object> properties) throws StatementException {
        try {
            return entities(engine.execute(sqlText, properties));
        } catch (ScriptException e) {
            throw error(e.getCause(), e.statementText()).withEntities(entities(e.executed()));
        } catch (SqlException e) {
            throw error(e, sqlText);
        }
    }

    private List<KsqlEntity> entities(List<EngineResult> results) {
        List<KsqlEntity> out = new ArrayList<>();
        for (EngineResult r : results) {
            if (r instanceof EngineResult.CommandDone done && done.commandId().startsWith("insert/")) {
                continue; // INSERT INTO ... VALUES returns no entity, as in ksqlDB
            }
            KsqlEntity entity = Entities.of(r);
            if (entity instanceof KsqlEntity.CommandStatusEntity status) {
                commands.put(status.commandId(), status.commandStatus());
            }
            out.add(entity);
        }
        return out;
    }

    static StatementException error(SqlException e, String statementText) {
        int code = e.errorCode() == SqlErrorCode.QUERY_STATEMENT ? ErrorCodes.QUERY_ENDPOINT
                : e.errorCode() == SqlErrorCode.INVALID_ROW ? ErrorCodes.BAD_REQUEST : ErrorCodes.BAD_STATEMENT;
        return new StatementException(code, e.getMessage(), statementText, e.line().orElse(0), e.column().orElse(0),
                List.of());
    }

    @Override
    public QueryHandle query(String sql, Map<String, Object> properties, RowSink sink) throws StatementException {
        try {
            StartedQuery q = engine.query(sql, properties, new SinkListener(sink, sql));
            return new Handle(q);
        } catch (SqlException e) {
            throw error(e, sql);
        }
    }

    @Override
    public void insert(String target, List<Map<String, Object>> rows) throws StatementException {
        try {
            engine.insert(target, rows);
        } catch (SqlException e) {
            throw insertError(e);
        }
    }

    @Override
    public CompletionStage<Void> insertAsync(String target, Map<String, Object> row) throws StatementException {
        try {
            return engine.insertAsync(target, row).exceptionally(EngineExecutor::storeFailure);
        } catch (SqlException e) {
            throw insertError(e);
        }
    }

    /**
     * A row the log refused: too large for the topic is the row's fault (400); anything else
     * stays an internal error.
     */
    private static Void storeFailure(Throwable failure) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                ? failure.getCause() : failure;
        if (cause instanceof RecordTooLargeException) {
            throw new CompletionException(StatementException.badRequest("The row is too large: " + cause.getMessage()));
        }
        throw failure instanceof CompletionException c ? c : new CompletionException(failure);
    }

    /** A bad row is the request's fault (400 bad request); a bad target the statement's. */
    private static StatementException insertError(SqlException e) {
        int code = e.errorCode() == SqlErrorCode.INVALID_ROW || e.errorCode() == SqlErrorCode.COLUMN_NOT_FOUND
                ? ErrorCodes.BAD_REQUEST : ErrorCodes.BAD_STATEMENT;
        return new StatementException(code, e.getMessage(), null);
    }

    @Override
    public Optional<CommandStatus> commandStatus(String commandId) {
        return Optional.ofNullable(commands.get(commandId));
    }

    @Override
    public boolean isHealthy() {
        return engine.isHealthy();
    }

    @Override
    public void close() {
        engine.close();
    }

    /** Forwards the engine's calls to the server's sink. */
    private static final class SinkListener implements QueryListener {
        private final RowSink sink;
        private final String sql;

        SinkListener(RowSink sink, String sql) {
            this.sink = sink;
            this.sql = sql;
        }

        @Override
        public void onStart(String queryId, List<QueryColumn> columns) {
            sink.header(new QueryHeader(queryId, columns.stream()
                    .map(c -> new QueryHeader.Column(c.name(), c.type(), namespace(c.namespace()), c.headerKey()))
                    .toList()));
        }

        private static QueryHeader.Column.Namespace namespace(QueryColumn.Namespace namespace) {
            return switch (namespace) {
                case KEY -> QueryHeader.Column.Namespace.KEY;
                case VALUE -> QueryHeader.Column.Namespace.VALUE;
                case HEADERS -> QueryHeader.Column.Namespace.HEADERS;
            };
        }

        @Override
        public void onRow(List<Object> values) {
            sink.row(values);
        }

        @Override
        public void onTombstone(List<Object> values) {
            sink.tombstone(values);
        }

        @Override
        public void onComplete(String message) {
            sink.complete(message);
        }

        @Override
        public void onError(RuntimeException error) {
            sink.error(error instanceof SqlException e ? error(e, sql)
                    : new StatementException(ErrorCodes.SERVER_ERROR, String.valueOf(error.getMessage()), sql));
        }
    }

    private record Handle(StartedQuery query) implements QueryHandle {
        @Override
        public String queryId() {
            return query.id();
        }

        @Override
        public void close() {
            query.close();
        }
    }
}
