package io.runnel.server.internal.http;

import io.netty.handler.codec.http.HttpResponseStatus;
import io.runnel.server.api.StatementException;
import java.util.concurrent.Executor;

/**
 * {@code POST /close-query} with {@code {"queryId": "..."}}: closes a query started through this
 * server; its response then ends. 200 with an empty body, or 400 (40000) for an unknown id.
 */
final class CloseQueryEndpoint implements Endpoint {

    private final ActiveQueries active;
    private final Executor workers;

    CloseQueryEndpoint(ActiveQueries active, Executor workers) {
        this.active = active;
        this.workers = workers;
    }

    @Override
    public void handle(HttpExchange exchange, byte[] body) {
        String queryId;
        try {
            queryId = RequestBodies.requiredText(RequestBodies.object(exchange, body), "queryId");
        } catch (StatementException e) {
            exchange.sendError(Errors.toMessage(e));
            return;
        }
        workers.execute(() -> {
            if (active.close(queryId)) {
                exchange.sendEmpty(HttpResponseStatus.OK);
            } else {
                exchange.sendError(Errors.badRequest("No query with id " + queryId));
            }
        });
    }
}
