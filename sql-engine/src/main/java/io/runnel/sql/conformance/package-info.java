/**
 * The conformance runner: executes ksqlDB's query-validation test files (QTT JSON) against
 * Runnel and reports, per case, passed / failed / skipped.
 *
 * <p>{@link io.runnel.sql.conformance.QttLoader} reads a file (comments allowed) and expands
 * each test's {@code format} and {@code config} lists into cases;
 * {@link io.runnel.sql.conformance.SkipRules} marks the cases we do not aim at (schema-registry
 * formats, ksqlDB's test-only functions); a {@link io.runnel.sql.conformance.CaseExecutor} runs a
 * case; {@link io.runnel.sql.conformance.OutputMatcher} compares records the way ksqlDB's test
 * harness does; {@link io.runnel.sql.conformance.ConformanceReport} writes {@code report.json} and
 * the summary line; {@link io.runnel.sql.conformance.Baseline} keeps the list of passing cases that
 * may only grow.
 */
package io.runnel.sql.conformance;
