package io.runnel.sql.internal.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.runnel.common.Serdes;
import io.runnel.common.Time;
import io.runnel.log.LogClients;
import io.runnel.log.Producer;
import io.runnel.log.ProducerRecord;
import io.runnel.log.RecordMetadata;
import io.runnel.log.RecordTooLargeException;
import io.runnel.sql.SqlErrorCode;
import io.runnel.sql.SqlException;
import io.runnel.sql.internal.analyzer.FunctionResolver;
import io.runnel.sql.internal.analyzer.ExpressionTyper;
import io.runnel.sql.internal.analyzer.RowSchema;
import io.runnel.sql.internal.analyzer.TypedExpression;
import io.runnel.sql.internal.ast.Expression;
import io.runnel.sql.internal.ast.SourceKind;
import io.runnel.sql.internal.ast.Statement;
import io.runnel.sql.internal.catalog.Catalog;
import io.runnel.sql.internal.catalog.Column;
import io.runnel.sql.internal.catalog.DataSource;
import io.runnel.sql.internal.catalog.SqlType;
import io.runnel.sql.internal.catalog.TypeResolver;
import io.runnel.sql.internal.exec.Casts;
import io.runnel.sql.internal.exec.ExpressionCompiler;
import io.runnel.sql.internal.row.Row;
import io.runnel.sql.internal.serde.JsonValues;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/**
 * Writes rows into a stream's or table's topic as {@code INSERT INTO ... VALUES} and
 * {@code /inserts-stream} do: values typed by the target's schema (literals evaluated and cast,
 * JSON values read as the column's type), key and value serialized with the source's formats,
 * produced with the record time ROWTIME when given, else now, and acknowledged before returning
 * (so a later query of this engine sees the row). Thread-safe (the producer is).
 */
