package io.runnel.sql.internal.analyzer;

import io.runnel.sql.SqlErrorCode;
import io.runnel.sql.SqlException;
import io.runnel.sql.internal.ast.Expression;
import io.runnel.sql.internal.ast.Expression.ColumnRef;
import io.runnel.sql.internal.ast.Expression.FunctionCall;
import io.runnel.sql.internal.ast.Node;
import io.runnel.sql.internal.ast.Position;
import io.runnel.sql.internal.ast.Query;
import io.runnel.sql.internal.ast.Relation;
import io.runnel.sql.internal.ast.SelectItem;
import io.runnel.sql.internal.ast.SourceKind;
import io.runnel.sql.internal.catalog.Catalog;
import io.runnel.sql.internal.catalog.Column;
import io.runnel.sql.internal.catalog.DataSource;
import io.runnel.sql.internal.catalog.SqlBaseType;
import io.runnel.sql.internal.catalog.SqlType;
import io.runnel.sql.internal.catalog.TypeResolver;
import io.runnel.sql.internal.function.builtin.CollectAggregates;
import io.runnel.sql.internal.parser.SqlFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Resolves a SELECT against the catalog ({@link AnalyzedQuery} says what comes out), with
 * ksqlDB's rules and error messages for keys, grouping and projections. Reads from one stream
 * or table, or from a join ({@link JoinAnalyzer} resolves the FROM clause, {@link JoinProjection}
 * names the projection and takes the join key out of it).
 */
public final class QueryAnalyzer {
    /** Pseudo columns every source row carries, after its own columns. */
    public static final List<RowSchema.Field> PSEUDO_COLUMNS = List.of(
            RowSchema.Field.of("ROWTIME", SqlType.BIGINT),
            RowSchema.Field.of("ROWPARTITION", SqlType.INTEGER),
            RowSchema.Field.of("ROWOFFSET", SqlType.BIGINT));

    /** Pseudo column names a projection may read but not produce under their own name. */
    static final Set<String> RESERVED_NAMES = Set.of("ROWTIME", "ROWPARTITION", "ROWOFFSET");

    private final Catalog catalog;
    private final FunctionResolver functions;
    private final TypeResolver types;
    private final JoinProjection joinProjection;
    private final boolean transientQuery;
    private final Map<String, String> properties;

    public QueryAnalyzer(Catalog catalog, FunctionResolver functions) {
        this(catalog, functions, false, Map.of());
    }

    private QueryAnalyzer(Catalog catalog, FunctionResolver functions, boolean transientQuery,
                          Map<String, String> properties) {
        this.catalog = catalog;
        this.functions = functions;
        this.types = new TypeResolver(catalog);
        this.joinProjection = new JoinProjection(functions, types);
        this.transientQuery = transientQuery;
        this.properties = Map.copyOf(properties);
    }

    /**
     * An analyzer that applies the session's function settings: {@code ksql.functions.collect_list.limit}
     * and {@code ksql.functions.collect_set.limit} become the limit argument of COLLECT_LIST and
     * COLLECT_SET calls (so the plan keeps them).
     */
    public QueryAnalyzer withProperties(Map<String, String> sessionProperties) {
        return new QueryAnalyzer(catalog, functions, transientQuery, sessionProperties);
    }

    /**
     * An analyzer for push and pull queries, which write no sink: their projection may hold only
     * key columns (ksqlDB requires a value column only of a persistent query's sink).
     */
    public QueryAnalyzer forTransientQuery() {
        return new QueryAnalyzer(catalog, functions, true, properties);
    }

