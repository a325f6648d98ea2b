package io.runnel.sql.internal.command;

import io.runnel.sql.SqlErrorCode;
import io.runnel.sql.SqlException;
import io.runnel.sql.internal.ast.Statement;
import io.runnel.sql.internal.catalog.Catalog;
import io.runnel.sql.internal.catalog.SqlType;
import io.runnel.sql.internal.catalog.TypeResolver;

/**
 * {@code CREATE TYPE [IF NOT EXISTS] name AS type} and {@code DROP TYPE [IF EXISTS] name}. The
 * definition is resolved when registered, so later sources keep the type they were declared with
 * when the custom type is dropped or re-registered (as in ksqlDB).
 */
final class TypeExecutor {

    CatalogChange create(Statement.CreateType create, Catalog catalog) {
        SqlType type = new TypeResolver(catalog).resolve(create.type());
        if (catalog.findType(create.name()).isPresent()) {
            if (create.ifNotExists()) {
                return CatalogChange.of(catalog, create.name() + " is already registered with type "
                        + catalog.type(create.name()).sql());
            }
            // the catalog's message is ksqlDB's: Cannot register custom type 'X' since it is already registered with type: ...
        }
        return CatalogChange.of(catalog.withType(create.name(), type),
                "Registered custom type with name '" + create.name() + "' and SQL type " + type.sql());
    }

    CatalogChange drop(Statement.DropType drop, Catalog catalog) {
        if (catalog.findType(drop.name()).isEmpty()) {
            if (drop.ifExists()) return CatalogChange.of(catalog, "Type '" + drop.name() + "' does not exist");
            throw new SqlException(SqlErrorCode.TYPE_NOT_FOUND, "Type " + drop.name() + " does not exist.");
        }
        return CatalogChange.of(catalog.withoutType(drop.name()), "Dropped type '" + drop.name() + "'");
    }
}
