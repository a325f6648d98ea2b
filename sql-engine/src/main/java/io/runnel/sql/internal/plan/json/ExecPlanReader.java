package io.runnel.sql.internal.plan.json;

import static io.runnel.sql.internal.plan.json.PlanValues.bool;
import static io.runnel.sql.internal.plan.json.PlanValues.elements;
import static io.runnel.sql.internal.plan.json.PlanValues.enumValue;
import static io.runnel.sql.internal.plan.json.PlanValues.field;
import static io.runnel.sql.internal.plan.json.PlanValues.integer;
import static io.runnel.sql.internal.plan.json.PlanValues.optionalText;
import static io.runnel.sql.internal.plan.json.PlanValues.text;
import static io.runnel.sql.internal.plan.json.PlanValues.texts;

import com.fasterxml.jackson.databind.JsonNode;
import io.runnel.sql.SqlException;
import io.runnel.sql.internal.analyzer.AnalyzedJoin;
import io.runnel.sql.internal.analyzer.AnalyzedQuery;
import io.runnel.sql.internal.analyzer.ExpressionTyper;
import io.runnel.sql.internal.analyzer.FunctionResolver;
import io.runnel.sql.internal.analyzer.RowSchema;
import io.runnel.sql.internal.analyzer.TypedExpression;
import io.runnel.sql.internal.ast.Expression;
import io.runnel.sql.internal.ast.Relation;
import io.runnel.sql.internal.ast.SourceKind;
import io.runnel.sql.internal.catalog.Catalog;
import io.runnel.sql.internal.catalog.Column;
import io.runnel.sql.internal.catalog.SqlType;
import io.runnel.sql.internal.catalog.TypeResolver;
import io.runnel.sql.internal.parser.SqlParser;
import io.runnel.sql.internal.plan.ExecNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Reads an exec plan written by {@link ExecPlanWriter} (format in its Javadoc and in
 * {@code docs/internals/exec-plan-format.md}) back into {@link ExecNode} records: one method per
 * node kind; expressions parsed from their SQL text and typed again over the node's stored input
 * schema (and bindings) with the function registry given, as ksqlDB does; sources from their
 * snapshots, never from the catalog, so the plan does not depend on planning again.
 *
 * <h2>Versions</h2>
 * {@link #read} dispatches on {@code version}: 1 is read by the methods here, forever. A version 2
 * (a changed node shape, say a join whose right side is any node) gets its own entry in
 * {@link #read}'s switch, reading the nodes that changed with new methods and sharing the others;
 * the writer then writes only version 2, and plans of version 1 already stored stay as they are
 * and are still read by the version-1 methods. A version this reader does not know (written by a
 * newer Runnel) is refused with an {@link UnreadablePlanException} saying so; it is never guessed.
 * A field added to version 1 is optional, and its absence reads as what plans without it ran (an
 * {@code Aggregate} without {@code grouping} re-keys through its repartition topic).
 *
 * <p>Typing may fail when the functions changed since the plan was written (a UDF removed, an
 * aggregate that now returns another type): that is an {@link UnreadablePlanException} naming the
 * node and the expression. One reader may read many plans; not thread-safe while reading.
 */
public final class ExecPlanReader {
    private final FunctionResolver functions;
    private TypeResolver types = new TypeResolver(Catalog.empty());

    public ExecPlanReader(FunctionResolver functions) {
        this.functions = Objects.requireNonNull(functions, "functions");
    }

    public QueryPlan read(String json) {
        Objects.requireNonNull(json, "json");
        JsonNode root;
        try {
            root = ExecPlanWriter.JSON.readTree(json);
        } catch (IOException e) {
            throw new UnreadablePlanException("an exec plan is not JSON: " + e.getMessage(), e);
        }
        return read(root);
    }

    public QueryPlan read(JsonNode root) {
        if (root == null || !root.isObject() || !ExecPlanWriter.TYPE.equals(root.path("type").asText())) {
            throw new UnreadablePlanException("not a " + ExecPlanWriter.TYPE + " document: " + abbreviate(root));
        }
        JsonNode version = root.path("version");
        if (!version.canConvertToInt()) {
            throw new UnreadablePlanException("an exec plan without a version: " + abbreviate(root));
        }
        return switch (version.asInt()) {
            case 1 -> readVersion1(root);
            default -> throw new UnreadablePlanException("exec plan version " + version.asInt() + " of query "
                    + root.path("queryId").asText("?") + " cannot be read: this Runnel reads exec plan version "
                    + ExecPlanWriter.VERSION + (version.asInt() > ExecPlanWriter.VERSION
                    ? " and older; the plan was written by a newer Runnel" : ""));
        };
    }

    private QueryPlan readVersion1(JsonNode root) {
        Catalog catalog = Catalog.empty();
        Iterator<Map.Entry<String, JsonNode>> custom = field(root, "types").fields();
        while (custom.hasNext()) {
            Map.Entry<String, JsonNode> t = custom.next();
            catalog = catalog.withType(t.getKey(), PlanValues.type(t.getValue().asText()));
        }
        types = new TypeResolver(catalog);
        String queryId = text(root, "queryId");
        JsonNode sink = field(root, "sink");
        ExecNode plan = node(field(root, "plan"));
        if (!(plan instanceof ExecNode.Sink root1)) {
            throw new UnreadablePlanException("the root of the plan of " + queryId + " is not a Sink: " + plan.id());
        }
        return new QueryPlan(queryId, PlanValues.readSource(field(sink, "source")), bool(sink, "create"),
                bool(sink, "replace"), root1);
    }

    private ExecNode node(JsonNode json) {
        return switch (NodeKind.named(text(json, "node"))) {
            case STREAM_SOURCE -> streamSource(json);
            case FILTER -> filter(json);
            case TABLE_FILTER -> tableFilter(json);
            case JOIN -> join(json);
            case AGGREGATE -> aggregate(json);
            case PROJECT -> project(json);
            case SINK -> sink(json);
        };
    }

    private ExecNode.StreamSource streamSource(JsonNode json) {
        return new ExecNode.StreamSource(text(json, "id"), PlanValues.readSource(field(json, "source")));
    }

    private ExecNode.Filter filter(JsonNode json) {
        String id = text(json, "id");
        return new ExecNode.Filter(id, node(field(json, "input")), typed(json, id, text(json, "predicate")));
    }

    private ExecNode.TableFilter tableFilter(JsonNode json) {
        String id = text(json, "id");
        return new ExecNode.TableFilter(id, node(field(json, "input")), typed(json, id, text(json, "predicate")));
    }

    private ExecNode.Join join(JsonNode json) {
        String id = text(json, "id");
        JsonNode s = field(json, "step");
        JsonNode r = field(s, "right");
        AnalyzedJoin.Source right = new AnalyzedJoin.Source(PlanValues.readSource(field(r, "source")), text(r, "alias"),
                integer(r, "offset"), PlanValues.readRowSchema(field(r, "row")));
        RowSchema leftRows = PlanValues.readRowSchema(field(json, "leftRows"));
        Optional<Relation.JoinWindow> within = s.has("within")
                ? Optional.of(PlanValues.readJoinWindow(s.get("within"))) : Optional.empty();
        AnalyzedJoin.Step step = new AnalyzedJoin.Step(enumValue(Relation.JoinType.class, s, "type"),
                enumValue(AnalyzedJoin.Kind.class, s, "kind"), within,
                typed(id, text(s, "leftKey"), leftRows, Map.of()), typed(id, text(s, "rightKey"), right.row(), Map.of()),
                bool(s, "rekeyLeft"), bool(s, "rekeyRight"), right, integer(s, "leftWidth"),
                enumValue(SourceKind.class, s, "leftKind"), PlanValues.readType(s, "keyType"));
        ExecNode left = node(field(json, "left"));
        // Version 1 joins a source on the right; a later version may join any node there.
        if (!(node(field(json, "right")) instanceof ExecNode.StreamSource rightNode)) {
            throw new UnreadablePlanException(id + ": the right side of a join must be a StreamSource in version 1");
        }
        return new ExecNode.Join(id, left, rightNode, step, leftRows, integer(json, "keyWidth"));
    }

    private ExecNode.Aggregate aggregate(JsonNode json) {
        String id = text(json, "id");
        RowSchema input = PlanValues.readRowSchema(field(json, "inputSchema"));
        RowSchema aggregated = PlanValues.readRowSchema(field(json, "aggregated"));
        List<TypedExpression> groupBy = new ArrayList<>();
        for (String g : texts(json, "groupBy")) {
            groupBy.add(typed(id, g, input, Map.of()));
        }
        List<AnalyzedQuery.AggregateCall> calls = new ArrayList<>();
        for (JsonNode a : elements(field(json, "aggregates"), "aggregates")) {
            String name = text(a, "function");
            List<String> columns = texts(a, "arguments");
            List<TypedExpression> arguments = new ArrayList<>();
            List<SqlType> argumentTypes = new ArrayList<>();
            for (String sql : concat(columns, texts(a, "initArguments"))) {
                TypedExpression t = typed(id, sql, input, Map.of());
                arguments.add(t);
                argumentTypes.add(t.type());
            }
            FunctionResolver.ResolvedAggregate function;
            try {
                function = functions.resolveAggregate(name, argumentTypes);
            } catch (SqlException e) {
                throw new UnreadablePlanException(id + ": aggregate " + name + " cannot be resolved: " + e.getMessage(), e);
            }
            if (function.columnCount() != columns.size()) {
                throw new UnreadablePlanException(id + ": aggregate " + name + " now takes " + function.columnCount()
                        + " column arguments; the plan gives " + columns.size());
            }
            int field = groupBy.size() + calls.size();
            if (field >= aggregated.size() || !aggregated.field(field).type().equals(function.returnType())) {
                throw new UnreadablePlanException(id + ": aggregate " + text(a, "sql") + " now returns "
                        + function.returnType().sql() + "; the plan was built for "
                        + (field < aggregated.size() ? aggregated.field(field).type().sql() : "fewer aggregates"));
            }
            calls.add(new AnalyzedQuery.AggregateCall(function, arguments, text(a, "sql")));
        }
        return new ExecNode.Aggregate(id, node(field(json, "input")), groupBy, calls,
                json.has("window") ? Optional.of(PlanValues.readWindow(json.get("window"))) : Optional.empty(),
                input, aggregated, bool(json, "emitFinal"), grouping(json));
    }

    /**
     * An aggregate's {@code grouping}; absent (plans written before the choice was stored, and
     * every plan that re-groups) it is {@code REPARTITION}, which is what those plans always ran.
     */
    private static ExecNode.Aggregate.Grouping grouping(JsonNode json) {
        return json.has("grouping") ? enumValue(ExecNode.Aggregate.Grouping.class, json, "grouping")
                : ExecNode.Aggregate.Grouping.REPARTITION;
    }

    private ExecNode.Project project(JsonNode json) {
        String id = text(json, "id");
        io.runnel.sql.internal.analyzer.LogicalSchema output = PlanValues.readLogicalSchema(field(json, "output"));
        List<AnalyzedQuery.Projection> keys = new ArrayList<>();
        for (JsonNode k : elements(field(json, "keys"), "keys")) {
            keys.add(new AnalyzedQuery.Projection(text(k, "name"), typed(json, id, text(k, "expression"))));
        }
        List<AnalyzedQuery.Projection> values = new ArrayList<>();
        for (JsonNode v : elements(field(json, "values"), "values")) {
            values.add(new AnalyzedQuery.Projection(text(v, "name"), typed(json, id, text(v, "expression")),
                    bool(v, "tableFunction")));
        }
        requireTypes(id, keys, output.key());
        requireTypes(id, values, output.value());
        return new ExecNode.Project(id, node(field(json, "input")), keys, values, output, bool(json, "partitionBy"));
    }

    private ExecNode.Sink sink(JsonNode json) {
        return new ExecNode.Sink(text(json, "id"), node(field(json, "input")), text(json, "topic"),
                PlanValues.readLogicalSchema(field(json, "output")), PlanValues.readFormats(field(json, "formats")),
                optionalText(json, "timestampColumn"));
    }

    // ------------------------------------------------------------------ expressions

    /** An expression of a node with {@code inputSchema} and {@code bindings?}. */
    private TypedExpression typed(JsonNode node, String id, String sql) {
        Map<String, Integer> bindings = new TreeMap<>();
        if (node.has("bindings")) {
            Iterator<Map.Entry<String, JsonNode>> fields = node.get("bindings").fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> f = fields.next();
                if (!f.getValue().canConvertToInt()) {
                    throw new UnreadablePlanException(id + ": binding of '" + f.getKey() + "' is not an index");
                }
                bindings.put(f.getKey(), f.getValue().asInt());
            }
        }
        return typed(id, sql, PlanValues.readRowSchema(field(node, "inputSchema")), bindings);
    }

    private TypedExpression typed(String id, String sql, RowSchema input, Map<String, Integer> bindings) {
        Expression expression;
        try {
            expression = SqlParser.parseExpression(sql);
        } catch (SqlException e) {
            throw new UnreadablePlanException(id + ": expression '" + sql + "' does not parse: " + e.getMessage(), e);
        }
        for (int index : bindings.values()) {
            if (index < 0 || index >= input.size()) {
                throw new UnreadablePlanException(id + ": a binding points past the input schema: " + index);
            }
        }
        try {
            return ExpressionTyper.type(expression, input, functions, types, bindings);
        } catch (SqlException e) {
            throw new UnreadablePlanException(id + ": expression '" + sql + "' cannot be typed over its input: "
                    + e.getMessage(), e);
        }
    }

    /** A projection whose type is no longer its column's means the functions changed under the plan. */
    private static void requireTypes(String id, List<AnalyzedQuery.Projection> projections, List<Column> columns) {
        if (projections.size() != columns.size()) {
            throw new UnreadablePlanException(id + ": " + projections.size() + " projections for " + columns.size()
                    + " columns");
        }
        for (int i = 0; i < projections.size(); i++) {
            SqlType type = projections.get(i).expression().type();
            if (type != null && !type.equals(columns.get(i).type())) {
                throw new UnreadablePlanException(id + ": column " + columns.get(i).name() + " is "
                        + columns.get(i).type().sql() + " but its expression now gives " + type.sql());
            }
        }
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> out = new ArrayList<>(a);
        out.addAll(b);
        return out;
    }

    private static String abbreviate(JsonNode node) {
        String text = String.valueOf(node);
        return text.length() > 200 ? text.substring(0, 200) + "..." : text;
    }
}
