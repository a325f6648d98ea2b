package io.runnel.sql.internal.function;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.runnel.sql.conformance.QttCase;
import io.runnel.sql.conformance.QttLoader;
import io.runnel.sql.conformance.QttRecord;
import io.runnel.sql.function.Udaf;
import io.runnel.sql.internal.ast.Expression;
import io.runnel.sql.internal.ast.Query;
import io.runnel.sql.internal.ast.SelectItem;
import io.runnel.sql.internal.ast.SourceKind;
import io.runnel.sql.internal.ast.Statement;
import io.runnel.sql.internal.ast.TableElement;
import io.runnel.sql.internal.catalog.Catalog;
import io.runnel.sql.internal.catalog.SqlType;
import io.runnel.sql.internal.catalog.TypeResolver;
import io.runnel.sql.internal.parser.SqlParser;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Runs ksqlDB's aggregate conformance cases that are simple enough to drive at the function
 * level: a STREAM source (JSON or KAFKA value format), {@code CREATE TABLE ... AS SELECT key,
 * AGG(column[, literal...]) ... GROUP BY key} with no WHERE or window. Each record updates its
 * group's aggregate ({@code initialize}/{@code aggregate}/{@code map}, as the runtime will) and the
 * outputs are compared in order. Records whose group key is NULL are dropped, as in ksqlDB. Cases
 * setting {@code ksql.functions.*} properties are left out (function configuration is not supported).
 */
class QttAggregateConformanceTest {
    private static final List<String> FILES = List.of("count.json", "count-distinct.json", "sum.json", "average-udaf.json",
            "topk-distinct.json", "histogram.json", "collect-list.json", "latest-offset-udaf.json", "attr.json",
            "group-by.json");

    private static final TypeResolver TYPES = new TypeResolver(Catalog.empty());

    private record Column(String name, SqlType type, boolean key) {
    }

    private record Agg(String outputName, Expression.FunctionCall call) {
    }

    private record Prepared(List<Column> columns, String groupColumn, List<Agg> aggregates) {
    }

    @Test
    void shouldProduceExpectedAggregatesOfSimpleGroupByConformanceCases() throws IOException {
        Path dir = Path.of(System.getProperty("runnel.conformance.dir"), "qtt");
        int checked = 0;
        List<String> failures = new ArrayList<>();
        for (String file : FILES) {
            for (QttCase c : QttLoader.load(dir.resolve(file), file)) {
                Prepared p = prepare(c);
                if (p == null) continue;
                checked++;
                String problem = run(p, c);
                if (problem != null) failures.add(file + " / " + c.name() + " " + c.variant() + ": " + problem);
            }
        }
        System.out.println("QTT aggregate cases checked: " + checked + ", failed: " + failures.size());
        assertThat(failures).isEmpty();
        assertThat(checked).as("cases checked").isGreaterThanOrEqualTo(37);
    }

    private static Prepared prepare(QttCase c) {
        if (c.expectedError() != null || c.statements().size() != 2 || c.outputs().isEmpty()) return null;
        // function configs (e.g. ksql.functions.collect_list.limit) apply when a session plans the query, not here
        if (c.properties().keySet().stream().anyMatch(k -> k.startsWith("ksql.functions."))) return null;
        String ddl = c.statements().get(0).toUpperCase(Locale.ROOT);
        if (ddl.contains("DELIMITED") || ddl.contains("AVRO") || ddl.contains("PROTOBUF") || ddl.contains("WRAP_SINGLE_VALUE")) {
            return null;
        }
        Statement create;
        Statement select;
        try {
            create = SqlParser.parseStatement(c.statements().get(0));
            select = SqlParser.parseStatement(c.statements().get(1));
        } catch (RuntimeException e) {
            return null;
        }
        if (!(create instanceof Statement.CreateSource source) || source.kind() != SourceKind.STREAM
                || !(select instanceof Statement.CreateAsSelect csas)) {
            return null;
        }
        Query q = csas.query();
        if (q.where().isPresent() || q.window().isPresent() || q.having().isPresent() || q.groupBy().size() != 1
                || !(q.groupBy().get(0) instanceof Expression.ColumnRef group)) {
            return null;
        }
        List<Column> columns = new ArrayList<>();
        for (TableElement e : source.elements()) {
            columns.add(new Column(e.name().toUpperCase(Locale.ROOT), TYPES.resolve(e.type()),
                    e.constraint() != TableElement.Constraint.VALUE));
        }
        List<Agg> aggregates = new ArrayList<>();
        int generated = 0;
        for (SelectItem item : q.select()) {
            if (!(item instanceof SelectItem.SingleColumn single)) return null;
            if (single.expression() instanceof Expression.ColumnRef ref && ref.name().equalsIgnoreCase(group.name())) continue;
            if (!(single.expression() instanceof Expression.FunctionCall call) || call.star() || call.distinct()
                    || !Calls.REGISTRY.isAggregate(call.name()) || call.arguments().isEmpty()
                    || !(call.arguments().get(0) instanceof Expression.ColumnRef)
                    || !call.arguments().subList(1, call.arguments().size()).stream().allMatch(a -> a instanceof Expression.Literal)) {
                return null;
            }
            String name = single.alias().map(a -> a.toUpperCase(Locale.ROOT)).orElse("KSQL_COL_" + generated++);
            aggregates.add(new Agg(name, call));
        }
        if (aggregates.isEmpty()) return null;
        return new Prepared(columns, group.name().toUpperCase(Locale.ROOT), aggregates);
    }

