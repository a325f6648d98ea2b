/**
 * Execution of compiled plans: expressions compiled to bytecode
 * ({@link io.runnel.sql.internal.exec.ExpressionCompiler}) and the run-time helpers the
 * generated code calls ({@link io.runnel.sql.internal.exec.SqlOps}).
 */
package io.runnel.sql.internal.exec;
