/**
 * The analyzer: resolves names and types of expressions and statements against the catalog,
 * with ksqlDB's typing rules ({@link io.runnel.sql.internal.analyzer.TypeRules}). Errors are
 * {@link io.runnel.sql.SqlException}s located at the offending node.
 */
package io.runnel.sql.internal.analyzer;
