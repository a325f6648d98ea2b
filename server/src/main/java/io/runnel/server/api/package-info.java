/**
 * The server's public API: the engine-facing SPI ({@link io.runnel.server.api.StatementExecutor},
 * {@link io.runnel.server.api.StatementExecutorFactory}), the REST entities shaped like ksqlDB's
 * ({@link io.runnel.server.api.KsqlEntity} and friends) and the server entry point
 * ({@link io.runnel.server.api.RunnelServer}).
 *
 * <p>The SQL engine does not depend on this package; an adapter (in a module above the engine, or
 * supplied through {@link java.util.ServiceLoader}) implements {@code StatementExecutor} over it.
 */
package io.runnel.server.api;
