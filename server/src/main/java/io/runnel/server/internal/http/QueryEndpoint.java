package io.runnel.server.internal.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.runnel.server.api.QueryHandle;
import io.runnel.server.api.StatementException;
import io.runnel.server.api.StatementExecutor;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.function.BiFunction;

/**
 * Starts a push or pull query and streams its result as it arrives: {@code POST /query-stream}
 * ({@code {"sql": ..., "properties": {...}}}, format chosen by the Accept header) and ksqlDB's
 * older {@code POST /query} ({@code {"ksql": ..., "streamsProperties": {...}}}, StreamedRow
 * format).
 *
 * <p>The query lives as long as its response: when the client disconnects, the query is closed;
 * when the query ends, the response ends. Running queries are registered in
 * {@link ActiveQueries} for {@code /close-query} and shutdown.
 */
final class QueryEndpoint implements Endpoint {

    private final StatementExecutor executor;
    private final Executor workers;
    private final ActiveQueries active;
    private final String sqlField;
    private final String propertiesField;
    private final BiFunction<String, ObjectMapper, QueryResponseWriter> writerForAccept;

    private QueryEndpoint(StatementExecutor executor, Executor workers, ActiveQueries active, String sqlField,
            String propertiesField, BiFunction<String, ObjectMapper, QueryResponseWriter> writerForAccept) {
        this.executor = executor;
        this.workers = workers;
        this.active = active;
        this.sqlField = sqlField;
        this.propertiesField = propertiesField;
        this.writerForAccept = writerForAccept;
    }

    /** {@code /query-stream}. */
    static QueryEndpoint queryStream(StatementExecutor executor, Executor workers, ActiveQueries active) {
        return new QueryEndpoint(executor, workers, active, "sql", "properties", QueryStreamFormats::forAccept);
    }

    /** ksqlDB's older {@code /query}. */
    static QueryEndpoint legacyQuery(StatementExecutor executor, Executor workers, ActiveQueries active) {
        return new QueryEndpoint(executor, workers, active, "ksql", "streamsProperties",
                (accept, mapper) -> new QueryStreamFormats.StreamedRows(mapper));
    }

    @Override
    public void handle(HttpExchange exchange, byte[] body) {
        String sql;
        Map<String, Object> properties;
        try {
            JsonNode request = RequestBodies.object(exchange, body);
            sql = RequestBodies.requiredText(request, sqlField);
            properties = RequestBodies.properties(exchange, request, propertiesField);
        } catch (StatementException e) {
            exchange.sendError(Errors.toMessage(e));
            return;
        }
        QueryResponseWriter writer = writerForAccept.apply(exchange.headers().get(HttpHeaderNames.ACCEPT),
                exchange.mapper());
        workers.execute(() -> start(exchange, sql, properties, writer));
    }

    private void start(HttpExchange exchange, String sql, Map<String, Object> properties,
            QueryResponseWriter writer) {
        Channel channel = exchange.channel();
        Registration registration = new Registration(channel);
        ChannelRowSink sink = new ChannelRowSink(exchange, writer, registration::ended);
        QueryHandle handle;
        try {
            handle = executor.query(sql, properties, sink);
        } catch (StatementException | RuntimeException e) {
            exchange.sendError(Errors.toMessage(e));
            return;
        }
        registration.register(handle, sink);
    }

    /**
     * Ties a running query to its connection: registered in {@link ActiveQueries} and closed when
     * the connection closes, until the query ends (which may happen before it is registered).
     */
    private final class Registration implements ActiveQueries.ActiveQuery {
        private final Channel channel;
        /** Runs on the event loop; closing a query may block, so it moves to a worker. */
        private final ChannelFutureListener onDisconnect = future -> workers.execute(this::disconnected);
        private QueryHandle handle;
        private ChannelRowSink sink;
        private boolean ended;

        Registration(Channel channel) {
            this.channel = channel;
        }

        @Override
        public synchronized String queryId() {
            return handle.queryId();
        }

        synchronized void register(QueryHandle queryHandle, ChannelRowSink querySink) {
            this.handle = queryHandle;
            this.sink = querySink;
            if (ended) {
                queryHandle.close();
                return;
            }
            active.add(this);
            if (ended) {
                return; // the server is shutting down: add() has closed the query already
            }
            channel.closeFuture().addListener(onDisconnect);
        }

        /**
         * The query ended by itself (complete or error). Called from inside the sink, so it does
         * not call back into the query.
         */
        synchronized void ended() {
            ended = true;
            if (handle != null) {
                active.remove(this);
                channel.closeFuture().removeListener(onDisconnect);
            }
        }

        /** Closed through /close-query or shutdown. */
        @Override
        public void close() {
            QueryHandle h;
            synchronized (this) {
                if (ended || handle == null) {
                    return;
                }
                ended = true;
                h = handle;
                channel.closeFuture().removeListener(onDisconnect);
            }
            h.close();
            sink.endByServer();
        }

        private void disconnected() {
            QueryHandle h;
            synchronized (this) {
                if (ended) {
                    return;
                }
                ended = true;
                h = handle;
            }
            sink.detach();
            active.remove(this);
            h.close();
        }
    }
}
