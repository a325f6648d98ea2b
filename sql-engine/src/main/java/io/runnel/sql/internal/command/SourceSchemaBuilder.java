package io.runnel.sql.internal.command;

import io.runnel.sql.SqlErrorCode;
import io.runnel.sql.SqlException;
import io.runnel.sql.internal.ast.Position;
import io.runnel.sql.internal.ast.SourceKind;
import io.runnel.sql.internal.ast.TableElement;
import io.runnel.sql.internal.catalog.Column;
import io.runnel.sql.internal.catalog.SqlType;
import io.runnel.sql.internal.catalog.TypeResolver;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Turns the column list of {@code CREATE STREAM|TABLE} into catalog {@link Column}s, with ksqlDB's
 * rules and messages: a stream's key columns are {@code KEY}, a table's {@code PRIMARY KEY}; a
 * {@code HEADERS} column is {@code ARRAY<STRUCT<KEY STRING, VALUE BYTES>>} and a
 * {@code HEADER('k')} column {@code BYTES}; names are unique and none is a pseudo column
 * (ROWTIME, ROWPARTITION, ROWOFFSET, WINDOWSTART, WINDOWEND; exact names, so a quoted
 * {@code `rowtime`} is an ordinary column as in ksqlDB). Columns keep their declared order.
 */
final class SourceSchemaBuilder {

    /** Names the engine gives pseudo columns; no declared column may use them. */
    static final Set<String> RESERVED = Set.of("ROWTIME", "ROWPARTITION", "ROWOFFSET", "WINDOWSTART", "WINDOWEND");

    /** The type of a column holding all headers. */
    static final SqlType HEADERS_TYPE = new SqlType.Array(new SqlType.Struct(List.of(
            new SqlType.Field("KEY", SqlType.STRING), new SqlType.Field("VALUE", SqlType.BYTES))));

    private static final String KEY_EXPLANATION = System.lineSeparator()
            + "Tables have PRIMARY KEYs, which are unique and NON NULL." + System.lineSeparator()
            + "Streams have KEYs, which have no uniqueness or NON NULL constraints.";

    private SourceSchemaBuilder() {
    }

    /**
     * Checks that ksqlDB makes while parsing (key kinds, header types, duplicates); run before the
     * WITH clause is looked at, as in ksqlDB.
     */
    static List<Column> declared(SourceKind kind, List<TableElement> elements, TypeResolver types) {
        List<Column> columns = new ArrayList<>();
        for (TableElement element : elements) {
            if (kind == SourceKind.STREAM && element.constraint() == TableElement.Constraint.PRIMARY_KEY) {
                throw at(element.position(), SqlErrorCode.INVALID_SCHEMA, "Column " + SqlType.quote(element.name())
                        + " is a 'PRIMARY KEY' column: please use 'KEY' for streams." + KEY_EXPLANATION);
            }
            if (kind == SourceKind.TABLE && element.constraint() == TableElement.Constraint.KEY) {
                throw at(element.position(), SqlErrorCode.INVALID_SCHEMA, "Column " + SqlType.quote(element.name())
                        + " is a 'KEY' column: please use 'PRIMARY KEY' for tables." + KEY_EXPLANATION);
            }
            SqlType type = types.resolve(element.type());
            Column.Role role = switch (element.constraint()) {
                case KEY -> Column.Role.KEY;
                case PRIMARY_KEY -> Column.Role.PRIMARY_KEY;
                case VALUE -> Column.Role.VALUE;
                case HEADERS -> Column.Role.HEADERS;
            };
            if (role == Column.Role.HEADERS) checkHeaderType(element, type);
            columns.add(new Column(element.name(), type, role, element.headerKey()));
        }
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (Column column : columns) counts.merge(column.name(), 1, Integer::sum);
        String duplicates = counts.entrySet().stream().filter(e -> e.getValue() > 1)
                .map(e -> SqlType.quote(e.getKey())).collect(Collectors.joining(", "));
        if (!duplicates.isEmpty()) {
            throw new SqlException(SqlErrorCode.INVALID_SCHEMA, "Duplicate column names: " + duplicates);
        }
        return columns;
    }

    /** Checks made when the source is built: some columns, none with a reserved name. */
    static void checkBuildable(List<Column> columns) {
        if (columns.isEmpty()) {
            throw new SqlException(SqlErrorCode.INVALID_SCHEMA, "The statement does not define any columns.");
        }
        for (Column column : columns) {
            if (RESERVED.contains(column.name())) {
                throw new SqlException(SqlErrorCode.INVALID_SCHEMA, "'" + column.name() + "' is a reserved column name."
                        + " You cannot use it as a name for a column.");
            }
        }
    }

    private static void checkHeaderType(TableElement element, SqlType type) {
        Optional<String> key = element.headerKey();
        if (key.isPresent()) {
            if (!type.equals(SqlType.BYTES)) {
                throw at(element.position(), SqlErrorCode.INVALID_SCHEMA, "Invalid type for HEADER('" + key.get()
                        + "') column: expected BYTES, got " + type.sql());
            }
        } else if (!type.equals(HEADERS_TYPE)) {
            throw at(element.position(), SqlErrorCode.INVALID_SCHEMA, "Invalid type for HEADERS column: expected "
                    + HEADERS_TYPE.sql() + ", got " + type.sql());
        }
    }

    private static SqlException at(Position position, SqlErrorCode code, String message) {
        return new SqlException(code, message).withPosition(position.line(), position.column());
    }
}
