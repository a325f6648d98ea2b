/**
 * The API for functions: the annotations that make a class a scalar (UDF), aggregate (UDAF) or
 * table (UDTF) function, shaped like ksqlDB's so that its users' functions carry over, and the
 * value classes functions see (e.g. {@link io.runnel.sql.function.Struct}). Value mapping of SQL
 * types to Java types: see docs/internals/sql-engine.md.
 */
package io.runnel.sql.function;
