package io.runnel.sql.internal.function;

import io.runnel.sql.internal.catalog.Catalog;
import io.runnel.sql.internal.catalog.SqlType;
import io.runnel.sql.internal.catalog.TypeResolver;
import io.runnel.sql.internal.parser.SqlParser;

/** Reads SQL type text used in function annotations, e.g. {@code DECIMAL(10, 2)} or {@code STRUCT<A INT>}. */
public final class SchemaText {
    private static final TypeResolver RESOLVER = new TypeResolver(Catalog.empty());

    private SchemaText() {
    }

    public static SqlType parse(String text) {
        return RESOLVER.resolve(SqlParser.parseType(text));
    }

    /** Parses type text in which the names of {@code variables} (e.g. {@code T}) stand for their bound types. */
    public static SqlType parse(String text, java.util.Map<String, SqlType> variables) {
        if (variables.isEmpty()) return parse(text);
        Catalog catalog = Catalog.empty();
        for (java.util.Map.Entry<String, SqlType> v : variables.entrySet()) catalog = catalog.withType(v.getKey(), v.getValue());
        return new TypeResolver(catalog).resolve(SqlParser.parseType(text));
    }
}