    /**
     * @param query the SELECT
     * @param sink  the name of the stream or table the query builds (for messages), or empty
     */
    public AnalyzedQuery analyze(Query query, Optional<String> sink) {
        DataSource source;
        String alias;
        RowSchema input;
        Optional<AnalyzedJoin> join = Optional.empty();
        if (query.from() instanceof Relation.Join j) {
            join = Optional.of(new JoinAnalyzer(catalog, functions, types).analyze(j));
            source = join.get().first();
            alias = join.get().sources().get(0).alias();
            input = join.get().input();
        } else {
            Relation.Source from = (Relation.Source) query.from();
            try {
                source = catalog.source(from.name());
            } catch (SqlException e) {
                throw e.line().isPresent() ? e : e.withPosition(from.position().line(), from.position().column());
            }
            alias = from.qualifier();
            input = inputSchema(source, alias, source.formats().window().isPresent());
        }
        Optional<TypedExpression> where = query.where().map(w -> predicate(w, input, "WHERE"));
        String sinkName = sink.orElse("the result");

        List<Expression> aggregateCalls = new ArrayList<>();
        for (SelectItem item : query.select()) {
            if (item instanceof SelectItem.SingleColumn c) {
                collectAggregates(c.expression(), aggregateCalls);
            }
        }
        query.having().ifPresent(h -> collectAggregates(h, aggregateCalls));
        boolean aggregate = !query.groupBy().isEmpty() || !aggregateCalls.isEmpty();

        boolean rekeyed = !query.partitionBy().isEmpty()
                && !(query.partitionBy().size() == 1 && query.partitionBy().get(0) instanceof Expression.NullLiteral);
        List<NamedExpression> projection = join.isPresent()
                ? joinProjection.expandJoinSelect(query.select(), join.get(), input, rekeyed,
                        item -> expandSelect(List.of(item), source, alias, input, false))
                : expandSelect(query.select(), source, alias, input, rekeyed);
        if (aggregate) {
            return analyzeAggregate(query, source, alias, input, where, aggregateCalls, projection, sinkName, join);
        }
        if (query.having().isPresent()) {
            throw error(query.having().get(), "HAVING requires GROUP BY or an aggregate function");
        }
        if (query.window().isPresent()) {
            throw error(query.window().get(), "WINDOW requires GROUP BY or an aggregate function");
        }
        List<TypedExpression> partitionBy = new ArrayList<>();
        for (Expression p : query.partitionBy()) {
            partitionBy.add(typePartitionBy(p, input));
        }
        boolean partitionByNull = query.partitionBy().size() == 1
                && query.partitionBy().get(0) instanceof Expression.NullLiteral;
        List<Expression> keyExpressions = new ArrayList<>();
        List<AnalyzedQuery.Projection> joinKeys = new ArrayList<>();
        if (join.isPresent() && query.partitionBy().isEmpty()) {
            projection = joinProjection.takeJoinKey(query, join.get(), input, projection, sinkName, joinKeys);
        } else if (partitionByNull) {
            partitionBy.clear();
        } else if (!query.partitionBy().isEmpty() && join.isPresent()) {
            // Over a join, a column matches however it is qualified: compare columns by their source.
            for (Expression p : query.partitionBy()) {
                keyExpressions.add(JoinProjection.qualified(p, input));
            }
            List<NamedExpression> canonical = new ArrayList<>();
            for (NamedExpression item : projection) {
                canonical.add(new NamedExpression(item.name(), JoinProjection.qualified(item.expression(), input)));
            }
            projection = canonical;
        } else if (!query.partitionBy().isEmpty()) {
            keyExpressions.addAll(query.partitionBy());
        } else {
            for (Column k : source.keyColumns()) {
                keyExpressions.add(new ColumnRef(Optional.empty(), k.name(), Position.UNKNOWN));
            }
        }
        SourceKind kind = join.map(AnalyzedJoin::resultKind).orElse(source.kind());
        return finish(query, source, alias, input, where, List.of(), List.of(), Optional.empty(), Optional.empty(),
                Optional.empty(), partitionBy, projection, keyExpressions, input, Map.of(), kind, sinkName,
                query.partitionBy().isEmpty() ? "key column" : "partitioning expression", joinKeys, join);
    }

