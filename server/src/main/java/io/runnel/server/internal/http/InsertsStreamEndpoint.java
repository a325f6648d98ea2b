package io.runnel.server.internal.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.netty.buffer.ByteBuf;
import io.runnel.server.api.ErrorCodes;
import io.runnel.server.api.KsqlErrorMessage;
import io.runnel.server.api.StatementException;
import io.runnel.server.api.StatementExecutor;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * {@code POST /inserts-stream}: the body is read as it arrives, one JSON object per line. The
 * first line names the target ({@code {"target": "PAGEVIEWS"}}); each following line is a row,
 * inserted in order, and acknowledged with a line {@code {"status":"ok","seq":n}} ({@code seq}
 * counts rows from 0) once it is stored. A row that fails is answered with
 * {@code {"status":"error","seq":n,"error_code":..,"message":..}} and ends the response; later
 * rows are ignored. An unknown target is a complete 4xx error response.
 *
 * <p>Rows are pipelined: each is checked and sent ({@link StatementExecutor#insertAsync}) as
 * soon as its line arrives, without waiting for the rows before it to be stored, and the
 * acknowledgements are written in {@code seq} order as the rows complete. The number of rows in
 * flight is bounded by the engine's producer buffer, which blocks the request's worker when full.
 */
final class InsertsStreamEndpoint implements StreamingEndpoint {

    static final String CONTENT_TYPE = QueryStreamFormats.DELIMITED;

    private final StatementExecutor executor;
    private final Executor workers;
    private final int maxLineBytes;

    InsertsStreamEndpoint(StatementExecutor executor, Executor workers, int maxLineBytes) {
        this.executor = executor;
        this.workers = workers;
        this.maxLineBytes = maxLineBytes;
    }

    @Override
    public BodyListener open(HttpExchange exchange) {
        return new Request(exchange);
    }

    /** One request: lines are split on the event loop and processed in order on a worker. */
    private final class Request implements BodyListener {
        private final HttpExchange exchange;
        private final LineSplitter lines = new LineSplitter(maxLineBytes);
        private final SerialExecutor serial = new SerialExecutor(workers);
        // The fields below are only touched by tasks of `serial`, one at a time.
        private String target;
        private long seq;
        /** No more lines are taken (the body ended or a row failed). */
        private boolean done;
        /** The response is complete. */
        private boolean ended;
        /** The body has ended: once every row is acknowledged, so does the response. */
        private boolean bodyEnded;
        /** Rows sent and not acknowledged yet, oldest first. */
        private final ArrayDeque<PendingRow> pending = new ArrayDeque<>();
        /** A drain of acknowledgements is scheduled on {@code serial}; set by completing rows. */
        private final AtomicBoolean drainScheduled = new AtomicBoolean();
        private volatile boolean aborted;

        Request(HttpExchange exchange) {
            this.exchange = exchange;
        }

        @Override
        public void onContent(ByteBuf content) {
            List<byte[]> complete;
            try {
                complete = lines.feed(content);
            } catch (IllegalArgumentException e) {
                serial.execute(() -> fail(Errors.badRequest(e.getMessage())));
                return;
            }
            if (!complete.isEmpty()) {
                serial.execute(() -> complete.forEach(this::line));
            }
        }

        @Override
        public void onEnd() {
            for (byte[] line : lines.finish()) {
                serial.execute(() -> line(line));
            }
            serial.execute(this::end);
        }

        @Override
        public void onAbort() {
            aborted = true;
        }

        private void line(byte[] line) {
            if (done || aborted) {
                return;
            }
            if (target == null) {
                begin(line);
            } else {
                insert(line);
            }
        }

        private void begin(byte[] line) {
            try {
                JsonNode first = RequestBodies.object(exchange, line);
                String name = RequestBodies.requiredText(first, "target");
                executor.insert(name, List.of());
                target = name;
                exchange.startStream(CONTENT_TYPE);
            } catch (StatementException | RuntimeException e) {
                fail(Errors.toMessage(e));
            }
        }

        private void insert(byte[] line) {
            long rowSeq = seq++;
            CompletableFuture<Void> stored;
            try {
                stored = executor.insertAsync(target, parseRow(line)).toCompletableFuture();
            } catch (StatementException | RuntimeException e) {
                done = true; // the rows after a bad one are ignored
                stored = CompletableFuture.failedFuture(e);
            }
            pending.add(new PendingRow(rowSeq, stored));
            stored.whenComplete((ok, error) -> scheduleDrain());
        }

        private void scheduleDrain() {
            if (drainScheduled.compareAndSet(false, true)) {
                serial.execute(this::drainAcks);
            }
        }

        /**
         * Writes the acknowledgements of the oldest rows that are stored, in one chunk, up to the
         * first row still in flight; the first failed row ends the response. Runs on {@code serial}.
         */
        private void drainAcks() {
            drainScheduled.set(false);
            if (ended || aborted) {
                return;
            }
            StringBuilder oks = new StringBuilder();
            while (!pending.isEmpty() && pending.peek().stored().isDone()) {
                PendingRow row = pending.poll();
                Throwable error = failure(row.stored());
                if (error != null) {
                    writeAcks(oks);
                    writeError(row.seq(), error);
                    return;
                }
                oks.append("{\"status\":\"ok\",\"seq\":").append(row.seq()).append("}\n");
            }
            writeAcks(oks);
            if (bodyEnded && pending.isEmpty()) {
                ended = true;
                exchange.endStream();
            }
        }

        private static Throwable failure(CompletableFuture<Void> stored) {
            try {
                stored.join();
                return null;
            } catch (CompletionException e) {
                return e.getCause() == null ? e : e.getCause();
            } catch (RuntimeException e) {
                return e;
            }
        }

        private void writeAcks(StringBuilder acks) {
            if (!acks.isEmpty()) {
                exchange.writeChunk(acks.toString().getBytes(StandardCharsets.UTF_8));
            }
        }

        private void writeError(long rowSeq, Throwable error) {
            KsqlErrorMessage message = Errors.toMessage(error);
            Map<String, Object> ack = new LinkedHashMap<>();
            ack.put("status", "error");
            ack.put("seq", rowSeq);
            ack.put("error_code", message.errorCode());
            ack.put("message", message.message());
            exchange.writeChunk(ack(ack));
            exchange.endStream();
            ended = true;
            done = true;
        }

        /**
         * The row's fields with their values as parsed ({@link JsonNode}s, which the engine reads
         * by column type without converting them again).
         */
        private Map<String, Object> parseRow(byte[] line) throws StatementException {
            JsonNode row;
            try {
                row = exchange.mapper().readTree(line);
            } catch (IOException e) {
                throw StatementException.badRequest("Invalid JSON in row: " + e.getMessage());
            }
            if (row == null || !row.isObject()) {
                throw StatementException.badRequest("A row must be a JSON object: "
                        + new String(line, StandardCharsets.UTF_8));
            }
            Map<String, Object> values = new LinkedHashMap<>();
            row.fields().forEachRemaining(field -> values.put(field.getKey(), field.getValue()));
            return values;
        }

        private byte[] ack(Map<String, Object> ack) {
            byte[] json = Json.write(exchange.mapper(), ack);
            byte[] out = new byte[json.length + 1];
            System.arraycopy(json, 0, out, 0, json.length);
            out[json.length] = '\n';
            return out;
        }

        private void fail(KsqlErrorMessage error) {
            if (done || aborted) {
                return;
            }
            done = true;
            if (target == null) {
                ended = true;
                exchange.sendError(error);
            } else {
                pending.add(new PendingRow(seq, CompletableFuture.failedFuture(new StatementException(error.errorCode(),
                        error.message(), null))));
                drainAcks();
            }
        }

        /** The body ended: once every row is acknowledged, so does the response. */
        private void end() {
            if (target == null) {
                if (!done && !aborted) {
                    done = true;
                    ended = true;
                    exchange.sendError(new KsqlErrorMessage.GenericError(ErrorCodes.BAD_REQUEST,
                            "The request names no target: its first line must be {\"target\": \"NAME\"}"));
                }
                return;
            }
            done = true;
            bodyEnded = true;
            drainAcks();
        }
    }

    /** A row sent to the engine and the future of its storage. */
    private record PendingRow(long seq, CompletableFuture<Void> stored) {
    }
}
