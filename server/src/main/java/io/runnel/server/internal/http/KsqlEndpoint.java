package io.runnel.server.internal.http;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.runnel.server.api.KsqlEntity;
import io.runnel.server.api.StatementException;
import io.runnel.server.api.StatementExecutor;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;

/**
 * {@code POST /ksql}: {@code {"ksql": "CREATE ...; SHOW STREAMS;", "streamsProperties": {...}}}
 * → 200 and a JSON array with the entity of each statement, or a 4xx error whose
 * {@code entities} hold the results of the statements before the failing one.
 */
final class KsqlEndpoint implements Endpoint {

    private static final TypeReference<List<KsqlEntity>> ENTITIES = new TypeReference<>() { };

    private final StatementExecutor executor;
    private final Executor workers;

    KsqlEndpoint(StatementExecutor executor, Executor workers) {
        this.executor = executor;
        this.workers = workers;
    }

    @Override
    public void handle(HttpExchange exchange, byte[] body) {
        String sql;
        Map<String, Object> properties;
        try {
            JsonNode request = RequestBodies.object(exchange, body);
            sql = RequestBodies.requiredText(request, "ksql");
            properties = RequestBodies.properties(exchange, request, "streamsProperties");
        } catch (StatementException e) {
            exchange.sendError(Errors.toMessage(e));
            return;
        }
        workers.execute(() -> {
            try {
                List<KsqlEntity> entities = executor.execute(sql, properties);
                exchange.sendJsonBytes(HttpResponseStatus.OK, exchange.mapper().writerFor(ENTITIES).writeValueAsBytes(entities));
            } catch (StatementException | IOException | RuntimeException e) {
                exchange.sendError(Errors.toMessage(e));
            }
        });
    }
}