    private static String run(Prepared p, QttCase c) {
        Map<String, Column> byName = new HashMap<>();
        p.columns().forEach(col -> byName.put(col.name(), col));
        List<ResolvedAggregate> resolved = new ArrayList<>();
        List<Udaf<Object, Object, Object>> udafs = new ArrayList<>();
        for (Agg agg : p.aggregates()) {
            List<ArgType> types = new ArrayList<>();
            List<Object> constants = new ArrayList<>();
            Column column = byName.get(((Expression.ColumnRef) agg.call().arguments().get(0)).name().toUpperCase(Locale.ROOT));
            if (column == null) return null;
            types.add(ArgType.of(column.type()));
            for (Expression literal : agg.call().arguments().subList(1, agg.call().arguments().size())) {
                Object v = ((Expression.Literal) literal).value();
                constants.add(v);
                types.add(ArgType.of(Calls.typeOf(v)));
            }
            ResolvedAggregate r = Calls.REGISTRY.resolveAggregate(agg.call().name(), types);
            resolved.add(r);
            udafs.add(r.create(constants));
        }
        Map<Object, List<Object>> states = new HashMap<>();
        int out = 0;
        for (QttRecord in : c.inputs()) {
            if (in.value() == null || in.value().isNull()) continue;
            Map<String, Object> row = new LinkedHashMap<>();
            long valueColumns = p.columns().stream().filter(col -> !col.key()).count();
            for (Column col : p.columns()) {
                JsonNode node = col.key() ? in.key()
                        : !in.value().isObject() && valueColumns == 1 ? in.value() : QttFunctionConformanceTest.field(in.value(), col.name());
                row.put(col.name(), QttFunctionConformanceTest.fromJson(node, col.type()));
            }
            Object groupKey = row.get(p.groupColumn());
            if (groupKey == null) continue;
            List<Object> state = states.computeIfAbsent(groupKey, k -> {
                List<Object> initial = new ArrayList<>();
                udafs.forEach(u -> initial.add(u.initialize()));
                return initial;
            });
            if (out >= c.outputs().size()) return "more outputs than expected";
            QttRecord expected = c.outputs().get(out++);
            for (int i = 0; i < udafs.size(); i++) {
                Object input = row.get(((Expression.ColumnRef) p.aggregates().get(i).call().arguments().get(0)).name().toUpperCase(Locale.ROOT));
                state.set(i, udafs.get(i).aggregate(resolved.get(i).input(input), state.get(i)));
                Object result = udafs.get(i).map(state.get(i));
                JsonNode want = QttFunctionConformanceTest.field(expected.value(), p.aggregates().get(i).outputName());
                JsonNode got = QttFunctionConformanceTest.toJson(result, resolved.get(i).returnType());
                if (!QttFunctionConformanceTest.same(want == null ? JsonNodeFactory.instance.nullNode() : want, got)) {
                    return "output " + (out - 1) + " column " + p.aggregates().get(i).outputName() + ": expected " + want
                            + " but was " + got;
                }
            }
        }
        return out == c.outputs().size() ? null : "expected " + c.outputs().size() + " outputs, produced " + out;
    }

}
