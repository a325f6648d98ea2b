/**
 * SQL text to AST: the ANTLR grammar {@code RunnelSql.g4} (ksqlDB's dialect), the builders from
 * parse tree to AST, readable syntax errors, {@code ${variable}} substitution and the formatter
 * that prints an AST back as SQL. Entry point: {@link io.runnel.sql.internal.parser.SqlParser}.
 */
package io.runnel.sql.internal.parser;
