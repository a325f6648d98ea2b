package io.runnel.server.internal.http;

import io.netty.handler.codec.http.HttpResponseStatus;
import io.runnel.server.api.CommandStatus;
import io.runnel.server.api.ErrorCodes;
import io.runnel.server.api.KsqlErrorMessage;
import io.runnel.server.api.ServerInfo;
import io.runnel.server.api.StatementExecutor;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.function.Supplier;

/** The small read-only endpoints: {@code /info}, {@code /healthcheck}, {@code /status/{id}}. */
final class InfoEndpoints {

    private InfoEndpoints() {
    }

    /** {@code GET /info} → {@code {"KsqlServerInfo": {...}}}. */
    static Endpoint info(Supplier<ServerInfo> info) {
        return (exchange, body) -> exchange.sendJson(HttpResponseStatus.OK, Map.of("KsqlServerInfo", info.get()));
    }

    /**
     * {@code GET /healthcheck} → {@code {"isHealthy":true,"details":{...},"serverState":"READY"}}
     * (200 when healthy, 503 when not, as ksqlDB).
     */
    static Endpoint healthcheck(StatementExecutor executor, Executor workers) {
        return (exchange, body) -> workers.execute(() -> {
            boolean healthy;
            try {
                healthy = executor.isHealthy();
            } catch (RuntimeException e) {
                healthy = false;
            }
            Map<String, Object> engine = Map.of("isHealthy", healthy);
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("metastore", engine);
            details.put("kafka", engine);
            details.put("commandRunner", engine);
            Map<String, Object> response = new LinkedHashMap<>();
            response.put("isHealthy", healthy);
            response.put("details", details);
            response.put("serverState", healthy ? "READY" : "ERROR");
            exchange.sendJson(healthy ? HttpResponseStatus.OK : HttpResponseStatus.SERVICE_UNAVAILABLE, response);
        });
    }

    /**
     * {@code GET /status/{commandId}} (the id may contain slashes, such as
     * {@code stream/`S`/create}) → the command's {@link CommandStatus}, or 404 (40400).
     */
    static Endpoint status(StatementExecutor executor, Executor workers) {
        return (exchange, body) -> workers.execute(() -> {
            String commandId = exchange.path().substring("/status/".length());
            try {
                Optional<CommandStatus> status = executor.commandStatus(commandId);
                if (status.isPresent()) {
                    exchange.sendJson(HttpResponseStatus.OK, status.get());
                } else {
                    exchange.sendError(new KsqlErrorMessage.GenericError(ErrorCodes.NOT_FOUND,
                            "Command not found: " + commandId));
                }
            } catch (RuntimeException e) {
                exchange.sendError(Errors.toMessage(e));
            }
        });
    }
}
