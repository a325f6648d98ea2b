/**
 * The server's {@link io.runnel.server.api.StatementExecutor} over Runnel's SQL engine
 * ({@link io.runnel.sql.engine.SqlEngine}): results mapped to ksqlDB's entities, SQL errors to
 * statement errors with codes and positions. Registered through {@code META-INF/services}.
 */
package io.runnel.server.internal.engine;
