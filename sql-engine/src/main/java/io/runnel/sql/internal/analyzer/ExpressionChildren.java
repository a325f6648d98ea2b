package io.runnel.sql.internal.analyzer;

import io.runnel.sql.internal.ast.Expression;
import io.runnel.sql.internal.ast.Expression.Arithmetic;
import io.runnel.sql.internal.ast.Expression.ArrayConstructor;
import io.runnel.sql.internal.ast.Expression.Between;
import io.runnel.sql.internal.ast.Expression.Cast;
import io.runnel.sql.internal.ast.Expression.ColumnRef;
import io.runnel.sql.internal.ast.Expression.Comparison;
import io.runnel.sql.internal.ast.Expression.Concat;
import io.runnel.sql.internal.ast.Expression.Dereference;
import io.runnel.sql.internal.ast.Expression.FunctionCall;
import io.runnel.sql.internal.ast.Expression.InList;
import io.runnel.sql.internal.ast.Expression.IsNull;
import io.runnel.sql.internal.ast.Expression.Lambda;
import io.runnel.sql.internal.ast.Expression.Like;
import io.runnel.sql.internal.ast.Expression.Literal;
import io.runnel.sql.internal.ast.Expression.Logical;
import io.runnel.sql.internal.ast.Expression.MapConstructor;
import io.runnel.sql.internal.ast.Expression.Negation;
import io.runnel.sql.internal.ast.Expression.Not;
import io.runnel.sql.internal.ast.Expression.SearchedCase;
import io.runnel.sql.internal.ast.Expression.SimpleCase;
import io.runnel.sql.internal.ast.Expression.StructConstructor;
import io.runnel.sql.internal.ast.Expression.Subscript;
import io.runnel.sql.internal.ast.Expression.WhenClause;
import java.util.ArrayList;
import java.util.List;

/** The direct sub-expressions of an expression, in source order; one case per node kind. */
public final class ExpressionChildren {

    private ExpressionChildren() {
    }

    public static List<Expression> of(Expression e) {
        if (e instanceof Literal || e instanceof ColumnRef) {
            return List.of();
        } else if (e instanceof Dereference d) {
            return List.of(d.base());
        } else if (e instanceof Subscript s) {
            return List.of(s.base(), s.index());
        } else if (e instanceof FunctionCall f) {
            return f.arguments();
        } else if (e instanceof Lambda l) {
            return List.of(l.body());
        } else if (e instanceof Cast c) {
            return List.of(c.operand());
        } else if (e instanceof ArrayConstructor a) {
            return a.elements();
        } else if (e instanceof MapConstructor m) {
            List<Expression> out = new ArrayList<>();
            for (Expression.MapEntry entry : m.entries()) {
                out.add(entry.key());
                out.add(entry.value());
            }
            return out;
        } else if (e instanceof StructConstructor s) {
            return s.fields().stream().map(Expression.StructField::value).toList();
        } else if (e instanceof Arithmetic a) {
            return List.of(a.left(), a.right());
        } else if (e instanceof Negation n) {
            return List.of(n.operand());
        } else if (e instanceof Concat c) {
            return List.of(c.left(), c.right());
        } else if (e instanceof Comparison c) {
            return List.of(c.left(), c.right());
        } else if (e instanceof Logical l) {
            return List.of(l.left(), l.right());
        } else if (e instanceof Not n) {
            return List.of(n.operand());
        } else if (e instanceof IsNull n) {
            return List.of(n.operand());
        } else if (e instanceof Between b) {
            return List.of(b.value(), b.lower(), b.upper());
        } else if (e instanceof InList i) {
            List<Expression> out = new ArrayList<>(i.list());
            out.add(0, i.value());
            return out;
        } else if (e instanceof Like l) {
            return List.of(l.value(), l.pattern());
        } else if (e instanceof SearchedCase c) {
            return cases(null, c.whens(), c.elseValue().orElse(null));
        } else if (e instanceof SimpleCase c) {
            return cases(c.operand(), c.whens(), c.elseValue().orElse(null));
        }
        throw new IllegalStateException("expression kind not handled: " + e.getClass().getSimpleName());
    }

    private static List<Expression> cases(Expression operand, List<WhenClause> whens, Expression elseValue) {
        List<Expression> out = new ArrayList<>();
        if (operand != null) {
            out.add(operand);
        }
        for (WhenClause w : whens) {
            out.add(w.condition());
            out.add(w.result());
        }
        if (elseValue != null) {
            out.add(elseValue);
        }
        return out;
    }
}
