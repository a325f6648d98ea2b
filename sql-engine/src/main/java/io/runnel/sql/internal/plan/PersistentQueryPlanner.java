package io.runnel.sql.internal.plan;

import io.runnel.sql.SqlErrorCode;
import io.runnel.sql.SqlException;
import io.runnel.sql.internal.analyzer.AnalyzedQuery;
import io.runnel.sql.internal.analyzer.FunctionResolver;
import io.runnel.sql.internal.analyzer.LogicalSchema;
import io.runnel.sql.internal.analyzer.QueryAnalyzer;
import io.runnel.sql.internal.ast.Position;
import io.runnel.sql.internal.ast.SourceKind;
import io.runnel.sql.internal.ast.Statement;
import io.runnel.sql.internal.ast.WindowExpression;
import io.runnel.sql.internal.catalog.Catalog;
import io.runnel.sql.internal.catalog.Column;
import io.runnel.sql.internal.catalog.DataSource;
import io.runnel.sql.internal.catalog.SourceFormats;
import io.runnel.sql.internal.command.SourceProperties;
import io.runnel.sql.internal.command.TimestampColumnValidator;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Plans a persistent query (CREATE STREAM|TABLE ... AS SELECT, INSERT INTO ... SELECT): the sink
 * it writes (a new source in the catalog, or the existing target), its id, and its exec plan.
 * Query ids are ksqlDB's: {@code CSAS_<SINK>_<n>}, {@code CTAS_<SINK>_<n>}, {@code INSERTQUERY_<n>}
 * (a character of the sink's name that cannot stand in a processor or topic name, such as the
 * {@code @} identifiers may hold or a quoted name's space, becomes {@code _}),
 * with {@code n} the engine's count of queries started so far.
 */
public final class PersistentQueryPlanner {
    /** The session property naming the key format of results whose sources have none. */
    public static final String DEFAULT_KEY_FORMAT = "ksql.persistence.default.format.key";

    private final FunctionResolver functions;
    private final java.util.Map<String, String> properties;

    public PersistentQueryPlanner(FunctionResolver functions) {
        this(functions, java.util.Map.of());
    }

    /**
     * @param properties the session's properties; read: the function settings the analyzer applies
     *                   ({@link QueryAnalyzer#withProperties}), {@code ksql.persistence.wrap.single.values}
     *                   (a new sink with one value column wraps it or not),
     *                   {@code ksql.output.topic.name.prefix} (prefix of a new sink's default topic) and
     *                   {@value #DEFAULT_KEY_FORMAT} (key format of a join result no source gives one)
     */
    public PersistentQueryPlanner(FunctionResolver functions, java.util.Map<String, String> properties) {
        this.functions = Objects.requireNonNull(functions, "functions");
        this.properties = java.util.Map.copyOf(properties);
    }

    /**
     * A planned query: its id, the source it writes (new for CREATE ... AS), the plan, and how it
     * was planned (the Calcite plans EXPLAIN shows).
     */
    public record Planned(String queryId, DataSource sink, boolean createsSink, ExecNode.Sink plan,
                          AnalyzedQuery query, PlanBuilder.Planned planning) {
    }

    /**
     * A source name as it may stand in a query id, and so in processor, store and topic names:
     * every character but ASCII letters, digits and {@code _} becomes {@code _}.
     */
    public static String idPart(String name) {
        return name.replaceAll("[^A-Za-z0-9_]", "_");
    }

    public Planned plan(Statement.CreateAsSelect statement, Catalog catalog, int queryNumber) {
        AnalyzedQuery query = new QueryAnalyzer(catalog, functions).withProperties(properties).analyze(statement.query(), Optional.of(statement.name()));
        if (query.resultKind() != statement.kind()) {
            String produced = query.resultKind().name();
            String use = query.resultKind() == SourceKind.STREAM ? "CREATE STREAM AS SELECT" : "CREATE TABLE AS SELECT";
            throw error(statement.position(), "Invalid result type. Your SELECT query produces a " + produced
                    + ". Please use " + use + " statement instead.");
        }
        if (catalog.findSource(statement.name()).isPresent() && !statement.orReplace()) {
            throw new SqlException(SqlErrorCode.ALREADY_EXISTS, statement.position().line(), statement.position().column(),
                    "Cannot add " + statement.kind().name().toLowerCase(Locale.ROOT) + " '" + statement.name()
                            + "': A " + catalog.findSource(statement.name()).get().kind().name().toLowerCase(Locale.ROOT)
                            + " with the same name already exists");
        }
        validate(query, statement.position());
        if (query.isAggregate() && query.groupBy().isEmpty()) {
            throw error(statement.position(), "CREATE TABLE AS SELECT statement does not support aggregate function ["
                    + String.join(", ", query.aggregates().stream().map(a -> a.sql().replace("(*)", "(ROWTIME)")
                    .replace("()", "(ROWTIME)")).toList()) + "] without a GROUP BY clause.");
        }
        SourceProperties props = SourceProperties.parse(statement.properties(), SourceProperties.Statement.CREATE_AS_SELECT);
        if (query.output().key().isEmpty() && props.keyFormat().filter(f -> !f.equalsIgnoreCase("NONE")).isPresent()) {
            throw error(statement.position(), "Key format specified for stream without key columns.");
        }
        DataSource input = query.source();
        String valueFormat = props.valueFormat().orElse(input.formats().valueFormat());
        String keyFormat = props.keyFormat().orElse(query.output().key().isEmpty() ? "NONE"
                : inheritedKeyFormat(query, valueFormat));
        // A windowed aggregation writes its window; a query over a windowed source keeps the source's.
        Optional<SourceFormats.KeyWindow> window = query.window().map(PersistentQueryPlanner::keyWindow)
                .or(() -> query.isAggregate() ? Optional.empty() : input.formats().window());
        java.util.Map<String, String> formatProperties = new java.util.TreeMap<>();
        props.wrapSingleValue().ifPresent(w -> formatProperties.put("WRAP_SINGLE_VALUE", w.toString()));
        String wrapDefault = properties.get("ksql.persistence.wrap.single.values");
        if (props.wrapSingleValue().isEmpty() && wrapDefault != null && query.output().value().size() == 1) {
            boolean wrap = Boolean.parseBoolean(wrapDefault.trim());
            if (io.runnel.sql.internal.command.KnownFormat.of(valueFormat).supportsWrapping(wrap)) {
                formatProperties.put("WRAP_SINGLE_VALUE", String.valueOf(wrap));
            }
        }
        props.valueDelimiter().ifPresent(d -> formatProperties.put("VALUE_DELIMITER", d.toString()));
        props.keyDelimiter().ifPresent(d -> formatProperties.put("KEY_DELIMITER", d.toString()));
        props.timestampFormat().ifPresent(f -> formatProperties.put("TIMESTAMP_FORMAT", f));
        SourceFormats formats = new SourceFormats(keyFormat, valueFormat, window, formatProperties);
        requireIntermediateTypesFit(query, valueFormat, statement.position());
        List<Column> sinkColumns = columns(query.output(), statement.kind());
        Optional<String> timestamp = TimestampColumnValidator.validate(props, sinkColumns);
        DataSource sink = new DataSource(statement.name(), statement.kind(), sinkColumns,
                props.kafkaTopic().orElse(properties.getOrDefault("ksql.output.topic.name.prefix", "") + statement.name()),
                formats, timestamp, false);
        String prefix = statement.kind() == SourceKind.STREAM ? "CSAS_" : "CTAS_";
        String queryId = prefix + idPart(statement.name().toUpperCase(Locale.ROOT)) + "_" + queryNumber;
        PlanBuilder.Planned planning = PlanBuilder.plan(query, sink.topic(), formats, timestamp, functions);
        return new Planned(queryId, sink, true, planning.plan(), query, planning);
    }

    public Planned plan(Statement.InsertInto statement, Catalog catalog, int queryNumber) {
        DataSource target = catalog.source(statement.target());
        if (target.kind() != SourceKind.STREAM) {
            throw error(statement.position(), "INSERT INTO can only be used to insert into a stream. "
                    + target.name() + " is a table.");
        }
        if (target.readOnly()) {
            throw error(statement.position(), "Cannot insert into read-only stream: " + target.name());
        }
        if (target.columns().stream().anyMatch(c -> c.role() == Column.Role.HEADERS)) {
            throw error(statement.position(), "Cannot insert into " + target.name() + " because it has header columns");
        }
        AnalyzedQuery query = new QueryAnalyzer(catalog, functions).withProperties(properties).analyze(statement.query(), Optional.of(target.name()));
        validate(query, statement.position());
        List<Column> expected = target.columns();
        List<Column> produced = columns(query.output(), target.kind());
        if (!sameSchema(expected, produced)) {
            throw error(statement.position(), "Incompatible schema between results and sink. Result schema is "
                    + query.output().sql() + ", but the sink schema is " + new LogicalSchema(
                    expected.stream().filter(Column::isKey).toList(),
                    expected.stream().filter(c -> !c.isKey()).toList()).sql() + ".");
        }
        String queryId = "INSERTQUERY_" + queryNumber;
        PlanBuilder.Planned planning = PlanBuilder.plan(query, target.topic(), target.formats(),
                target.timestampColumn(), functions);
        return new Planned(queryId, target, false, planning.plan(), query, planning);
    }

    /**
     * The key format a keyed result takes from its source: the source's, except that a source
     * without a key (NONE) gives way to the value format (KAFKA when that is NONE too), as in ksqlDB.
     * A join's result takes the leftmost source's that has a key format other than NONE (else the
     * session's {@value #DEFAULT_KEY_FORMAT}, KAFKA by default).
     */
    private String inheritedKeyFormat(AnalyzedQuery query, String valueFormat) {
        if (query.join().isPresent()) {
            for (io.runnel.sql.internal.analyzer.AnalyzedJoin.Source s : query.join().get().sources()) {
                if (!s.source().formats().keyFormat().equalsIgnoreCase("NONE")) {
                    return s.source().formats().keyFormat();
                }
            }
            return properties.getOrDefault(DEFAULT_KEY_FORMAT, "KAFKA");
        }
        SourceFormats source = query.source().formats();
        if (!source.keyFormat().equalsIgnoreCase("NONE")) {
            return source.keyFormat();
        }
        return valueFormat.equalsIgnoreCase("NONE") ? "KAFKA" : valueFormat;
    }

    /**
     * ksqlDB keeps aggregation states in the sink's value format: DELIMITED holds no ARRAY, MAP or
     * STRUCT, so an aggregate whose state is one (AVG, COLLECT_LIST, ...) cannot run with it.
     */
    private static void requireIntermediateTypesFit(AnalyzedQuery query, String valueFormat, Position position) {
        if (!valueFormat.equalsIgnoreCase("DELIMITED")) {
            return;
        }
        for (AnalyzedQuery.AggregateCall call : query.aggregates()) {
            io.runnel.sql.internal.catalog.SqlBaseType state = call.function().aggregateType().baseType();
            if (state == io.runnel.sql.internal.catalog.SqlBaseType.ARRAY
                    || state == io.runnel.sql.internal.catalog.SqlBaseType.MAP
                    || state == io.runnel.sql.internal.catalog.SqlBaseType.STRUCT) {
                throw error(position, "One of the functions used in the statement has an intermediate type that the "
                        + "value format can not handle. Please remove the function or change the format.");
            }
        }
    }

    /** ksqlDB's rules on what a persistent query may produce, checked before anything runs. */
    private static void validate(AnalyzedQuery query, Position position) {
        if (query.isAggregate() && query.source().formats().valueFormat().equalsIgnoreCase("KAFKA")) {
            throw error(position, "Source(s) " + query.source().name()
                    + " are using the 'KAFKA' value format. This format does not yet support GROUP BY.");
        }
        if (query.emit().isPresent() && query.emit().get() == io.runnel.sql.internal.ast.Query.Emit.FINAL) {
            if (query.window().isEmpty()) {
                throw error(position, "EMIT FINAL is only supported for windowed aggregations.");
            }
        }
        for (Column key : query.output().key()) {
            if (io.runnel.sql.internal.analyzer.TypeRules.containsMap(key.type())) {
                throw error(position, io.runnel.sql.internal.analyzer.TypeRules.mapKeyMessage(key.name(), key.type()));
            }
        }
    }

    private static boolean sameSchema(List<Column> a, List<Column> b) {
        List<String> x = a.stream().map(c -> c.isKey() + c.name() + c.type().sql()).sorted().toList();
        List<String> y = b.stream().map(c -> c.isKey() + c.name() + c.type().sql()).sorted().toList();
        return x.equals(y);
    }

    private static List<Column> columns(LogicalSchema schema, SourceKind kind) {
        List<Column> out = new ArrayList<>();
        for (Column k : schema.key()) {
            out.add(LogicalSchema.keyColumn(k.name(), k.type(), kind == SourceKind.TABLE));
        }
        out.addAll(schema.value());
        return out;
    }

    private static SourceFormats.KeyWindow keyWindow(WindowExpression w) {
        if (w instanceof WindowExpression.Tumbling t) {
            return new SourceFormats.KeyWindow(SourceFormats.KeyWindow.Kind.TUMBLING, Optional.of(t.size().toMillis()));
        } else if (w instanceof WindowExpression.Hopping h) {
            return new SourceFormats.KeyWindow(SourceFormats.KeyWindow.Kind.HOPPING, Optional.of(h.size().toMillis()));
        }
        return new SourceFormats.KeyWindow(SourceFormats.KeyWindow.Kind.SESSION, Optional.empty());
    }

    private static SqlException error(Position p, String message) {
        return new SqlException(SqlErrorCode.INVALID_STATEMENT, p.line(), p.column(), message);
    }
}
