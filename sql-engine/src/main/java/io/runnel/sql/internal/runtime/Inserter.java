package io.runnel.sql.internal.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.runnel.common.Serdes;
import io.runnel.common.Time;
import io.runnel.log.LogClients;
import io.runnel.log.Producer;
import io.runnel.log.ProducerRecord;
import io.runnel.log.RecordMetadata;
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
    private volatile CachedCodec lastCodec;

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
     * log acknowledged it. Rows sent one after another keep their order in a partition.
     */
    CompletableFuture<RecordMetadata> insertJsonAsync(DataSource target, Map<String, Object> values) {
        Map<String, Object> row = new LinkedHashMap<>();
        for (Map.Entry<String, Object> e : values.entrySet()) {
            Column column = column(target, e.getKey());
            String name = column == null ? e.getKey() : column.name();
            Object value = e.getValue();
            if (name.equalsIgnoreCase("ROWTIME")) {
                row.put("ROWTIME", value instanceof JsonNode n ? rowtime(target, n) : value);
                continue;
            }
            if (column == null) {
                row.put(name, value);
                continue;
            }
            // A parsed JsonNode is read as it is; a Java value is turned into one first.
            JsonNode node = value instanceof JsonNode n ? n : JSON.valueToTree(value);
            try {
                row.put(name, node == null || node.isNull() ? null : JsonValues.fromNode(column.type(), node));
            } catch (RuntimeException ex) {
                throw new SqlException(SqlErrorCode.INVALID_ROW, "Failed to insert values into '" + target.name()
                        + "'. Column " + name + ": " + ex.getMessage());
            }
        }
        return send(target, row, Map.of());
    }

    /** ROWTIME given as a JSON node: a number, a numeric string or null. */
    private static Object rowtime(DataSource target, JsonNode node) {
        if (node.isNull()) {
            return null;
        }
        if (node.canConvertToLong() && node.isIntegralNumber() || node.isTextual()) {
            return node.isTextual() ? node.asText() : node.longValue();
        }
        throw new SqlException(SqlErrorCode.INVALID_ROW, "Failed to insert values into '" + target.name()
                + "'. ROWTIME must be a BIGINT: " + node);
    }

    private static Column column(DataSource target, String name) {
        for (Column c : target.columns()) {
            if (c.name().equals(name)) {
                return c;
            }
        }
        for (Column c : target.columns()) {
            if (c.name().equalsIgnoreCase(name)) {
                return c;
            }
        }
        return null;
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
            throw new IllegalStateException("cannot insert into " + target.name() + ": " + e.getCause().getMessage(),
                    e.getCause());
        }
    }

    /** The codec of the last source inserted into, kept while the catalog hands out the same source. */
    private SourceCodec codec(DataSource target) {
        CachedCodec cached = lastCodec;
        if (cached == null || cached.source() != target) {
            cached = new CachedCodec(target, SourceCodec.of(target));
            lastCodec = cached;
        }
        return cached.codec();
    }

    private record CachedCodec(DataSource source, SourceCodec codec) {
    }

    /**
     * Checks and serializes a row, then sends it. {@code types}: the SQL types of values that
     * still need a cast to their column's type.
     */
    private CompletableFuture<RecordMetadata> send(DataSource target, Map<String, Object> row,
                                                   Map<String, SqlType> types) {
        Long rowtime = null;
        List<Object> key = new ArrayList<>();
        List<Object> value = new ArrayList<>();
        Map<String, Object> byColumn = new LinkedHashMap<>();
        for (Map.Entry<String, Object> e : row.entrySet()) {
            if (e.getKey().equalsIgnoreCase("ROWTIME")) {
                Object t = e.getValue();
                try {
                    rowtime = t == null ? null : t instanceof Number n ? n.longValue() : Long.parseLong(t.toString());
                } catch (NumberFormatException ex) {
                    throw new SqlException(SqlErrorCode.INVALID_ROW, "Failed to insert values into '" + target.name()
                            + "'. ROWTIME must be a BIGINT: " + t);
                }
                continue;
            }
            Column column = target.findColumn(e.getKey()).orElse(null);
            if (column == null || column.role() == Column.Role.HEADERS) {
                throw new SqlException(SqlErrorCode.COLUMN_NOT_FOUND, "Column name " + e.getKey()
                        + " does not exist.");
            }
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
            byColumn.put(column.name(), v);
        }
        List<String> missingKeys = new ArrayList<>();
        for (Column c : target.columns()) {
            if (c.isKey()) {
                if (!byColumn.containsKey(c.name()) || byColumn.get(c.name()) == null) {
                    missingKeys.add(c.name());
                }
                key.add(byColumn.get(c.name()));
            } else if (c.role() == Column.Role.VALUE) {
                value.add(byColumn.get(c.name()));
            }
        }
        if (target.kind() == SourceKind.TABLE && !missingKeys.isEmpty()) {
            throw new SqlException(SqlErrorCode.INVALID_ROW, "Failed to insert values into '" + target.name()
                    + "'. Value for primary key column(s) " + String.join(", ", missingKeys) + " is required for tables");
        }
        SourceCodec codec = codec(target);
        byte[] keyBytes;
        byte[] valueBytes;
        try {
            keyBytes = target.keyColumns().isEmpty() ? null : codec.keyBytes(target.topic(), Row.wrap(key.toArray()));
            valueBytes = codec.valueBytes(target.topic(), Row.wrap(value.toArray()));
        } catch (RuntimeException e) {
            throw new SqlException(SqlErrorCode.INVALID_ROW, "Failed to insert values into '" + target.name() + "'. "
                    + e.getMessage());
        }
        long timestamp = rowtime == null ? time.milliseconds() : rowtime;
        return producer.send(new ProducerRecord<>(target.topic(), null, timestamp, keyBytes, valueBytes, List.of()));
    }

    @Override
    public void close() {
        producer.close();
    }
}