    private AnalyzedQuery analyzeAggregate(Query query, DataSource source, String alias, RowSchema input,
                                           Optional<TypedExpression> where, List<Expression> aggregateCalls,
                                           List<NamedExpression> projection, String sinkName,
                                           Optional<AnalyzedJoin> join) {
        List<TypedExpression> groupBy = new ArrayList<>();
        for (Expression g : query.groupBy()) {
            List<Expression> nested = new ArrayList<>();
            collectAggregates(g, nested);
            if (!nested.isEmpty()) {
                throw error(g, "GROUP BY does not support aggregate functions: "
                        + ((FunctionCall) nested.get(0)).name().toUpperCase(java.util.Locale.ROOT) + " is an aggregate function.");
            }
            groupBy.add(ExpressionTyper.type(g, input, functions, types));
        }
        List<RowSchema.Field> aggregatedFields = new ArrayList<>();
        Map<String, Integer> bindings = new HashMap<>();
        for (int i = 0; i < groupBy.size(); i++) {
            aggregatedFields.add(RowSchema.Field.of("KSQL_GROUPBY_" + i, groupBy.get(i).type()));
            bindings.putIfAbsent(SqlFormatter.format(query.groupBy().get(i)), i);
        }
        List<AnalyzedQuery.AggregateCall> aggregates = new ArrayList<>();
        for (Expression e : aggregateCalls) {
            String sql = SqlFormatter.format(e);
            if (bindings.containsKey(sql)) {
                continue;
            }
            FunctionCall call = (FunctionCall) e;
            List<TypedExpression> args = new ArrayList<>();
            List<SqlType> argTypes = new ArrayList<>();
            // COUNT(*) counts rows: ROWTIME is never null, so counting it counts every row (as ksqlDB does).
            boolean countsRows = call.star() || (call.arguments().isEmpty()
                    && call.name().equalsIgnoreCase("COUNT"));
            List<Expression> arguments = countsRows
                    ? List.of(new ColumnRef(Optional.empty(), "ROWTIME", call.position())) : call.arguments();
            List<Expression> withSettings = new ArrayList<>(arguments);
            collectionLimit(call).ifPresent(limit -> withSettings.add(new Expression.IntegerLiteral(limit, call.position())));
            for (Expression a : withSettings) {
                TypedExpression t = ExpressionTyper.type(a, input, functions, types);
                args.add(t);
                argTypes.add(t.type());
            }
            FunctionResolver.ResolvedAggregate fn;
            try {
                fn = functions.resolveAggregate(call.name(), argTypes);
            } catch (SqlException ex) {
                throw ex.line().isPresent() ? ex : ex.withPosition(call.position().line(), call.position().column());
            }
            bindings.put(sql, aggregatedFields.size());
            aggregatedFields.add(RowSchema.Field.of("KSQL_AGG_VARIABLE_" + aggregates.size(), fn.returnType()));
            aggregates.add(new AnalyzedQuery.AggregateCall(fn, args, sql));
        }
        if (query.window().isPresent() && join.isPresent()) {
            // ksqlDB does not resolve the window bounds of a windowed aggregation over a join.
            for (NamedExpression item : projection) {
                if (item.expression() instanceof ColumnRef ref && (ref.name().equals("WINDOWSTART")
                        || ref.name().equals("WINDOWEND"))) {
                    throw error(ref, "SELECT column '" + ref.name() + "' cannot be resolved.");
                }
            }
        }
        if (query.window().isPresent()) {
            aggregatedFields.add(RowSchema.Field.of("WINDOWSTART", SqlType.BIGINT));
            aggregatedFields.add(RowSchema.Field.of("WINDOWEND", SqlType.BIGINT));
        }
        RowSchema aggregated = new RowSchema(aggregatedFields);
        Optional<TypedExpression> having = query.having().map(h -> {
            TypedExpression t = ExpressionTyper.type(h, aggregated, functions, types, bindings);
            requireBoolean(t, "HAVING");
            return t;
        });
        List<String> notGrouped = new ArrayList<>();
        for (NamedExpression item : projection) {
            try {
                ExpressionTyper.type(item.expression(), aggregated, functions, types, bindings);
            } catch (SqlException e) {
                if (e.errorCode() != SqlErrorCode.COLUMN_NOT_FOUND) {
                    throw e;
                }
                notGrouped.add(SqlFormatter.format(item.expression()));
            }
        }
        if (!notGrouped.isEmpty()) {
            throw new SqlException(SqlErrorCode.INVALID_STATEMENT, query.position().line(), query.position().column(),
                    "Non-aggregate SELECT expression(s) not part of GROUP BY: " + String.join(", ", notGrouped));
        }
        return finish(query, source, alias, input, where, groupBy, aggregates, query.window(), Optional.of(aggregated),
                having, List.of(), projection, query.groupBy(), aggregated, bindings, SourceKind.TABLE, sinkName,
                "grouping expression", List.of(), join);
    }

