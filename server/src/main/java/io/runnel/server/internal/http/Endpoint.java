package io.runnel.server.internal.http;

/**
 * Handles requests whose body is read whole before the endpoint sees it. Called on the
 * connection's event loop: implementations must not block (they hand work to the worker pool).
 */
interface Endpoint {

    void handle(HttpExchange exchange, byte[] body);
}
