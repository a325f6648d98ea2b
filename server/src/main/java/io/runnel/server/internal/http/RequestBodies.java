package io.runnel.server.internal.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.runnel.server.api.StatementException;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

/** Reads the JSON bodies of requests; every mistake is a {@link StatementException} (40000). */
final class RequestBodies {

    private RequestBodies() {
    }

    /** The body as a JSON object. */
    static JsonNode object(HttpExchange exchange, byte[] body) throws StatementException {
        if (body.length == 0) {
            throw StatementException.badRequest("Request body is empty; expected a JSON object");
        }
        JsonNode node;
        try {
            node = exchange.mapper().readTree(body);
        } catch (JsonProcessingException e) {
            throw StatementException.badRequest("Invalid JSON in request: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw StatementException.badRequest("Invalid JSON in request: " + e.getMessage());
        }
        if (node == null || !node.isObject()) {
            throw StatementException.badRequest("Expected a JSON object in the request body");
        }
        return node;
    }

    /** A required string field. */
    static String requiredText(JsonNode object, String field) throws StatementException {
        JsonNode value = object.get(field);
        if (value == null || value.isNull()) {
            throw StatementException.badRequest("No '" + field + "' field in the request");
        }
        if (!value.isTextual()) {
            throw StatementException.badRequest("Field '" + field + "' must be a string");
        }
        return value.asText();
    }

    /** An optional object field as a map of JSON values; empty if absent. */
    static Map<String, Object> properties(HttpExchange exchange, JsonNode object, String field)
            throws StatementException {
        JsonNode value = object.get(field);
        if (value == null || value.isNull()) {
            return Map.of();
        }
        if (!value.isObject()) {
            throw StatementException.badRequest("Field '" + field + "' must be a JSON object");
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> map = exchange.mapper().convertValue(value, LinkedHashMap.class);
        return map;
    }
}