    /**
     * Types the projection over {@code rows}, takes the items that compute the key expressions as
     * the output key (each once), and the rest as values.
     */
    private AnalyzedQuery finish(Query query, DataSource source, String alias, RowSchema input,
                                 Optional<TypedExpression> where, List<TypedExpression> groupBy,
                                 List<AnalyzedQuery.AggregateCall> aggregates,
                                 Optional<io.runnel.sql.internal.ast.WindowExpression> window,
                                 Optional<RowSchema> aggregated, Optional<TypedExpression> having,
                                 List<TypedExpression> partitionBy,
                                 List<NamedExpression> projection, List<Expression> keyExpressions, RowSchema rows,
                                 Map<String, Integer> bindings, SourceKind kind, String sinkName, String keyWord,
                                 List<AnalyzedQuery.Projection> presetKeys, Optional<AnalyzedJoin> join) {
        Map<String, List<NamedExpression>> byKeyText = new LinkedHashMap<>();
        for (Expression k : keyExpressions) {
            byKeyText.put(SqlFormatter.format(k), new ArrayList<>());
        }
        Map<String, AnalyzedQuery.Projection> keysByText = new HashMap<>();
        List<AnalyzedQuery.Projection> values = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (NamedExpression item : projection) {
            if (!names.add(item.name())) {
                throw error(item.expression(), "Duplicate value columns found in projection: " + item.name());
            }
            String text = SqlFormatter.format(item.expression());
            List<NamedExpression> matches = byKeyText.get(text);
            TypedExpression typed = ExpressionTyper.type(item.expression(), rows, functions, types, bindings);
            if (matches != null) {
                matches.add(item);
                keysByText.putIfAbsent(text, new AnalyzedQuery.Projection(item.name(), typed));
            } else {
                values.add(new AnalyzedQuery.Projection(item.name(), typed, containsTableFunctionCall(item.expression())));
            }
            requireNoNestedTableFunction(item.expression(), true);
        }
        List<String> missing = new ArrayList<>();
        boolean implicitKeys = !query.partitionBy().isEmpty()
                && query.select().stream().anyMatch(i -> i instanceof SelectItem.AllColumns);
        for (Map.Entry<String, List<NamedExpression>> e : byKeyText.entrySet()) {
            if (e.getValue().isEmpty() && implicitKeys) {
                // SELECT * with PARTITION BY: the partitioning expression becomes the key by itself.
                Expression k = keyExpressions.stream().filter(x -> SqlFormatter.format(x).equals(e.getKey()))
                        .findFirst().orElseThrow();
                String name = implicitKeyName(k, names);
                names.add(name);
                keysByText.put(e.getKey(), new AnalyzedQuery.Projection(name,
                        ExpressionTyper.type(k, rows, functions, types, bindings)));
            } else if (e.getValue().isEmpty()) {
                missing.add(e.getKey());
            } else if (e.getValue().size() > 1) {
                throw error(e.getValue().get(1).expression(), "The projection contains a key column (`" + e.getKey()
                        + "`) more than once, aliased as: " + String.join(" and ",
                        e.getValue().stream().map(NamedExpression::name).sorted().toList()) + ".");
            }
        }
        if (!missing.isEmpty()) {
            String plural = missing.size() > 1 ? "s" : "";
            throw new SqlException(SqlErrorCode.INVALID_STATEMENT, query.position().line(), query.position().column(),
                    "The query used to build `" + sinkName + "` must include the " + keyWord + plural + " "
                            + joinAnd(missing) + " in its projection (eg, SELECT " + String.join(", ", missing) + "...).");
        }
        // Key columns come in GROUP BY / PARTITION BY order, as ksqlDB lays them out.
        List<AnalyzedQuery.Projection> keys = new ArrayList<>(presetKeys);
        for (String text : byKeyText.keySet()) {
            keys.add(keysByText.get(text));
        }
        if (values.isEmpty() && !transientQuery) {
            throw new SqlException(SqlErrorCode.INVALID_STATEMENT, query.position().line(), query.position().column(),
                    "The projection contains no value columns.");
        }
        boolean primary = kind == SourceKind.TABLE;
        List<Column> keyColumns = new ArrayList<>();
        for (AnalyzedQuery.Projection k : keys) {
            keyColumns.add(LogicalSchema.keyColumn(k.name(), k.expression().type(), primary));
        }
        List<Column> valueColumns = new ArrayList<>();
        for (AnalyzedQuery.Projection v : values) {
            SqlType t = v.expression().type();
            if (t == null) {
                throw error(v.expression().expression(), "Cannot infer the type of column " + v.name()
                        + " from NULL; CAST it to a type");
            }
            valueColumns.add(LogicalSchema.valueColumn(v.name(), t));
        }
        return new AnalyzedQuery(source, alias, input, where, groupBy, aggregates, window, aggregated,
                having, partitionBy,
                keys, values, new LogicalSchema(keyColumns, valueColumns), kind, query.emit(), query.limit(), join);
    }

