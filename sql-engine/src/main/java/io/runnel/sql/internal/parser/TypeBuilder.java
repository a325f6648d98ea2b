package io.runnel.sql.internal.parser;

import static io.runnel.sql.internal.parser.ParseTrees.error;
import static io.runnel.sql.internal.parser.ParseTrees.identifier;
import static io.runnel.sql.internal.parser.ParseTrees.longValue;
import static io.runnel.sql.internal.parser.ParseTrees.position;
import static io.runnel.sql.internal.parser.ParseTrees.unhandled;

import io.runnel.sql.SqlErrorCode;
import io.runnel.sql.internal.ast.Position;
import io.runnel.sql.internal.ast.TypeExpr;
import io.runnel.sql.internal.parser.RunnelSqlParser.ArrayTypeContext;
import io.runnel.sql.internal.parser.RunnelSqlParser.DecimalTypeContext;
import io.runnel.sql.internal.parser.RunnelSqlParser.MapTypeContext;
import io.runnel.sql.internal.parser.RunnelSqlParser.NamedTypeContext;
import io.runnel.sql.internal.parser.RunnelSqlParser.StructTypeContext;
import io.runnel.sql.internal.parser.RunnelSqlParser.StructTypeFieldContext;
import io.runnel.sql.internal.parser.RunnelSqlParser.TypeContext;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Builds {@link TypeExpr}s from the parse tree: built-in names become primitives, others custom type names. */
final class TypeBuilder {

    private TypeBuilder() {
    }

    // ----------------------------------------------------------------------------------- types

    static TypeExpr type(TypeContext ctx) {
        Position at = position(ctx);
        if (ctx instanceof ArrayTypeContext c) return new TypeExpr.Array(type(c.type()), at);
        if (ctx instanceof MapTypeContext c) return new TypeExpr.Map(type(c.key), type(c.value), at);
        if (ctx instanceof StructTypeContext c) {
            List<TypeExpr.Field> fields = new ArrayList<>();
            Set<String> names = new HashSet<>();
            for (StructTypeFieldContext field : c.structTypeField()) {
                String name = identifier(field.identifier());
                if (!names.add(name)) {
                    throw error(SqlErrorCode.INVALID_STATEMENT, field.getStart(), "duplicate field '" + name
                            + "' in STRUCT", null);
                }
                fields.add(new TypeExpr.Field(name, type(field.type()), position(field)));
            }
            return new TypeExpr.Struct(fields, at);
        }
        if (ctx instanceof RunnelSqlParser.EmptyStructTypeContext c) {
            // STRUCT<> lexes as STRUCT and the not-equal operator; its spelling != is no type.
            if (!c.empty.getText().equals("<>")) {
                throw error(SqlErrorCode.SYNTAX_ERROR, c.empty, "mismatched input '" + c.empty.getText()
                        + "' expecting '<'", null);
            }
            return new TypeExpr.Struct(List.of(), at);
        }
        if (ctx instanceof DecimalTypeContext c) {
            long precision = longValue(c.precision);
            long scale = longValue(c.scale);
            if (precision < 1 || precision > 1000) {
                throw error(SqlErrorCode.INVALID_STATEMENT, c.precision, "DECIMAL precision must be between 1 and 1000: "
                        + precision, null);
            }
            if (scale > precision) {
                throw error(SqlErrorCode.INVALID_STATEMENT, c.scale, "DECIMAL scale must not exceed precision "
                        + precision + ": " + scale, null);
            }
            return new TypeExpr.Decimal((int) precision, (int) scale, at);
        }
        if (ctx instanceof NamedTypeContext c) return namedType(c, at);
        throw unhandled(ctx);
    }

    private static TypeExpr namedType(NamedTypeContext c, Position at) {
        String name = identifier(c.identifier());
        TypeExpr.PrimitiveKind kind = switch (name) {
            case "BOOLEAN" -> TypeExpr.PrimitiveKind.BOOLEAN;
            case "INT", "INTEGER" -> TypeExpr.PrimitiveKind.INTEGER;
            case "BIGINT" -> TypeExpr.PrimitiveKind.BIGINT;
            case "DOUBLE" -> TypeExpr.PrimitiveKind.DOUBLE;
            case "STRING", "VARCHAR" -> TypeExpr.PrimitiveKind.STRING;
            case "BYTES" -> TypeExpr.PrimitiveKind.BYTES;
            case "DATE" -> TypeExpr.PrimitiveKind.DATE;
            case "TIME" -> TypeExpr.PrimitiveKind.TIME;
            case "TIMESTAMP" -> TypeExpr.PrimitiveKind.TIMESTAMP;
            default -> null;
        };
        if (kind != null) return new TypeExpr.Primitive(kind, at);
        if (name.equals("DECIMAL") || name.equals("ARRAY") || name.equals("MAP") || name.equals("STRUCT")) {
            String example = switch (name) {
                case "DECIMAL" -> "DECIMAL(10, 2)";
                case "ARRAY" -> "ARRAY<STRING>";
                case "MAP" -> "MAP<STRING, INT>";
                default -> "STRUCT<A INT, B STRING>";
            };
            throw error(SqlErrorCode.INVALID_STATEMENT, c.getStart(), name + " needs type parameters",
                    "write e.g. " + example);
        }
        return new TypeExpr.Named(name, at);
    }
}
