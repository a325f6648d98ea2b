package io.runnel.sql.internal.plan.json;

import io.runnel.sql.internal.analyzer.ExpressionChildren;
import io.runnel.sql.internal.analyzer.FunctionResolver;
import io.runnel.sql.internal.analyzer.TypedExpression;
import io.runnel.sql.internal.ast.Expression;
import io.runnel.sql.internal.ast.Position;
import io.runnel.sql.internal.catalog.SqlType;
import io.runnel.sql.internal.parser.SqlFormatter;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * An exec plan as nested maps and lists that two plans can be compared by with equals, positions
 * left out: records component by component; a typed expression as its SQL text, its input schema
 * and, node by node, what the typer found (type, bound input column, resolved function, lambda
 * variables, coerced literals); a resolved aggregate by its name, types and arity.
 */
public final class PlanShape {

    private PlanShape() {
    }

    public static Object of(Object value) {
        if (value == null) return null;
        if (value instanceof Optional<?> o) return o.map(PlanShape::of);
        if (value instanceof List<?> list) {
            List<Object> out = new ArrayList<>();
            list.forEach(item -> out.add(of(item)));
            return out;
        }
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> out = new TreeMap<>();
            map.forEach((k, v) -> out.put(String.valueOf(k), of(v)));
            return out;
        }
        if (value instanceof TypedExpression typed) return expression(typed);
        if (value instanceof FunctionResolver.ResolvedAggregate a) {
            return List.of("aggregate", a.name(), a.returnType().sql(), of(a.parameterTypes()), a.aggregateType().sql(),
                    a.columnCount(), a.supportsUndo());
        }
        if (value instanceof SqlType t) return t.sql();
        if (value instanceof Record record) {
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("@", record.getClass().getSimpleName());
            for (RecordComponent c : record.getClass().getRecordComponents()) {
                if (c.getType() == Position.class) continue;
                try {
                    out.put(c.getName(), of(c.getAccessor().invoke(record)));
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException(e);
                }
            }
            return out;
        }
        if (value instanceof Enum<?> || value instanceof String || value instanceof Number || value instanceof Boolean
                || value instanceof Character) {
            return value;
        }
        throw new IllegalArgumentException("no shape for " + value.getClass().getName());
    }

    private static Object expression(TypedExpression typed) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("sql", SqlFormatter.format(typed.expression()));
        out.put("input", of(typed.input()));
        List<Object> nodes = new ArrayList<>();
        walk(typed, typed.expression(), nodes);
        out.put("nodes", nodes);
        return out;
    }

    private static void walk(TypedExpression typed, Expression node, List<Object> out) {
        List<Object> facts = new ArrayList<>();
        facts.add(SqlFormatter.format(node));
        facts.add(node.getClass().getSimpleName());
        SqlType type = typed.typeOf(node);
        facts.add(type == null ? "?" : type.sql());
        if (typed.isBound(node)) {
            facts.add("bound " + typed.columnIndex(node));
            out.add(facts);
            return;
        }
        if (typed.isUnitLiteral(node)) facts.add("unit");
        if (typed.lambdaVariable(node) != null) facts.add("lambda variable " + typed.lambdaVariable(node));
        if (typed.isInListConstant(node)) facts.add("in-list constant " + typed.inListConstant(node));
        if (node instanceof Expression.Literal literal) facts.add("value " + typed.literalValue(literal));
        if (node instanceof Expression.Lambda lambda) {
            facts.add("lambda " + typed.lambdaVariables(lambda) + " " + of(typed.lambdaInputTypes(lambda)));
        }
        if (node instanceof Expression.FunctionCall call) {
            try {
                FunctionResolver.ResolvedFunction f = typed.function(call);
                facts.add("function " + f.returnType().sql() + " " + of(f.parameterTypes()) + " "
                        + of(f.lambdaInputTypes()) + " " + f.tableFunction());
            } catch (IllegalArgumentException e) {
                facts.add("function unresolved");
            }
        }
        out.add(facts);
        for (Expression child : ExpressionChildren.of(node)) {
            walk(typed, child, out);
        }
    }
}