    // ------------------------------------------------------------------------ pieces

    /**
     * The name of a key column that SELECT * gets from a PARTITION BY expression: a column's own
     * name, a struct field's name, else the first free {@code KSQL_COL_n} (ksqlDB's naming).
     */
    private static String implicitKeyName(Expression e, Set<String> taken) {
        if (e instanceof ColumnRef ref) {
            return ref.name();
        }
        if (e instanceof Expression.Dereference d) {
            return d.field();
        }
        for (int n = 0; ; n++) {
            if (!taken.contains("KSQL_COL_" + n)) {
                return "KSQL_COL_" + n;
            }
        }
    }

    private static RowSchema inputSchema(DataSource source, String alias, boolean windowed) {
        List<RowSchema.Field> fields = new ArrayList<>();
        for (Column c : source.columns()) {
            fields.add(new RowSchema.Field(Optional.of(alias), c.name(), c.type()));
        }
        for (RowSchema.Field p : PSEUDO_COLUMNS) {
            fields.add(new RowSchema.Field(Optional.of(alias), p.name(), p.type()));
        }
        if (windowed) {
            fields.add(new RowSchema.Field(Optional.of(alias), "WINDOWSTART", SqlType.BIGINT));
            fields.add(new RowSchema.Field(Optional.of(alias), "WINDOWEND", SqlType.BIGINT));
        }
        return new RowSchema(fields);
    }

    /** A select item with its output name. */
    record NamedExpression(String name, Expression expression) {
    }

