package io.runnel.sql.internal.planner;

import io.runnel.sql.internal.analyzer.TypedExpression;
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
import io.runnel.sql.internal.ast.Position;
import io.runnel.sql.internal.ast.TypeExpr;
import io.runnel.sql.internal.catalog.SqlType;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;

/**
 * Rebuilds an expression tree with some nodes (by identity) replaced, one case per node kind.
 * CAST targets are replaced by the types the analyzer resolved them to, so the rebuilt
 * expression types the same without the catalog's custom type names.
 */
final class ExpressionRewriter {
    private final IdentityHashMap<Expression, Expression> replacements;
    private final TypedExpression typed;

    private ExpressionRewriter(IdentityHashMap<Expression, Expression> replacements, TypedExpression typed) {
        this.replacements = replacements;
        this.typed = typed;
    }

    /** {@code e} with every node that is a key of {@code replacements} replaced by its value. */
    static Expression rewrite(Expression e, IdentityHashMap<Expression, Expression> replacements,
                              TypedExpression typed) {
        return new ExpressionRewriter(replacements, typed).visit(e);
    }

    /** A type as the syntax that names it. */
    static TypeExpr typeExpr(SqlType type) {
        Position p = Position.UNKNOWN;
        if (type instanceof SqlType.Decimal d) {
            return new TypeExpr.Decimal(d.precision(), d.scale(), p);
        } else if (type instanceof SqlType.Array a) {
            return new TypeExpr.Array(typeExpr(a.element()), p);
        } else if (type instanceof SqlType.Map m) {
            return new TypeExpr.Map(typeExpr(m.key()), typeExpr(m.value()), p);
        } else if (type instanceof SqlType.Struct s) {
            List<TypeExpr.Field> fields = new ArrayList<>();
            for (SqlType.Field f : s.fields()) {
                fields.add(new TypeExpr.Field(f.name(), typeExpr(f.type()), p));
            }
            return new TypeExpr.Struct(fields, p);
        }
        return new TypeExpr.Primitive(TypeExpr.PrimitiveKind.valueOf(type.baseType().name()), p);
    }

    private Expression visit(Expression e) {
        Expression replacement = replacements.get(e);
        if (replacement != null) {
            return replacement;
        }
        if (e instanceof Literal || e instanceof ColumnRef) {
            return e;
        } else if (e instanceof Dereference d) {
            return new Dereference(visit(d.base()), d.field(), d.position());
        } else if (e instanceof Subscript s) {
            return new Subscript(visit(s.base()), visit(s.index()), s.position());
        } else if (e instanceof FunctionCall f) {
            return new FunctionCall(f.name(), all(f.arguments()), f.distinct(), f.star(), f.position());
        } else if (e instanceof Lambda l) {
            return new Lambda(l.parameters(), visit(l.body()), l.position());
        } else if (e instanceof Cast c) {
            SqlType resolved = typed == null ? null : typed.typeOf(c);
            return new Cast(visit(c.operand()), resolved == null ? c.type() : typeExpr(resolved), c.position());
        } else if (e instanceof ArrayConstructor a) {
            return new ArrayConstructor(all(a.elements()), a.position());
        } else if (e instanceof MapConstructor m) {
            List<Expression.MapEntry> entries = new ArrayList<>();
            for (Expression.MapEntry entry : m.entries()) {
                entries.add(new Expression.MapEntry(visit(entry.key()), visit(entry.value())));
            }
            return new MapConstructor(entries, m.position());
        } else if (e instanceof StructConstructor s) {
            List<Expression.StructField> fields = new ArrayList<>();
            for (Expression.StructField f : s.fields()) {
                fields.add(new Expression.StructField(f.name(), visit(f.value())));
            }
            return new StructConstructor(fields, s.position());
        } else if (e instanceof Arithmetic a) {
            return new Arithmetic(a.operator(), visit(a.left()), visit(a.right()), a.position());
        } else if (e instanceof Negation n) {
            return new Negation(visit(n.operand()), n.position());
        } else if (e instanceof Concat c) {
            return new Concat(visit(c.left()), visit(c.right()), c.position());
        } else if (e instanceof Comparison c) {
            return new Comparison(c.operator(), visit(c.left()), visit(c.right()), c.position());
        } else if (e instanceof Logical l) {
            return new Logical(l.operator(), visit(l.left()), visit(l.right()), l.position());
        } else if (e instanceof Not n) {
            return new Not(visit(n.operand()), n.position());
        } else if (e instanceof IsNull n) {
            return new IsNull(visit(n.operand()), n.negated(), n.position());
        } else if (e instanceof Between b) {
            return new Between(visit(b.value()), visit(b.lower()), visit(b.upper()), b.negated(), b.position());
        } else if (e instanceof InList i) {
            return new InList(visit(i.value()), all(i.list()), i.negated(), i.position());
        } else if (e instanceof Like l) {
            return new Like(visit(l.value()), visit(l.pattern()), l.escape(), l.negated(), l.position());
        } else if (e instanceof SearchedCase c) {
            return new SearchedCase(whens(c.whens()), c.elseValue().map(this::visit), c.position());
        } else if (e instanceof SimpleCase c) {
            return new SimpleCase(visit(c.operand()), whens(c.whens()), c.elseValue().map(this::visit), c.position());
        }
        throw new IllegalStateException("expression kind not handled: " + e.getClass().getSimpleName());
    }

    private List<Expression> all(List<Expression> expressions) {
        List<Expression> out = new ArrayList<>();
        for (Expression e : expressions) {
            out.add(visit(e));
        }
        return out;
    }

    private List<WhenClause> whens(List<WhenClause> whens) {
        List<WhenClause> out = new ArrayList<>();
        for (WhenClause w : whens) {
            out.add(new WhenClause(visit(w.condition()), visit(w.result())));
        }
        return out;
    }
}
