package io.runnel.server.client;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Flow;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * A query whose rows are read as the server sends them ({@code /query-stream}, delimited
 * format). {@link #next()} blocks until a row arrives or the query ends; {@link #close()} (from
 * any thread, for example a Ctrl-C handler) stops the query on the server and makes a blocked
 * {@code next()} return null.
 *
 * <p>Rows are buffered without bound while the reader is slower than the query.
 * One thread reads; {@code close()} may come from another.
 */
public final class StreamedQuery implements AutoCloseable {

    private static final TypeReference<List<Object>> ROW = new TypeReference<>() { };

    private final String queryId;
    private final List<String> columnNames;
    private final List<String> columnTypes;
    private final LineQueue lines;
    private final ObjectMapper mapper;
    private final Runnable closeOnServer;
    private volatile boolean closed;
    private boolean ended;

    StreamedQuery(String queryId, List<String> columnNames, List<String> columnTypes, LineQueue lines,
            ObjectMapper mapper, Runnable closeOnServer) {
        this.queryId = Objects.requireNonNull(queryId, "queryId");
        this.columnNames = List.copyOf(columnNames);
        this.columnTypes = List.copyOf(columnTypes);
        this.lines = lines;
        this.mapper = mapper;
        this.closeOnServer = closeOnServer;
    }

    public String queryId() {
        return queryId;
    }

    public List<String> columnNames() {
        return columnNames;
    }

    public List<String> columnTypes() {
        return columnTypes;
    }

    /**
     * The next row, blocking until it arrives; null once the query ended (by itself, or because
     * it was closed).
     *
     * @throws RunnelClientException if the query failed on the server or the connection broke
     */
    public List<Object> next() {
        while (!ended) {
            String line;
            try {
                line = lines.take();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new RunnelClientException("interrupted while waiting for a row", e);
            }
            if (line == LineQueue.END) {
                ended = true;
                return null;
            }
            if (line == LineQueue.FAILED) {
                ended = true;
                if (closed) {
                    return null;
                }
                throw new RunnelClientException("the query's connection broke", lines.failure());
            }
            String trimmed = line.strip();
            if (trimmed.isEmpty()) {
                continue;
            }
            if (trimmed.startsWith("{")) {
                ended = true;
                throw ErrorBodies.parse(mapper, 200, trimmed);
            }
            try {
                return new ArrayList<>(mapper.readValue(trimmed, ROW));
            } catch (IOException e) {
                ended = true;
                throw new RunnelClientException("unreadable row from the server: " + trimmed, e);
            }
        }
        return null;
    }

    /** Reads every remaining row (for a pull query, or a push query with LIMIT). */
    public QueryResult drain() {
        List<List<Object>> rows = new ArrayList<>();
        for (List<Object> row = next(); row != null; row = next()) {
            rows.add(row);
        }
        return new QueryResult(queryId, columnNames, columnTypes, rows);
    }

    /** Whether the query was closed by {@link #close()}. */
    public boolean isClosed() {
        return closed;
    }

    /** Stops the query on the server (if still running) and ends {@link #next()}. Idempotent. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        boolean running = !lines.isEnded();
        lines.cancel();
        if (running) {
            closeOnServer.run();
        }
    }

    /** The lines of a response body, as a Flow subscriber feeding a blocking queue. */
    static final class LineQueue implements Flow.Subscriber<String> {
        static final String END = new String("<end>");
        static final String FAILED = new String("<failed>");

        private final BlockingQueue<String> queue = new LinkedBlockingQueue<>();
        private volatile Flow.Subscription subscription;
        private volatile Throwable failure;
        private volatile boolean ended;
        private volatile boolean cancelled;

        @Override
        public void onSubscribe(Flow.Subscription s) {
            subscription = s;
            if (cancelled) {
                s.cancel();
            } else {
                s.request(Long.MAX_VALUE);
            }
        }

        @Override
        public void onNext(String line) {
            queue.add(line);
        }

        @Override
        public void onError(Throwable t) {
            failure = t;
            ended = true;
            queue.add(FAILED);
        }

        @Override
        public void onComplete() {
            ended = true;
            queue.add(END);
        }

        String take() throws InterruptedException {
            return queue.take();
        }

        Throwable failure() {
            return failure;
        }

        boolean isEnded() {
            return ended;
        }

        void cancel() {
            cancelled = true;
            Flow.Subscription s = subscription;
            if (s != null) {
                s.cancel();
            }
            queue.add(END);
        }

        /** Every line until the end (for error bodies). */
        String readAll() throws InterruptedException {
            StringBuilder sb = new StringBuilder();
            for (String line = take(); line != END && line != FAILED; line = take()) {
                sb.append(line).append('\n');
            }
            return sb.toString();
        }
    }
}
