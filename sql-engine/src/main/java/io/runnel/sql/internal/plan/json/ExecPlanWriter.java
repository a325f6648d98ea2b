package io.runnel.sql.internal.plan.json;

import static io.runnel.sql.internal.plan.json.PlanValues.NODES;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.runnel.sql.internal.analyzer.AnalyzedJoin;
import io.runnel.sql.internal.analyzer.AnalyzedQuery;
import io.runnel.sql.internal.analyzer.RowSchema;
import io.runnel.sql.internal.analyzer.TypedExpression;
import io.runnel.sql.internal.catalog.SqlType;
import io.runnel.sql.internal.parser.SqlFormatter;
import io.runnel.sql.internal.plan.ExecNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Writes a persistent query's exec plan as JSON: the form stored with the query's command in the
 * command topic and read back at restart by {@link ExecPlanReader}, so that a restarted query
 * runs the plan it was started with, whatever the planner does today (ksqlDB's persisted plans).
 * Full description with an example: {@code docs/internals/exec-plan-format.md}.
 *
 * <h2>Format, version 1</h2>
 * One UTF-8 JSON object; fields in this order; empty optional values (marked {@code ?}) left out:
 * <table>
 * <caption>the document</caption>
 * <tr><th>field</th><th>value</th></tr>
 * <tr><td>{@code type}</td><td>{@code "runnel-exec-plan"}</td></tr>
 * <tr><td>{@code version}</td><td>{@code 1}; a reader refuses versions it does not know</td></tr>
 * <tr><td>{@code queryId}</td><td>e.g. {@code "CTAS_COUNTS_1"}: names the query's processors, stores and topics</td></tr>
 * <tr><td>{@code sink}</td><td>{@code {"create": bool, "replace": bool, "source": snapshot}}: the source
 *     written; {@code create} adds it to the catalog (CREATE ... AS SELECT), {@code replace} replaces one of the
 *     same name (CREATE OR REPLACE); INSERT INTO has {@code create false} and the target as it was</td></tr>
 * <tr><td>{@code types}</td><td>{@code {name: type}}: the custom types the plan's CASTs name, resolved</td></tr>
 * <tr><td>{@code plan}</td><td>the root node (a {@code Sink}); each node holds its inputs</td></tr>
 * </table>
 * <p>Every node has {@code "node"} (its kind) and {@code "id"} (e.g. {@code aggregate_2}), then:
 * <table>
 * <caption>nodes</caption>
 * <tr><th>node</th><th>fields</th></tr>
 * <tr><td>{@code StreamSource}</td><td>{@code source}: snapshot</td></tr>
 * <tr><td>{@code Filter}, {@code TableFilter}</td><td>{@code inputSchema}, {@code bindings?}, {@code predicate},
 *     {@code input}</td></tr>
 * <tr><td>{@code Join}</td><td>{@code step} (below), {@code leftRows}: row schema, {@code keyWidth}: int,
 *     {@code left}: node, {@code right}: node (version 1: a {@code StreamSource})</td></tr>
 * <tr><td>{@code Aggregate}</td><td>{@code inputSchema}, {@code groupBy}: [expression], {@code aggregates}:
 *     [{@code {"function", "arguments": [expression], "initArguments": [expression], "sql"}}],
 *     {@code window?}, {@code aggregated}: row schema, {@code emitFinal}: bool, {@code grouping?}:
 *     {@code SOURCE_KEY} (absent: {@code REPARTITION}, as in plans written before it existed),
 *     {@code input}</td></tr>
 * <tr><td>{@code Project}</td><td>{@code inputSchema}, {@code bindings?}, {@code keys}:
 *     [{@code {"name", "expression"}}], {@code values}: [{@code {"name", "expression", "tableFunction"}}],
 *     {@code output}: logical schema, {@code partitionBy}: bool, {@code input}</td></tr>
 * <tr><td>{@code Sink}</td><td>{@code topic}, {@code output}: logical schema, {@code formats},
 *     {@code timestampColumn?}, {@code input}</td></tr>
 * </table>
 * <p>A join {@code step} is {@code {"type": INNER|LEFT|RIGHT|FULL, "kind": STREAM_STREAM|STREAM_TABLE|
 * TABLE_TABLE|FOREIGN_KEY, "within"?: {"before", "after", "grace"?}, "leftKey", "rightKey", "rekeyLeft",
 * "rekeyRight", "right": {"source": snapshot, "alias", "offset", "row": row schema}, "leftWidth",
 * "leftKind", "keyType"}}; {@code leftKey} is typed over {@code leftRows}, {@code rightKey} over
 * {@code right.row}.
 *
 * <p>Values: an <em>expression</em> is SQL text as {@link SqlFormatter} prints it, typed again on
 * read over the node's {@code inputSchema} with the function registry; {@code bindings}
 * ({@code {sql: index}}) binds sub-expressions to input columns by their text (an aggregate's
 * GROUP BY expressions and results, read by HAVING and the projection). A <em>row schema</em> is
 * {@code [{"name", "type", "source"?}]}; a <em>logical schema</em> {@code {"key": [column], "value":
 * [column]}}; a <em>column</em> {@code {"name", "type", "role": KEY|PRIMARY_KEY|VALUE|HEADERS,
 * "header"?}}; a <em>type</em> SQL text as {@link SqlType#sql()} prints it (an empty STRUCT as
 * {@code STRUCT< >}); a <em>snapshot</em>
 * {@code {"name", "kind": STREAM|TABLE, "topic", "columns", "formats", "timestampColumn"?,
 * "readOnly"}}; <em>formats</em> {@code {"key", "value", "window"?: {"kind", "sizeMs"?},
 * "properties"}}; a <em>window</em> {@code {"kind": TUMBLING|HOPPING|SESSION, "size"|"gap",
 * "advance"?, "retention"?, "grace"?}} with durations as written ({@code "30 SECONDS"}).
 *
 * <p>Stateless; the output for equal plans is equal byte for byte.
 */
public final class ExecPlanWriter {
    public static final String TYPE = "runnel-exec-plan";
    public static final int VERSION = 1;

    static final ObjectMapper JSON = new ObjectMapper();

    /** Custom type names the plan's CASTs use, collected while writing. */
    private final Map<String, SqlType> types = new TreeMap<>();

    private ExecPlanWriter() {
    }

    /** The plan as compact JSON text. */
    public static String write(QueryPlan plan) {
        try {
            return JSON.writeValueAsString(toJson(plan));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the plan of " + plan.queryId(), e);
        }
    }

    /** The plan as a JSON tree. */
    public static ObjectNode toJson(QueryPlan plan) {
        ExecPlanWriter writer = new ExecPlanWriter();
        ObjectNode root = writer.node(plan.plan());
        ObjectNode json = NODES.objectNode();
        json.put("type", TYPE);
        json.put("version", VERSION);
        json.put("queryId", plan.queryId());
        ObjectNode sink = json.putObject("sink");
        sink.put("create", plan.createsSink());
        sink.put("replace", plan.replacesSink());
        sink.set("source", PlanValues.source(plan.sink()));
        ObjectNode types = json.putObject("types");
        writer.types.forEach((name, type) -> types.put(name, PlanValues.typeSql(type)));
        json.set("plan", root);
        return json;
    }

    private ObjectNode node(ExecNode node) {
        return switch (NodeKind.of(node)) {
            case STREAM_SOURCE -> streamSource((ExecNode.StreamSource) node);
            case FILTER -> filter((ExecNode.Filter) node);
            case TABLE_FILTER -> tableFilter((ExecNode.TableFilter) node);
            case JOIN -> join((ExecNode.Join) node);
            case AGGREGATE -> aggregate((ExecNode.Aggregate) node);
            case PROJECT -> project((ExecNode.Project) node);
            case SINK -> sink((ExecNode.Sink) node);
        };
    }

    private static ObjectNode header(ExecNode node) {
        ObjectNode json = NODES.objectNode();
        json.put("node", NodeKind.of(node).jsonName());
        json.put("id", node.id());
        return json;
    }

    private ObjectNode streamSource(ExecNode.StreamSource node) {
        ObjectNode json = header(node);
        json.set("source", PlanValues.source(node.source()));
        return json;
    }

    private ObjectNode filter(ExecNode.Filter node) {
        return predicateNode(node, node.predicate(), node.input());
    }

    private ObjectNode tableFilter(ExecNode.TableFilter node) {
        return predicateNode(node, node.predicate(), node.input());
    }

    private ObjectNode predicateNode(ExecNode node, TypedExpression predicate, ExecNode input) {
        ObjectNode json = header(node);
        typingContext(json, node, List.of(predicate), predicate.input());
        json.put("predicate", expression(predicate));
        json.set("input", node(input));
        return json;
    }

    private ObjectNode join(ExecNode.Join node) {
        ObjectNode json = header(node);
        AnalyzedJoin.Step step = node.step();
        requireSchema(node, step.leftKey(), node.leftRows());
        requireSchema(node, step.rightKey(), step.right().row());
        requireNoBindings(node, step.leftKey());
        requireNoBindings(node, step.rightKey());
        ObjectNode s = json.putObject("step");
        s.put("type", step.type().name());
        s.put("kind", step.kind().name());
        step.within().ifPresent(w -> s.set("within", PlanValues.joinWindow(w)));
        s.put("leftKey", expression(step.leftKey()));
        s.put("rightKey", expression(step.rightKey()));
        s.put("rekeyLeft", step.rekeyLeft());
        s.put("rekeyRight", step.rekeyRight());
        ObjectNode right = s.putObject("right");
        right.set("source", PlanValues.source(step.right().source()));
        right.put("alias", step.right().alias());
        right.put("offset", step.right().offset());
        right.set("row", PlanValues.rowSchema(step.right().row()));
        s.put("leftWidth", step.leftWidth());
        s.put("leftKind", step.leftKind().name());
        s.put("keyType", PlanValues.typeSql(step.keyType()));
        json.set("leftRows", PlanValues.rowSchema(node.leftRows()));
        json.put("keyWidth", node.keyWidth());
        json.set("left", node(node.left()));
        json.set("right", node(node.right()));
        return json;
    }

    private ObjectNode aggregate(ExecNode.Aggregate node) {
        ObjectNode json = header(node);
        List<TypedExpression> all = new ArrayList<>(node.groupBy());
        node.aggregates().forEach(a -> all.addAll(a.arguments()));
        for (TypedExpression e : all) {
            requireSchema(node, e, node.inputSchema());
            requireNoBindings(node, e);
        }
        json.set("inputSchema", PlanValues.rowSchema(node.inputSchema()));
        ArrayNode groupBy = json.putArray("groupBy");
        node.groupBy().forEach(g -> groupBy.add(expression(g)));
        ArrayNode aggregates = json.putArray("aggregates");
        for (AnalyzedQuery.AggregateCall call : node.aggregates()) {
            ObjectNode a = aggregates.addObject();
            a.put("function", call.function().name());
            int columns = call.function().columnCount();
            ArrayNode arguments = a.putArray("arguments");
            ArrayNode init = a.putArray("initArguments");
            for (int i = 0; i < call.arguments().size(); i++) {
                (i < columns ? arguments : init).add(expression(call.arguments().get(i)));
            }
            a.put("sql", call.sql());
        }
        node.window().ifPresent(w -> json.set("window", PlanValues.window(w)));
        json.set("aggregated", PlanValues.rowSchema(node.aggregated()));
        json.put("emitFinal", node.emitFinal());
        if (node.grouping() != ExecNode.Aggregate.Grouping.REPARTITION) {
            json.put("grouping", node.grouping().name());
        }
        json.set("input", node(node.input()));
        return json;
    }

    private ObjectNode project(ExecNode.Project node) {
        ObjectNode json = header(node);
        List<TypedExpression> all = new ArrayList<>();
        node.keys().forEach(k -> all.add(k.expression()));
        node.values().forEach(v -> all.add(v.expression()));
        typingContext(json, node, all, all.isEmpty() ? new RowSchema(List.of()) : all.get(0).input());
        ArrayNode keys = json.putArray("keys");
        for (AnalyzedQuery.Projection k : node.keys()) {
            if (k.tableFunction()) {
                throw new IllegalStateException(node.id() + ": a key column from a table function: " + k.name());
            }
            ObjectNode p = keys.addObject();
            p.put("name", k.name());
            p.put("expression", expression(k.expression()));
        }
        ArrayNode values = json.putArray("values");
        for (AnalyzedQuery.Projection v : node.values()) {
            ObjectNode p = values.addObject();
            p.put("name", v.name());
            p.put("expression", expression(v.expression()));
            p.put("tableFunction", v.tableFunction());
        }
        json.set("output", PlanValues.logicalSchema(node.schema()));
        json.put("partitionBy", node.partitionBy());
        json.set("input", node(node.input()));
        return json;
    }

    private ObjectNode sink(ExecNode.Sink node) {
        ObjectNode json = header(node);
        json.put("topic", node.topic());
        json.set("output", PlanValues.logicalSchema(node.schema()));
        json.set("formats", PlanValues.formats(node.formats()));
        node.timestampColumn().ifPresent(t -> json.put("timestampColumn", t));
        json.set("input", node(node.input()));
        return json;
    }

    // ------------------------------------------------------------------ expressions

    /** Writes {@code inputSchema} and {@code bindings} (when any) for expressions all typed over {@code schema}. */
    private static void typingContext(ObjectNode json, ExecNode node, List<TypedExpression> expressions,
                                      RowSchema schema) {
        Map<String, Integer> bindings = new TreeMap<>();
        for (TypedExpression e : expressions) {
            requireSchema(node, e, schema);
            ExpressionFacts.collectBindings(e, bindings);
        }
        json.set("inputSchema", PlanValues.rowSchema(schema));
        if (!bindings.isEmpty()) {
            ObjectNode b = json.putObject("bindings");
            bindings.forEach(b::put);
        }
    }

    private String expression(TypedExpression typed) {
        ExpressionFacts.collectNamedTypes(typed, types);
        return SqlFormatter.format(typed.expression());
    }

    private static void requireSchema(ExecNode node, TypedExpression e, RowSchema schema) {
        if (!e.input().equals(schema)) {
            throw new IllegalStateException(node.id() + ": expression " + SqlFormatter.format(e.expression())
                    + " is typed over another row than the node's other expressions");
        }
    }

    private static void requireNoBindings(ExecNode node, TypedExpression e) {
        Map<String, Integer> bindings = new TreeMap<>();
        ExpressionFacts.collectBindings(e, bindings);
        if (!bindings.isEmpty()) {
            throw new IllegalStateException(node.id() + ": expression " + SqlFormatter.format(e.expression())
                    + " binds " + bindings.keySet() + ", which this node's JSON form does not store");
        }
    }
}
