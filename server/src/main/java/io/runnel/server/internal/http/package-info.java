/**
 * The Netty HTTP/1.1 side of the server: one handler reads requests and routes them
 * ({@link io.runnel.server.internal.http.RequestDispatcher}), one class per endpoint, one writer
 * per streamed query format. Endpoints never block an event loop: calls into the
 * {@link io.runnel.server.api.StatementExecutor} run on a worker pool.
 */
package io.runnel.server.internal.http;
