package io.runnel.sql.internal.catalog;

import io.runnel.sql.SqlErrorCode;
import io.runnel.sql.SqlException;
import io.runnel.sql.internal.ast.TypeExpr;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Turns a type as written ({@link TypeExpr}) into a {@link SqlType}, replacing custom type names
 * with their definitions from the catalog. A custom type's definition is already resolved when it
 * is registered, so resolution never recurses through names.
 */
public final class TypeResolver {

    private final Catalog catalog;

    public TypeResolver(Catalog catalog) {
        this.catalog = Objects.requireNonNull(catalog, "catalog");
    }

    /** The resolved type; an unknown custom name is a TYPE_NOT_FOUND error at its position. */
    public SqlType resolve(TypeExpr type) {
        if (type instanceof TypeExpr.Primitive p) return primitive(p.kind());
        if (type instanceof TypeExpr.Decimal d) return new SqlType.Decimal(d.precision(), d.scale());
        if (type instanceof TypeExpr.Array a) return new SqlType.Array(resolve(a.element()));
        if (type instanceof TypeExpr.Map m) return new SqlType.Map(resolve(m.key()), resolve(m.value()));
        if (type instanceof TypeExpr.Struct s) {
            List<SqlType.Field> fields = new ArrayList<>();
            for (TypeExpr.Field field : s.fields()) fields.add(new SqlType.Field(field.name(), resolve(field.type())));
            return new SqlType.Struct(fields);
        }
        if (type instanceof TypeExpr.Named n) {
            try {
                return catalog.type(n.name());
            } catch (SqlException e) {
                throw e.errorCode() == SqlErrorCode.TYPE_NOT_FOUND
                        ? e.withPosition(n.position().line(), n.position().column())
                        : e;
            }
        }
        throw new IllegalStateException("unhandled type " + type.getClass().getSimpleName());
    }

    private static SqlType primitive(TypeExpr.PrimitiveKind kind) {
        return switch (kind) {
            case BOOLEAN -> SqlType.BOOLEAN;
            case INTEGER -> SqlType.INTEGER;
            case BIGINT -> SqlType.BIGINT;
            case DOUBLE -> SqlType.DOUBLE;
            case STRING -> SqlType.STRING;
            case BYTES -> SqlType.BYTES;
            case DATE -> SqlType.DATE;
            case TIME -> SqlType.TIME;
            case TIMESTAMP -> SqlType.TIMESTAMP;
        };
    }
}
