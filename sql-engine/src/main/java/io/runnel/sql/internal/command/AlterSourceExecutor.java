package io.runnel.sql.internal.command;

import io.runnel.sql.SqlErrorCode;
import io.runnel.sql.SqlException;
import io.runnel.sql.internal.ast.Statement;
import io.runnel.sql.internal.ast.TableElement;
import io.runnel.sql.internal.catalog.Catalog;
import io.runnel.sql.internal.catalog.Column;
import io.runnel.sql.internal.catalog.DataSource;
import io.runnel.sql.internal.catalog.TypeResolver;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code ALTER STREAM|TABLE name ADD [COLUMN] col type, ...}: appends value columns to a source
 * declared with CREATE STREAM/TABLE (ksqlDB's messages). Sources created by a query are the
 * engine's to refuse (it knows which ones they are).
 */
final class AlterSourceExecutor {

    CatalogChange execute(Statement.AlterSource alter, Catalog catalog) {
        DataSource source = catalog.findSource(alter.name()).orElseThrow(() ->
                new SqlException(SqlErrorCode.SOURCE_NOT_FOUND, "Source " + alter.name() + " does not exist."));
        if (source.kind() != alter.kind()) {
            throw new SqlException(SqlErrorCode.INVALID_DDL, "Incompatible data source type is " + source.kind()
                    + ", but statement was ALTER " + alter.kind());
        }
        if (source.readOnly()) {
            String kind = source.kind().name().toLowerCase(Locale.ROOT);
            throw new SqlException(SqlErrorCode.INVALID_DDL, "Cannot alter " + kind + " '" + source.name()
                    + "': ALTER operations are not supported on source " + kind + "s.");
        }
        TypeResolver types = new TypeResolver(catalog);
        List<Column> columns = new ArrayList<>(source.columns());
        for (TableElement element : alter.addedColumns()) {
            if (element.constraint() != TableElement.Constraint.VALUE) {
                throw new SqlException(SqlErrorCode.INVALID_SCHEMA, "ALTER can only add value columns: "
                        + element.name() + " is declared " + element.constraint().name().replace('_', ' ')
                        .toLowerCase(Locale.ROOT));
            }
            if (columns.stream().anyMatch(c -> c.name().equals(element.name()))) {
                throw new SqlException(SqlErrorCode.ALREADY_EXISTS, "Cannot add column `" + element.name()
                        + "` to schema. A column with the same name already exists.");
            }
            columns.add(Column.value(element.name(), types.resolve(element.type())));
        }
        FormatSchemaValidator.validateValue(KnownFormat.of(source.formats().valueFormat()),
                columns.stream().filter(c -> c.role() == Column.Role.VALUE).toList(), java.util.Optional.empty());
        DataSource altered = new DataSource(source.name(), source.kind(), columns, source.topic(), source.formats(),
                source.timestampColumn(), source.readOnly());
        String kind = source.kind().name().charAt(0) + source.kind().name().substring(1).toLowerCase(Locale.ROOT);
        return CatalogChange.of(catalog.withSource(altered, true), kind + " " + source.name() + " altered.");
    }
}
