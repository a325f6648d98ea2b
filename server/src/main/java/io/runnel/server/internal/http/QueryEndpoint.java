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
        Registration registration = new Registration(exchange.channel());
        ChannelRowSink sink = new ChannelRowSink(exchange, writer, registration::announce, registration::ended);
        registration.sink = sink;
        QueryHandle handle;
        try {
            handle = executor.query(sql, properties, sink);
        } catch (StatementException | RuntimeException e) {
            registration.ended();
            exchange.sendError(Errors.toMessage(e));
            return;
        }
        registration.started(handle);
    }

    /**
     * Ties a running query to its connection: registered in {@link ActiveQueries} just before its
     * header goes out (so a client that read the query id can close it at once) and closed when
     * the connection closes, until the query ends. The query's handle arrives after the header
     * (when {@link StatementExecutor#query} returns); a close that comes first is carried out
     * when it arrives. A query that ends by itself (which may happen before the handle arrives)
     * is forgotten.
     */
    private final class Registration implements ActiveQueries.ActiveQuery {
        private final Channel channel;
        /** Runs on the event loop; closing a query may block, so it moves to a worker. */
        private final ChannelFutureListener onDisconnect = future -> workers.execute(this::disconnected);
        private ChannelRowSink sink;
        private String queryId;
        private QueryHandle handle;
        /** In {@link ActiveQueries}, listening for the disconnect. */
        private boolean registered;
        /** Ended by itself, closed by the server, or disconnected. */
        private boolean ended;

        Registration(Channel channel) {
            this.channel = channel;
        }

        @Override
        public synchronized String queryId() {
            return queryId;
        }

        /** The header with the query's id is about to be written: from now on it can be closed by id. */
        void announce(String id) {
            synchronized (this) {
                if (ended || registered) {
                    return;
                }
                queryId = id;
                registered = true;
            }
            channel.closeFuture().addListener(onDisconnect);
            active.add(this); // during shutdown, closes it at once
        }

        /** The query started; its handle is here. */
        void started(QueryHandle queryHandle) {
            boolean closeNow;
            boolean announceNow;
            synchronized (this) {
                handle = queryHandle;
                closeNow = ended;
                announceNow = !ended && !registered;
            }
            if (closeNow) {
                queryHandle.close();
            } else if (announceNow) {
                announce(queryHandle.queryId());
            }
        }

        /**
         * The query ended by itself (complete or error). Called from inside the sink, so it does
         * not call back into the query.
         */
        void ended() {
            boolean wasRegistered;
            synchronized (this) {
                ended = true;
                wasRegistered = registered;
            }
            if (wasRegistered) {
                active.remove(this);
                channel.closeFuture().removeListener(onDisconnect);
            }
        }

        /** Closed through /close-query or shutdown. */
        @Override
        public void close() {
            QueryHandle h;
            synchronized (this) {
                if (ended) {
                    return;
                }
                ended = true;
                h = handle;
            }
            channel.closeFuture().removeListener(onDisconnect);
            if (h != null) {
                h.close(); // else started() closes it when the handle arrives
            }
            sink.endByServer();
        }

        private void disconnected() {
            QueryHandle h;
            boolean wasRegistered;
            synchronized (this) {
                if (ended) {
                    return;
                }
                ended = true;
                h = handle;
                wasRegistered = registered;
            }
            sink.detach();
            if (wasRegistered) {
                active.remove(this);
            }
            if (h != null) {
                h.close();
            }
        }
    }
}