    /**
     * The select items with their output names. {@code *} expands to the key columns then the
     * value columns, except when the query re-keys by PARTITION BY: then the value columns come
     * first and the former key columns after them (ksqlDB's order).
     */
    private List<NamedExpression> expandSelect(List<SelectItem> items, DataSource source, String alias, RowSchema input,
                                               boolean rekeyed) {
        List<NamedExpression> out = new ArrayList<>();
        int generated = 0;
        for (SelectItem item : items) {
            if (item instanceof SelectItem.AllColumns all) {
                if (all.source().isPresent() && !all.source().get().equals(alias)) {
                    throw error(all, "Source '" + all.source().get() + "' is not in the FROM clause; did you mean '"
                            + alias + "'?");
                }
                List<Column> ordered = new ArrayList<>();
                for (Column c : source.columns()) {
                    if (c.isKey() != rekeyed) {
                        ordered.add(c);
                    }
                }
                for (Column c : source.columns()) {
                    if (c.isKey() == rekeyed) {
                        ordered.add(c);
                    }
                }
                for (Column c : ordered) {
                    out.add(new NamedExpression(c.name(), new ColumnRef(Optional.empty(), c.name(), all.position())));
                }
            } else if (item instanceof SelectItem.AllStructFields s) {
                SqlType t = ExpressionTyper.type(s.struct(), input, functions, types).type();
                if (!(t instanceof SqlType.Struct struct)) {
                    throw error(s, "->* needs a STRUCT, got " + (t == null ? "NULL" : t.sql()));
                }
                for (SqlType.Field f : struct.fields()) {
                    out.add(new NamedExpression(f.name(), new Expression.Dereference(s.struct(), f.name(), s.position())));
                }
            } else if (item instanceof SelectItem.SingleColumn c) {
                String name;
                if (c.alias().isPresent()) {
                    name = c.alias().get();
                    if (RESERVED_NAMES.contains(name)) {
                        throw error(c, "`" + name + "` is a reserved column name. You cannot use it as an alias for a column.");
                    }
                } else if (c.expression() instanceof ColumnRef ref) {
                    name = ref.name();
                    if (RESERVED_NAMES.contains(name)) {
                        throw error(c, "Reserved column name in select: `" + name + "`. Please remove or alias the column.");
                    }
                } else if (c.expression() instanceof Expression.Dereference d) {
                    name = uniqueFieldName(d.field(), source, out);
                } else {
                    name = "KSQL_COL_" + generated++;
                }
                out.add(new NamedExpression(name, c.expression()));
            } else {
                throw new IllegalStateException("select item kind not handled: " + item.getClass().getSimpleName());
            }
        }
        return out;
    }

    /**
     * The name of an unaliased {@code struct->field} item: the field's name, or when a source
     * column or an earlier item already has it, the first free {@code FIELD_n} (ksqlDB's rule).
     */
    private static String uniqueFieldName(String field, DataSource source, List<NamedExpression> earlier) {
        Set<String> taken = new HashSet<>();
        source.columns().forEach(c -> taken.add(c.name()));
        earlier.forEach(n -> taken.add(n.name()));
        if (!taken.contains(field)) {
            return field;
        }
        for (int n = 1; ; n++) {
            if (!taken.contains(field + "_" + n)) {
                return field + "_" + n;
            }
        }
    }

    private TypedExpression predicate(Expression e, RowSchema input, String clause) {
        List<Expression> nested = new ArrayList<>();
        collectAggregates(e, nested);
        if (!nested.isEmpty()) {
            throw error(e, clause + " clause cannot contain aggregate functions: " + SqlFormatter.format(nested.get(0)));
        }
        TypedExpression t = ExpressionTyper.type(e, input, functions, types);
        requireBoolean(t, clause);
        return t;
    }

    private static void requireBoolean(TypedExpression t, String clause) {
        if (t.type() != null && t.type().baseType() != SqlBaseType.BOOLEAN) {
            Position p = t.expression().position();
            throw new SqlException(SqlErrorCode.INVALID_STATEMENT, p.line(), p.column(), "line " + p.line() + ":"
                    + p.column() + ": Type error in " + clause + " expression: should evaluate to boolean but is "
                    + SqlFormatter.format(t.expression()) + " (" + t.type().sql() + ") instead.");
        }
    }

