/**
 * The SQL abstract syntax tree: immutable records under sealed interfaces
 * ({@link io.runnel.sql.internal.ast.Statement}, {@link io.runnel.sql.internal.ast.Expression},
 * {@link io.runnel.sql.internal.ast.Relation}, {@link io.runnel.sql.internal.ast.SelectItem},
 * {@link io.runnel.sql.internal.ast.WindowExpression}, {@link io.runnel.sql.internal.ast.TypeExpr}),
 * each node carrying the {@link io.runnel.sql.internal.ast.Position} it was parsed from. Names are
 * normalized (unquoted identifiers upper-cased). Translators over the AST switch over the sealed
 * types, so a new node kind is a compile error wherever it must be handled.
 */
package io.runnel.sql.internal.ast;
