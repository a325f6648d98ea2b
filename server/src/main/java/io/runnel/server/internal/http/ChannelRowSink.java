package io.runnel.server.internal.http;

import io.runnel.server.api.ErrorCodes;
import io.runnel.server.api.KsqlErrorMessage;
import io.runnel.server.api.QueryHeader;
import io.runnel.server.api.RowSink;
import io.runnel.server.api.StatementException;
import java.util.List;
import java.util.function.Consumer;

/**
 * A {@link RowSink} that streams one query's result into an HTTP response, chunk by chunk, in
 * the format of its {@link QueryResponseWriter}. An error before the header becomes a complete
 * error response (4xx for user errors); an error after it is written into the stream.
 *
 * <p>Thread-safe: the engine calls it from its threads while the server may {@link #detach()}
 * it when the client goes away; after either the end or a detach, calls do nothing.
 *
 * <p>Back-pressure: after writing a row, {@link #row} waits while the connection's outbound
 * buffer is above Netty's high-water mark (64 KiB by default), so a client that reads slower
 * than the query produces stalls the query's thread instead of filling the server's memory (as
 * ksqlDB's push queries stall on their full queue). A disconnect ends the wait.
 */
final class ChannelRowSink implements RowSink {

    private final HttpExchange exchange;
    private final QueryResponseWriter writer;
    private final Consumer<String> onHeader;
    private final Runnable onEnd;
    private boolean started;
    private boolean ended;

    /**
     * @param onHeader run with the query's id just before its header is written (outside this
     *                 sink's lock: it may end the response)
     * @param onEnd    run once when the response ends by itself (complete or error), not on detach
     */
    ChannelRowSink(HttpExchange exchange, QueryResponseWriter writer, Consumer<String> onHeader, Runnable onEnd) {
        this.exchange = exchange;
        this.writer = writer;
        this.onHeader = onHeader;
        this.onEnd = onEnd;
    }

    @Override
    public void header(QueryHeader header) {
        synchronized (this) {
            if (ended || started) {
                return;
            }
        }
        onHeader.accept(header.queryId());
        synchronized (this) {
            if (ended || started) {
                return;
            }
            started = true;
            exchange.startStream(writer.contentType());
            exchange.writeChunk(writer.header(header));
        }
    }

    @Override
    public void row(List<Object> values) {
        synchronized (this) {
            if (ended || !started) {
                return;
            }
            exchange.writeChunk(writer.row(values));
        }
        awaitClient();
    }

    @Override
    public void tombstone(List<Object> values) {
        synchronized (this) {
            if (ended || !started) {
                return;
            }
            exchange.writeChunk(writer.tombstone(values));
        }
        awaitClient();
    }

    /** Back-pressure: the engine's thread waits while the client is behind (outside the lock). */
    private void awaitClient() {
        try {
            exchange.awaitWritable();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void complete(String finalMessage) {
        synchronized (this) {
            if (ended) {
                return;
            }
            ended = true;
            if (!started) {
                exchange.sendError(new KsqlErrorMessage.GenericError(ErrorCodes.SERVER_ERROR,
                        "Internal server error: the query completed without sending its columns"));
            } else {
                exchange.writeChunk(writer.complete(finalMessage));
                exchange.writeChunk(writer.end());
                exchange.endStream();
            }
        }
        onEnd.run();
    }

    @Override
    public void error(StatementException error) {
        synchronized (this) {
            if (ended) {
                return;
            }
            ended = true;
            KsqlErrorMessage message = KsqlErrorMessage.of(error);
            if (!started) {
                exchange.sendError(message);
            } else {
                exchange.writeChunk(writer.error(message));
                exchange.writeChunk(writer.end());
                exchange.endStream();
            }
        }
        onEnd.run();
    }

    /** The server closed the query (close-query, shutdown): end the response as it stands. */
    synchronized void endByServer() {
        if (ended) {
            return;
        }
        ended = true;
        if (started) {
            exchange.writeChunk(writer.end());
            exchange.endStream();
        } else {
            exchange.sendError(new KsqlErrorMessage.GenericError(ErrorCodes.BAD_REQUEST, "Query closed"));
        }
    }

    /** The client went away: write nothing more. */
    synchronized void detach() {
        ended = true;
    }

    synchronized boolean isEnded() {
        return ended;
    }
}
