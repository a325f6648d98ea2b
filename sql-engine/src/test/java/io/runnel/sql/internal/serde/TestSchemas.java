package io.runnel.sql.internal.serde;

import io.runnel.sql.internal.ast.Statement;
import io.runnel.sql.internal.ast.TableElement;
import io.runnel.sql.internal.catalog.Catalog;
import io.runnel.sql.internal.catalog.Column;
import io.runnel.sql.internal.catalog.TypeResolver;
import io.runnel.sql.internal.parser.SqlParser;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Schemas written as SQL column lists, e.g. {@code "K STRING KEY, V DECIMAL(4,2)"}. */
final class TestSchemas {

    private TestSchemas() {
    }

    /** The columns of {@code CREATE STREAM S (<elements>)}. */
    static List<Column> columns(String elements) {
        if (elements.isBlank()) return List.of();
        Statement.CreateSource create = (Statement.CreateSource) SqlParser.parseStatement(
                "CREATE STREAM S (" + elements + ") WITH (kafka_topic='t', value_format='JSON');");
        return columns(create.elements(), Catalog.empty());
    }

    static List<Column> columns(List<TableElement> elements, Catalog catalog) {
        TypeResolver types = new TypeResolver(catalog);
        List<Column> columns = new ArrayList<>();
        for (TableElement e : elements) {
            Column.Role role = switch (e.constraint()) {
                case KEY -> Column.Role.KEY;
                case PRIMARY_KEY -> Column.Role.PRIMARY_KEY;
                case VALUE -> Column.Role.VALUE;
                case HEADERS -> Column.Role.HEADERS;
            };
            columns.add(new Column(e.name(), types.resolve(e.type()), role, e.headerKey()));
        }
        return columns;
    }

    /** A value schema: {@code value("A INT, B STRING")}. */
    static SerdeSchema value(String elements) {
        return new SerdeSchema(SerdeSchema.Part.VALUE, columns(elements).stream()
                .filter(c -> c.role() == Column.Role.VALUE).toList());
    }

    /** A key schema: {@code key("K STRING")} (KEY is added to each column). */
    static SerdeSchema key(String elements) {
        return new SerdeSchema(SerdeSchema.Part.KEY, columns(elements).stream()
                .map(c -> new Column(c.name(), c.type(), Column.Role.KEY, Optional.empty())).toList());
    }
}