final class Inserter implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Producer<byte[], byte[]> producer;
    private final FunctionResolver functions;
    private final Time time;
    private volatile Layout lastLayout;

    Inserter(LogClients log, FunctionResolver functions, Time time) {
        this.producer = log.producer(Map.of("acks", "all", "client.id", "runnel-inserts"),
                Serdes.byteArray().serializer(), Serdes.byteArray().serializer());
        this.functions = Objects.requireNonNull(functions, "functions");
        this.time = Objects.requireNonNull(time, "time");
    }

    /** {@code INSERT INTO target [(columns)] VALUES (...)}. */
    RecordMetadata insert(Statement.InsertValues statement, Catalog catalog) {
        DataSource target = target(catalog, statement.target());
        List<String> names = new ArrayList<>();
        if (statement.columns().isEmpty()) {
            target.columns().stream().filter(c -> c.role() != Column.Role.HEADERS).forEach(c -> names.add(c.name()));
        } else {
            names.addAll(statement.columns());
        }
        if (names.size() != statement.values().size()) {
            throw new SqlException(SqlErrorCode.INVALID_STATEMENT, "Expected a value for each column. Expected Columns: "
                    + names + ". Got " + statement.values().stream().map(io.runnel.sql.internal.parser.SqlFormatter::format)
                    .toList());
        }
        TypeResolver types = new TypeResolver(catalog);
        Map<String, Object> row = new LinkedHashMap<>();
        Map<String, SqlType> rowTypes = new LinkedHashMap<>();
        for (int i = 0; i < names.size(); i++) {
            Expression e = statement.values().get(i);
            TypedExpression typed = ExpressionTyper.type(e, new RowSchema(List.of()), functions, types);
            row.put(names.get(i), ExpressionCompiler.compile(typed).evaluate(new Object[0]));
            rowTypes.put(names.get(i), typed.type());
        }
        return produce(target, row, rowTypes);
    }

    /** Checks that a source exists and accepts inserts. */
    DataSource target(Catalog catalog, String name) {
        DataSource target = catalog.findSource(name).orElseThrow(() -> new SqlException(SqlErrorCode.SOURCE_NOT_FOUND,
                "Cannot insert values into an unknown stream/table: " + name));
        String kind = target.kind().name().toLowerCase(Locale.ROOT);
        if (target.readOnly()) {
            throw new SqlException(SqlErrorCode.INVALID_STATEMENT, "Cannot insert values into read-only " + kind + ": "
                    + target.name());
        }
        if (target.formats().window().isPresent()) {
            throw new SqlException(SqlErrorCode.INVALID_STATEMENT, "Cannot insert values into windowed " + kind + ": "
                    + target.name());
        }
        return target;
    }

    /** One row of JSON values ({@code /inserts-stream}); names match columns case-insensitively. */
    RecordMetadata insertJson(DataSource target, Map<String, Object> values) {
        return await(target, insertJsonAsync(target, values));
    }

    /**
     * As {@link #insertJson}, without waiting for the log's acknowledgement: the row is checked
     * and serialized before this returns (a bad row throws), and the future completes when the
     * log acknowledged it. Rows sent one after another keep their order in a partition. Values
     * go straight into the key and value arrays by the target's {@link Layout}.
     */
    CompletableFuture<RecordMetadata> insertJsonAsync(DataSource target, Map<String, Object> values) {
        Layout layout = layout(target);
        Object[] key = new Object[layout.keyNames().size()];
        Object[] value = new Object[layout.valueCount()];
        Object rowtime = null;
        for (Map.Entry<String, Object> e : values.entrySet()) {
            Object given = e.getValue();
            Layout.Slot slot = layout.find(e.getKey());
            if (slot == null) {
                if (e.getKey().equalsIgnoreCase("ROWTIME")) {
                    rowtime = given instanceof JsonNode n ? rowtime(target, n) : given;
                    continue;
                }
                throw new SqlException(SqlErrorCode.COLUMN_NOT_FOUND, "Column name " + e.getKey() + " does not exist.");
            }
            // A parsed JsonNode is read as it is; a Java value is turned into one first.
            JsonNode node = given instanceof JsonNode n ? n : JSON.valueToTree(given);
            Object typed;
            try {
                typed = node == null || node.isNull() ? null : fromNode(slot.column().type(), node);
            } catch (RuntimeException ex) {
                throw new SqlException(SqlErrorCode.INVALID_ROW, "Failed to insert values into '" + target.name()
                        + "'. Column " + slot.column().name() + ": " + ex.getMessage());
            }
            (slot.key() ? key : value)[slot.index()] = typed;
        }
        return send(target, layout, key, value, rowtime);
    }

    /**
     * A JSON value as the column's type: plain scalars of the column's own kind directly, the
     * rest (coercions, structured values, errors) by {@link JsonValues#fromNode}.
     */
    private static Object fromNode(SqlType type, JsonNode node) {
        switch (type.baseType()) {
            case STRING:
                if (node.isTextual()) {
                    return node.textValue();
                }
                break;
            case BIGINT:
                if (node.isIntegralNumber() && node.canConvertToLong()) {
                    return node.longValue();
                }
                break;
            case INTEGER:
                if (node.isIntegralNumber() && node.canConvertToInt()) {
                    return node.intValue();
                }
                break;
            case DOUBLE:
                if (node.isNumber()) {
                    return node.doubleValue();
                }
                break;
            case BOOLEAN:
                if (node.isBoolean()) {
                    return node.booleanValue();
                }
                break;
            default:
                break;
        }
        return JsonValues.fromNode(type, node);
    }

    /** ROWTIME given as a JSON node: a number, a numeric string or null. */
    private static Object rowtime(DataSource target, JsonNode node) {
        if (node.isNull()) {
            return null;
        }
        if (node.isTextual()) {
            return node.asText();
        }
        if (node.isIntegralNumber() && node.canConvertToLong()) {
            return node.longValue();
        }
        throw new SqlException(SqlErrorCode.INVALID_ROW, "Failed to insert values into '" + target.name()
                + "'. ROWTIME must be a BIGINT: " + node);
    }

    private RecordMetadata produce(DataSource target, Map<String, Object> row, Map<String, SqlType> types) {
        return await(target, send(target, row, types));
    }

    private static RecordMetadata await(DataSource target, CompletableFuture<RecordMetadata> sent) {
        try {
            return sent.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while inserting into " + target.name(), e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RecordTooLargeException) {
                throw new SqlException(SqlErrorCode.INVALID_ROW, "Failed to insert values into '" + target.name()
                        + "'. The row is too large: " + e.getCause().getMessage());
            }
            throw new IllegalStateException("cannot insert into " + target.name() + ": " + e.getCause().getMessage(),
                    e.getCause());
        }
    }

    /** The layout of the last source inserted into, kept while the catalog hands out the same source. */
    private Layout layout(DataSource target) {
        Layout cached = lastLayout;
        if (cached == null || cached.source() != target) {
            cached = Layout.of(target);
            lastLayout = cached;
        }
        return cached;
    }

    /**
     * Checks and serializes a row given by column name (INSERT VALUES), then sends it.
     * {@code types}: the SQL types of values that still need a cast to their column's type.
     */
    private CompletableFuture<RecordMetadata> send(DataSource target, Map<String, Object> row,
                                                   Map<String, SqlType> types) {
        Layout layout = layout(target);
        Object[] key = new Object[layout.keyNames().size()];
        Object[] value = new Object[layout.valueCount()];
        Object rowtime = null;
        for (Map.Entry<String, Object> e : row.entrySet()) {
            Layout.Slot slot = layout.exact(e.getKey());
            if (slot == null) {
                if (e.getKey().equalsIgnoreCase("ROWTIME")) {
                    rowtime = e.getValue();
                    continue;
                }
                throw new SqlException(SqlErrorCode.COLUMN_NOT_FOUND, "Column name " + e.getKey() + " does not exist.");
            }
            Column column = slot.column();
            Object v = e.getValue();
            SqlType from = types.get(e.getKey());
            if (v != null && from != null && !from.equals(column.type())) {
                try {
                    v = Casts.cast(v, from, column.type());
                } catch (RuntimeException ex) {
                    throw new SqlException(SqlErrorCode.INVALID_ROW, "Expected type " + column.type().sql()
                            + " for field " + column.name() + " but got " + v + "(" + from.sql() + ")");
                }
            }
            (slot.key() ? key : value)[slot.index()] = v;
        }
        return send(target, layout, key, value, rowtime);
    }

    /** Serializes a row already in its key and value arrays and sends it. */
    private CompletableFuture<RecordMetadata> send(DataSource target, Layout layout, Object[] key, Object[] value,
                                                   Object rowtimeGiven) {
        Long rowtime;
        try {
            rowtime = rowtimeGiven == null ? null : rowtimeGiven instanceof Number n ? n.longValue()
                    : Long.parseLong(rowtimeGiven.toString());
        } catch (NumberFormatException ex) {
            throw new SqlException(SqlErrorCode.INVALID_ROW, "Failed to insert values into '" + target.name()
                    + "'. ROWTIME must be a BIGINT: " + rowtimeGiven);
        }
        if (rowtime != null && rowtime < 0) {
            throw new SqlException(SqlErrorCode.INVALID_ROW, "Failed to insert values into '" + target.name()
                    + "'. Invalid timestamp: " + rowtime + ". ROWTIME must not be negative");
        }
        if (target.kind() == SourceKind.TABLE) {
            List<String> missingKeys = new ArrayList<>();
            for (int k = 0; k < key.length; k++) {
                if (key[k] == null) {
                    missingKeys.add(layout.keyNames().get(k));
                }
            }
            if (!missingKeys.isEmpty()) {
                throw new SqlException(SqlErrorCode.INVALID_ROW, "Failed to insert values into '" + target.name()
                        + "'. Value for primary key column(s) " + String.join(", ", missingKeys)
                        + " is required for tables");
            }
        }
        byte[] keyBytes;
        byte[] valueBytes;
        try {
            keyBytes = key.length == 0 ? null : layout.codec().keyBytes(target.topic(), Row.wrap(key));
            valueBytes = layout.codec().valueBytes(target.topic(), Row.wrap(value));
        } catch (RuntimeException e) {
            throw new SqlException(SqlErrorCode.INVALID_ROW, "Failed to insert values into '" + target.name() + "'. "
                    + e.getMessage());
        }
        long timestamp = rowtime == null ? time.milliseconds() : rowtime;
        return producer.send(new ProducerRecord<>(target.topic(), null, timestamp, keyBytes, valueBytes, List.of()));
    }

    /**
     * Where each column of a source goes in an inserted row (key or value array, index), found
     * by exact name or else case-insensitively, with the source's codec. Headers columns are not
     * insertable (not found). Immutable.
     */
    private record Layout(DataSource source, SourceCodec codec, Map<String, Slot> byName, Map<String, Slot> byUpperName,
                          List<String> keyNames, int valueCount) {

        record Slot(Column column, boolean key, int index) {
        }

        static Layout of(DataSource source) {
            Map<String, Slot> byName = new HashMap<>();
            Map<String, Slot> byUpperName = new HashMap<>();
            List<String> keyNames = new ArrayList<>();
            int values = 0;
            for (Column c : source.columns()) {
                Slot slot;
                if (c.isKey()) {
                    slot = new Slot(c, true, keyNames.size());
                    keyNames.add(c.name());
                } else if (c.role() == Column.Role.VALUE) {
                    slot = new Slot(c, false, values++);
                } else {
                    continue;
                }
                byName.putIfAbsent(c.name(), slot);
                byUpperName.putIfAbsent(c.name().toUpperCase(Locale.ROOT), slot);
            }
            return new Layout(source, SourceCodec.of(source), Map.copyOf(byName), Map.copyOf(byUpperName),
                    List.copyOf(keyNames), values);
        }

        /** The column named exactly so, or null. */
        Slot exact(String name) {
            return byName.get(name);
        }

        /** The column named so, else named so ignoring case, or null. */
        Slot find(String name) {
            Slot slot = byName.get(name);
            return slot != null ? slot : byUpperName.get(name.toUpperCase(Locale.ROOT));
        }
    }

    @Override
    public void close() {
        producer.close();
    }
}
