package io.runnel.sql.internal.plan.json;

import io.runnel.sql.internal.analyzer.ExpressionChildren;
import io.runnel.sql.internal.analyzer.TypedExpression;
import io.runnel.sql.internal.ast.Expression;
import io.runnel.sql.internal.ast.TypeExpr;
import io.runnel.sql.internal.catalog.SqlType;
import io.runnel.sql.internal.parser.SqlFormatter;
import java.util.Map;

/**
 * What the writer needs from a typed expression besides its SQL text, so that typing the text
 * again over the same input schema gives the same result:
 * <ul>
 * <li>its <em>bindings</em>: the sub-expressions the analyzer bound to an input column by their
 *     SQL text rather than by name (an aggregate query's projection and HAVING read GROUP BY
 *     expressions and aggregate results that way, see
 *     {@link io.runnel.sql.internal.analyzer.ExpressionTyper#type(Expression,
 *     io.runnel.sql.internal.analyzer.RowSchema, io.runnel.sql.internal.analyzer.FunctionResolver,
 *     io.runnel.sql.internal.catalog.TypeResolver, Map)}); a column reference the plain lookup by
 *     name finds at the same index needs no binding;</li>
 * <li>the custom type names its CASTs use, with their definitions, so the plan does not depend
 *     on the catalog's types when it is read.</li>
 * </ul>
 */
final class ExpressionFacts {

    private ExpressionFacts() {
    }

    static void collectBindings(TypedExpression typed, Map<String, Integer> into) {
        collectBindings(typed, typed.expression(), into);
    }

    private static void collectBindings(TypedExpression typed, Expression node, Map<String, Integer> into) {
        if (typed.isBound(node)) {
            int index = typed.columnIndex(node);
            if (!(node instanceof Expression.ColumnRef ref && plainIndex(typed, ref) == index)) {
                String text = SqlFormatter.format(node);
                Integer previous = into.put(text, index);
                if (previous != null && previous != index) {
                    throw new IllegalStateException("'" + text + "' is bound to input columns " + previous + " and "
                            + index);
                }
            }
            return; // the children of a bound node are not typed
        }
        for (Expression child : ExpressionChildren.of(node)) {
            collectBindings(typed, child, into);
        }
    }

    private static int plainIndex(TypedExpression typed, Expression.ColumnRef ref) {
        try {
            return typed.input().indexOf(ref.qualifier(), ref.name());
        } catch (RuntimeException e) {
            return -1;
        }
    }

    static void collectNamedTypes(TypedExpression typed, Map<String, SqlType> into) {
        collectNamedTypes(typed, typed.expression(), into);
    }

    private static void collectNamedTypes(TypedExpression typed, Expression node, Map<String, SqlType> into) {
        if (typed.isBound(node)) {
            return;
        }
        if (node instanceof Expression.Cast cast && typed.typeOf(cast) != null) {
            match(cast.type(), typed.typeOf(cast), into);
        }
        for (Expression child : ExpressionChildren.of(node)) {
            collectNamedTypes(typed, child, into);
        }
    }

    /** Walks a type as written beside its resolution, recording what each custom name stood for. */
    private static void match(TypeExpr written, SqlType resolved, Map<String, SqlType> into) {
        if (written instanceof TypeExpr.Named named) {
            SqlType previous = into.put(named.name(), resolved);
            if (previous != null && !previous.equals(resolved)) {
                throw new IllegalStateException("type " + named.name() + " stands for " + previous.sql() + " and "
                        + resolved.sql());
            }
        } else if (written instanceof TypeExpr.Array a && resolved instanceof SqlType.Array r) {
            match(a.element(), r.element(), into);
        } else if (written instanceof TypeExpr.Map m && resolved instanceof SqlType.Map r) {
            match(m.key(), r.key(), into);
            match(m.value(), r.value(), into);
        } else if (written instanceof TypeExpr.Struct s && resolved instanceof SqlType.Struct r) {
            for (int i = 0; i < s.fields().size() && i < r.fields().size(); i++) {
                match(s.fields().get(i).type(), r.fields().get(i).type(), into);
            }
        }
    }
}