    private TypedExpression typePartitionBy(Expression p, RowSchema input) {
        try {
            return ExpressionTyper.type(p, input, functions, types);
        } catch (SqlException e) {
            if (e.errorCode() == SqlErrorCode.COLUMN_NOT_FOUND && p instanceof ColumnRef ref) {
                throw new SqlException(SqlErrorCode.COLUMN_NOT_FOUND, p.position().line(), p.position().column(),
                        "PARTITION BY column '" + ref.name() + "' cannot be resolved.");
            }
            throw e;
        }
    }

    private boolean isTableFunctionCall(Expression e) {
        return e instanceof FunctionCall f && functions.isTableFunction(f.name());
    }

    private boolean containsTableFunctionCall(Expression e) {
        if (isTableFunctionCall(e)) {
            return true;
        }
        for (Expression child : ExpressionChildren.of(e)) {
            if (containsTableFunctionCall(child)) {
                return true;
            }
        }
        return false;
    }

    /**
     * A select item holds at most one table function call, which takes no table function call as
     * an argument and is not inside a lambda: the whole item ({@code EXPLODE(A)}) or a part of it
     * ({@code EXPLODE(A)->F1}, evaluated once per element, as in ksqlDB).
     */
    private void requireNoNestedTableFunction(Expression e, boolean top) {
        if (!isTableFunctionCall(e) && countTableFunctionCalls(e, false) == 1) {
            return;
        }
        requireNoNestedTableFunctionBelow(e, top);
    }

    private int countTableFunctionCalls(Expression e, boolean inLambda) {
        int n = isTableFunctionCall(e) ? (inLambda ? 2 : 1) : 0;
        boolean lambda = inLambda || e instanceof Expression.Lambda;
        for (Expression child : ExpressionChildren.of(e)) {
            n += countTableFunctionCalls(child, lambda);
        }
        if (isTableFunctionCall(e) && n > 1) {
            return 2;  // a table function call inside another one
        }
        return n;
    }

    private void requireNoNestedTableFunctionBelow(Expression e, boolean top) {
        if (!top && isTableFunctionCall(e)) {
            throw error(e, "Table function " + ((FunctionCall) e).name().toUpperCase(java.util.Locale.ROOT)
                    + " can only be used as a whole SELECT item, not inside another expression");
        }
        for (Expression child : ExpressionChildren.of(e)) {
            requireNoNestedTableFunctionBelow(child, false);
        }
    }

    /** Adds every aggregate call in {@code e} (outermost first) to {@code out}. */
    private void collectAggregates(Expression e, List<Expression> out) {
        if (e instanceof FunctionCall f && functions.isAggregate(f.name())) {
            out.add(f);
            return;
        }
        for (Expression child : ExpressionChildren.of(e)) {
            collectAggregates(child, out);
        }
    }

    private static String joinAnd(List<String> items) {
        if (items.size() == 1) {
            return items.get(0);
        }
        return String.join(", ", items.subList(0, items.size() - 1)) + " and " + items.get(items.size() - 1);
    }

    static SqlException error(Node node, String message) {
        Position p = node.position();
        return new SqlException(SqlErrorCode.INVALID_STATEMENT, p.line(), p.column(),
                "line " + p.line() + ":" + p.column() + ": " + message);
    }

    /** The limit a session property sets on a one-argument COLLECT_LIST or COLLECT_SET call, if any. */
    private Optional<Integer> collectionLimit(FunctionCall call) {
        String property = call.name().equalsIgnoreCase("COLLECT_LIST") ? CollectAggregates.COLLECT_LIST_LIMIT
                : call.name().equalsIgnoreCase("COLLECT_SET") ? CollectAggregates.COLLECT_SET_LIMIT : null;
        String value = property == null || call.arguments().size() != 1 ? null : properties.get(property);
        if (value == null) {
            return Optional.empty();
        }
        try {
            long limit = Long.parseLong(value.trim());
            return limit >= Integer.MAX_VALUE ? Optional.empty() : Optional.of((int) Math.max(-1, limit));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
