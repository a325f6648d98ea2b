package io.runnel.sql.internal.analyzer;

import io.runnel.sql.internal.ast.Expression;
import io.runnel.sql.internal.catalog.SqlType;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * An expression with the facts the analyzer found: the type of every node (absent for a NULL
 * literal, whose type is unknown), the input-row index of every node bound to an input column
 * (column references, and in aggregate queries whole GROUP BY expressions and aggregate calls),
 * and the function each call resolved to. Keyed by node identity, since equal nodes may stand in
 * several places.
 */
public final class TypedExpression {
    private final Expression expression;
    private final RowSchema input;
    private final Map<Expression, SqlType> types;
    private final Map<Expression, Integer> bound;
    private final Map<Expression.FunctionCall, FunctionResolver.ResolvedFunction> functions;
    private final java.util.Set<Expression> unitLiterals;
    private final Map<Expression, Object> literalValues;
    private final Map<Expression, Object> inListConstants;
    private final Lambdas lambdas;

    TypedExpression(Expression expression, RowSchema input, IdentityHashMap<Expression, SqlType> types,
                    IdentityHashMap<Expression, Integer> bound,
                    IdentityHashMap<Expression.FunctionCall, FunctionResolver.ResolvedFunction> functions,
                    java.util.Set<Expression> unitLiterals, IdentityHashMap<Expression, Object> literalValues,
                    IdentityHashMap<Expression, Object> inListConstants, Lambdas lambdas) {
        this.expression = Objects.requireNonNull(expression, "expression");
        this.input = Objects.requireNonNull(input, "input");
        this.types = types;
        this.bound = bound;
        this.functions = functions;
        this.unitLiterals = unitLiterals;
        this.literalValues = literalValues;
        this.inListConstants = inListConstants;
        this.lambdas = lambdas;
    }

    /**
     * What the typer found about the lambdas of an expression: each lambda's Java variable names
     * and parameter types, and which column references read a lambda parameter (by its variable).
     */
    record Lambdas(IdentityHashMap<Expression.Lambda, List<String>> variables,
                   IdentityHashMap<Expression.Lambda, List<SqlType>> inputTypes,
                   IdentityHashMap<Expression, String> references) {
        Lambdas() {
            this(new IdentityHashMap<>(), new IdentityHashMap<>(), new IdentityHashMap<>());
        }
    }

    /** The Java variable names of a lambda's parameters, in order. */
    public List<String> lambdaVariables(Expression.Lambda lambda) {
        return lambdas.variables().get(lambda);
    }

    /** The types of a lambda's parameters, as the function called with it binds them. */
    public List<SqlType> lambdaInputTypes(Expression.Lambda lambda) {
        return lambdas.inputTypes().get(lambda);
    }

    /** The Java variable a column reference reads when it names a lambda parameter, or null. */
    public String lambdaVariable(Expression node) {
        return lambdas.references().get(node);
    }

    /** True when an IN list item is a constant already coerced to the tested value's type. */
    public boolean isInListConstant(Expression item) {
        return inListConstants.containsKey(item);
    }

    /** The coerced value of a constant IN list item (null for NULL; {@link InListCoercion#NO_MATCH}). */
    public Object inListConstant(Expression item) {
        return inListConstants.get(item);
    }

    /**
     * The value a literal stands for when the analyzer coerced it to another type (a string
     * compared to ROWTIME is the instant it names), else the literal's own value.
     */
    public Object literalValue(Expression.Literal literal) {
        return literalValues.containsKey(literal) ? literalValues.get(literal) : literal.value();
    }

    /**
     * True when the node is a time unit keyword given to an interval function (DATEADD(DAYS, ...)):
     * its value is its name as a string.
     */
    public boolean isUnitLiteral(Expression node) {
        return unitLiterals.contains(node);
    }

    public Expression expression() {
        return expression;
    }

    public RowSchema input() {
        return input;
    }

    /** The expression's type; null when it is a bare NULL (unknown type). */
    public SqlType type() {
        return types.get(expression);
    }

    /** The type of a node of this expression (null for unknown). */
    public SqlType typeOf(Expression node) {
        return types.get(node);
    }

    /** True when the node reads an input column (its value is {@code row[columnIndex(node)]}). */
    public boolean isBound(Expression node) {
        return bound.containsKey(node);
    }

    public int columnIndex(Expression node) {
        Integer i = bound.get(node);
        if (i == null) {
            throw new IllegalArgumentException("not bound to an input column: " + node);
        }
        return i;
    }

    public FunctionResolver.ResolvedFunction function(Expression.FunctionCall call) {
        FunctionResolver.ResolvedFunction f = functions.get(call);
        if (f == null) {
            throw new IllegalArgumentException("not a call of this expression: " + call.name());
        }
        return f;
    }
}
