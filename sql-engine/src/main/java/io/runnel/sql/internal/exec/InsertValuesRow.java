package io.runnel.sql.internal.exec;

import io.runnel.sql.SqlErrorCode;
import io.runnel.sql.SqlException;
import io.runnel.sql.internal.analyzer.ExpressionTyper;
import io.runnel.sql.internal.analyzer.FunctionResolver;
import io.runnel.sql.internal.analyzer.RowSchema;
import io.runnel.sql.internal.analyzer.TypeRules;
import io.runnel.sql.internal.analyzer.TypedExpression;
import io.runnel.sql.internal.ast.Position;
import io.runnel.sql.internal.ast.Statement;
import io.runnel.sql.internal.catalog.Catalog;
import io.runnel.sql.internal.catalog.Column;
import io.runnel.sql.internal.catalog.DataSource;
import io.runnel.sql.internal.catalog.TypeResolver;
import io.runnel.sql.internal.row.Row;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The record an {@code INSERT INTO target [(columns)] VALUES (...)} writes, with ksqlDB's checks:
 * the target must exist (with a hint when only the case of its name differs) and not be
 * read-only, header columns cannot be written, and each value must be castable to its column.
 * Without a column list the values are for every column in declared order. Columns not given are
 * NULL. Stateless; one call per statement.
 */
public final class InsertValuesRow {

    /** The record to produce to the target's topic: its key columns and value columns, in declared order. */
    public record Planned(DataSource target, Row key, Row value) {
        public Planned {
            Objects.requireNonNull(target, "target");
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(value, "value");
        }
    }

    private InsertValuesRow() {
    }

    public static Planned plan(Statement.InsertValues statement, Catalog catalog, FunctionResolver functions) {
        Position at = statement.position();
        DataSource target = catalog.findSource(statement.target()).orElseThrow(() -> unknown(statement, catalog));
        if (target.readOnly()) {
            throw error(at, "Cannot insert values into read-only " + target.kind().name().toLowerCase(Locale.ROOT)
                    + ": " + target.name());
        }
        List<Column> columns = new ArrayList<>();
        if (statement.columns().isEmpty()) {
            columns.addAll(target.columns());
        } else {
            for (String name : statement.columns()) {
                columns.add(target.columns().stream().filter(c -> c.name().equals(name)).findFirst()
                        .orElseThrow(() -> error(at, "Column name " + name + " does not exist.")));
            }
        }
        List<String> headers = columns.stream().filter(c -> c.role() == Column.Role.HEADERS).map(Column::name).toList();
        if (!headers.isEmpty()) {
            throw error(at, "Cannot insert into HEADER columns: " + String.join(", ", headers));
        }
        if (columns.size() != statement.values().size()) {
            throw error(at, "Expected a value for each column. Expected Columns: "
                    + columns.stream().map(Column::name).toList() + ". Got " + statement.values().size() + " values");
        }
        Map<String, Object> byName = new LinkedHashMap<>();
        TypeResolver types = new TypeResolver(catalog);
        for (int i = 0; i < columns.size(); i++) {
            Column column = columns.get(i);
            TypedExpression typed = ExpressionTyper.type(statement.values().get(i), new RowSchema(List.of()), functions, types);
            Object value = ExpressionCompiler.compile(typed).evaluate(new Object[0]);
            if (value != null && !typed.type().equals(column.type())) {
                if (!TypeRules.castable(typed.type(), column.type())) {
                    throw error(at, "Expected type " + column.type().sql() + " for field " + column.name()
                            + " but got " + value + "(" + typed.type().sql() + ")");
                }
                value = Casts.cast(value, typed.type(), column.type());
            }
            byName.put(column.name(), value);
        }
        List<Object> key = new ArrayList<>();
        List<Object> value = new ArrayList<>();
        for (Column c : target.columns()) {
            if (c.isKey()) {
                key.add(byName.get(c.name()));
            } else if (c.role() == Column.Role.VALUE) {
                value.add(byName.get(c.name()));
            }
        }
        return new Planned(target, Row.wrap(key.toArray()), Row.wrap(value.toArray()));
    }

    /** ksqlDB's message for an unknown target, with a hint when a source's name differs only in case. */
    private static SqlException unknown(Statement.InsertValues statement, Catalog catalog) {
        String name = statement.target();
        String message = "Cannot insert values into an unknown stream/table: `" + name + "`";
        Optional<String> similar = catalog.sources().keySet().stream().filter(n -> n.equalsIgnoreCase(name)).findFirst();
        if (similar.isPresent()) {
            String existing = similar.get();
            message += existing.equals(existing.toUpperCase(Locale.ROOT))
                    ? "\nDid you mean " + existing + "? Hint: try removing double quotes from the source name."
                    : "\nDid you mean \"" + existing + "\"? Hint: wrap the source name in double quotes to make it "
                    + "case-sensitive.";
        }
        return new SqlException(SqlErrorCode.SOURCE_NOT_FOUND, statement.position().line(),
                statement.position().column(), message);
    }

    private static SqlException error(Position p, String message) {
        return new SqlException(SqlErrorCode.INVALID_STATEMENT, p.line(), p.column(), message);
    }
}
