/**
 * Runs ksqlDB's REST query-validation files ({@code qtt/rqtt}) against a real Runnel server on
 * 127.0.0.1 over HTTP: {@link io.runnel.server.conformance.HttpCaseExecutor} is the
 * {@link io.runnel.sql.conformance.RestCaseExecutor} that {@code ./runnel conformance DIR} and the
 * server's conformance suite hand to {@link io.runnel.sql.conformance.ConformanceRunner#runRest}.
 */
package io.runnel.server.conformance;
