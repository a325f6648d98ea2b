package io.runnel.sql.internal.analyzer;

import io.runnel.sql.SqlErrorCode;
import io.runnel.sql.SqlException;
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
import io.runnel.sql.internal.catalog.SqlBaseType;
import io.runnel.sql.internal.catalog.SqlType;
import io.runnel.sql.internal.catalog.TypeResolver;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Optional;

/**
 * Types an expression against a {@link RowSchema} with ksqlDB's rules ({@link TypeRules}),
 * resolving column references and function calls. One method per kind of node; a type error is
 * a {@link SqlException} at the node's position. Not thread-safe: one typer per expression.
 */
public final class ExpressionTyper {
    private final RowSchema input;
    private final FunctionResolver functions;
    private final TypeResolver typeResolver;
    private final IdentityHashMap<Expression, SqlType> types = new IdentityHashMap<>();
    private final java.util.Map<String, Integer> bindings;
    private final IdentityHashMap<Expression, Integer> bound = new IdentityHashMap<>();
    private final IdentityHashMap<FunctionCall, FunctionResolver.ResolvedFunction> calls = new IdentityHashMap<>();
    private final java.util.Set<Expression> unitLiterals = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
    private final IdentityHashMap<Expression, Object> literalValues = new IdentityHashMap<>();
    private final IdentityHashMap<Expression, Object> inListConstants = new IdentityHashMap<>();
    /** Lambda parameters in scope, innermost lambda first: parameter name to its Java variable name. */
    private final java.util.Deque<java.util.Map<String, String>> lambdaScopes = new java.util.ArrayDeque<>();
    private final java.util.Map<String, SqlType> lambdaVariableTypes = new java.util.HashMap<>();
    private final TypedExpression.Lambdas lambdas = new TypedExpression.Lambdas();

    private ExpressionTyper(RowSchema input, FunctionResolver functions, TypeResolver typeResolver,
                            java.util.Map<String, Integer> bindings) {
        this.input = input;
        this.bindings = bindings;
        this.functions = functions;
        this.typeResolver = typeResolver;
    }

    /** Types {@code expression} over {@code input}; CAST target types are resolved with {@code typeResolver}. */
    public static TypedExpression type(Expression expression, RowSchema input, FunctionResolver functions,
                                       TypeResolver typeResolver) {
        return type(expression, input, functions, typeResolver, java.util.Map.of());
    }

    /**
     * As {@link #type(Expression, RowSchema, FunctionResolver, TypeResolver)}, and any
     * sub-expression whose SQL text (as {@link io.runnel.sql.internal.parser.SqlFormatter} prints
     * it) is a key of {@code bindings} is bound to that input column instead of being evaluated:
     * how an aggregate query's projection reads its GROUP BY expressions and aggregate results.
     */
    public static TypedExpression type(Expression expression, RowSchema input, FunctionResolver functions,
                                       TypeResolver typeResolver, java.util.Map<String, Integer> bindings) {
        ExpressionTyper typer = new ExpressionTyper(input, functions, typeResolver, bindings);
        typer.visit(expression);
        return new TypedExpression(expression, input, typer.types, typer.bound, typer.calls, typer.unitLiterals,
                typer.literalValues, typer.inListConstants, typer.lambdas);
    }

    private SqlType visit(Expression e) {
        if (!bindings.isEmpty() && !(e instanceof Literal)) {
            Integer index = bindings.get(describeNode(e));
            if (index != null) {
                bound.put(e, index);
                SqlType t = input.field(index).type();
                types.put(e, t);
                return t;
            }
        }
        SqlType t;
        if (e instanceof Literal l) {
            t = literal(l);
        } else if (e instanceof ColumnRef c) {
            t = column(c);
        } else if (e instanceof Dereference d) {
            t = dereference(d);
        } else if (e instanceof Subscript s) {
            t = subscript(s);
        } else if (e instanceof FunctionCall f) {
            t = function(f);
        } else if (e instanceof Lambda l) {
            throw error(l.position(), "Lambda expressions are only allowed as arguments of TRANSFORM, FILTER and REDUCE");
        } else if (e instanceof Cast c) {
            t = cast(c);
        } else if (e instanceof ArrayConstructor a) {
            t = array(a);
        } else if (e instanceof MapConstructor m) {
            t = map(m);
        } else if (e instanceof StructConstructor s) {
            t = struct(s);
        } else if (e instanceof Arithmetic a) {
            t = arithmetic(a);
        } else if (e instanceof Negation n) {
            t = negation(n);
        } else if (e instanceof Concat c) {
            t = concat(c);
        } else if (e instanceof Comparison c) {
            t = comparison(c);
        } else if (e instanceof Logical l) {
            t = booleans(l.position(), l.left(), l.right());
        } else if (e instanceof Not n) {
            t = booleans(n.position(), n.operand());
        } else if (e instanceof IsNull n) {
            visit(n.operand());
            t = SqlType.BOOLEAN;
        } else if (e instanceof Between b) {
            t = between(b);
        } else if (e instanceof InList i) {
            t = inList(i);
        } else if (e instanceof Like l) {
            t = like(l);
        } else if (e instanceof SearchedCase c) {
            t = searchedCase(c);
        } else if (e instanceof SimpleCase c) {
            t = simpleCase(c);
        } else {
            throw new IllegalStateException("expression kind not handled by the typer: " + e.getClass().getSimpleName());
        }
        if (t != null) {
            types.put(e, t);
        }
        return t;
    }

    private static SqlType literal(Literal l) {
        Object v = l.value();
        if (v == null) {
            return null;
        }
        if (v instanceof Boolean) {
            return SqlType.BOOLEAN;
        }
        if (v instanceof Integer) {
            return SqlType.INTEGER;
        }
        if (v instanceof Long) {
            return SqlType.BIGINT;
        }
        if (v instanceof Double) {
            return SqlType.DOUBLE;
        }
        if (v instanceof BigDecimal d) {
            int precision = Math.max(d.precision(), d.scale());
            return new SqlType.Decimal(Math.max(precision, 1), Math.max(d.scale(), 0));
        }
        return SqlType.STRING;
    }

    private SqlType column(ColumnRef c) {
        if (c.qualifier().isEmpty()) {
            for (java.util.Map<String, String> scope : lambdaScopes) {
                String variable = scope.get(c.name());
                if (variable != null) {
                    bound.remove(c);
                    lambdas.references().put(c, variable);
                    return lambdaVariableTypes.get(variable);
                }
            }
        }
        int index;
        try {
            index = input.indexOf(c.qualifier(), c.name());
        } catch (SqlException e) {
            throw e.withPosition(c.position().line(), c.position().column());
        }
        bound.put(c, index);
        return input.field(index).type();
    }

    private SqlType dereference(Dereference d) {
        SqlType base = visit(d.base());
        if (!(base instanceof SqlType.Struct struct)) {
            throw error(d.position(), "Cannot dereference field '" + d.field() + "' of " + describe(base)
                    + ": only STRUCT values have fields");
        }
        Optional<SqlType.Field> field = struct.field(d.field());
        if (field.isEmpty()) {
            List<String> names = struct.fields().stream().map(SqlType.Field::name).toList();
            String hint = io.runnel.sql.internal.catalog.NameSuggester.closest(d.field(), names)
                    .map(n -> "; did you mean '" + n + "'?").orElse("");
            throw error(d.position(), "Struct has no field '" + d.field() + "'" + hint);
        }
        return field.get().type();
    }

    private SqlType subscript(Subscript s) {
        SqlType base = visit(s.base());
        SqlType index = visit(s.index());
        if (base instanceof SqlType.Array a) {
            if (index != null && index.baseType() != SqlBaseType.INTEGER && index.baseType() != SqlBaseType.BIGINT) {
                throw error(s.position(), "Array index must be INTEGER, got " + index.sql());
            }
            return a.element();
        }
        if (base instanceof SqlType.Map m) {
            if (index != null && !TypeRules.comparable(index, m.key())) {
                throw error(s.position(), "Map key must be " + m.key().sql() + ", got " + index.sql());
            }
            return m.value();
        }
        throw error(s.position(), "Cannot subscript " + describe(base) + ": only ARRAY and MAP values can be indexed");
    }

    /** Functions whose first argument is a time unit keyword (DAYS, HOURS, ...), passed as a string. */
    private static final java.util.Set<String> INTERVAL_FUNCTIONS = java.util.Set.of("DATEADD", "DATESUB", "TIMEADD",
            "TIMESUB", "TIMESTAMPADD", "TIMESTAMPSUB");

    private SqlType function(FunctionCall f) {
        if (INTERVAL_FUNCTIONS.contains(f.name().toUpperCase(java.util.Locale.ROOT)) && !f.arguments().isEmpty()
                && f.arguments().get(0) instanceof ColumnRef unit && unit.qualifier().isEmpty()
                && isTimeUnit(unit.name())) {
            bound.remove(unit);
            unitLiterals.add(unit);
            types.put(unit, SqlType.STRING);
        }
        List<SqlType> argTypes = new ArrayList<>();
        java.util.Map<Integer, FunctionResolver.LambdaArgument> lambdaArguments = new java.util.TreeMap<>();
        java.util.Set<Integer> stringLiterals = new java.util.TreeSet<>();
        for (Expression a : f.arguments()) {
            if (unitLiterals.contains(a)) {
                argTypes.add(SqlType.STRING);
                continue;
            }
            if (a instanceof Lambda l) {
                lambdaArguments.put(argTypes.size(), new FunctionResolver.LambdaArgument(l.parameters().size(),
                        inputs -> lambdaBody(l, inputs)));
                argTypes.add(null);
                continue;
            }
            if (a instanceof Expression.StringLiteral) {
                stringLiterals.add(argTypes.size());
            }
            argTypes.add(visit(a));
        }
        FunctionResolver.ResolvedFunction resolved;
        boolean table = functions.isTableFunction(f.name());
        try {
            if (!table && (!lambdaArguments.isEmpty() || !stringLiterals.isEmpty())) {
                resolved = functions.resolve(f.name(), argTypes, lambdaArguments, stringLiterals);
            } else {
                resolved = functions.isTableFunction(f.name()) ? functions.resolveTable(f.name(), argTypes)
                        : functions.resolve(f.name(), argTypes);
            }
        } catch (SqlException e) {
            throw e.line().isPresent() ? e : e.withPosition(f.position().line(), f.position().column());
        }
        // The resolver may have typed the bodies for other overloads: type them again for the one chosen.
        for (int i : lambdaArguments.keySet()) {
            Lambda l = (Lambda) f.arguments().get(i);
            List<SqlType> inputs = resolved.lambdaInputTypes().get(i);
            lambdas.inputTypes().put(l, List.copyOf(inputs));
            lambdaBody(l, inputs);
        }
        calls.put(f, resolved);
        return resolved.returnType();
    }

    /**
     * Types a lambda's body with its parameters bound to {@code inputs}; each parameter gets a
     * Java variable name unique in the expression (the compiler's name for it).
     */
    private SqlType lambdaBody(Lambda l, List<SqlType> inputs) {
        List<String> names = lambdas.variables().computeIfAbsent(l, k -> {
            List<String> fresh = new ArrayList<>();
            for (int i = 0; i < k.parameters().size(); i++) {
                fresh.add("lambda" + lambdas.variables().size() + "_" + i);
            }
            return fresh;
        });
        java.util.Map<String, String> scope = new java.util.HashMap<>();
        for (int i = 0; i < names.size(); i++) {
            scope.put(l.parameters().get(i), names.get(i));
            lambdaVariableTypes.put(names.get(i), inputs.get(i));
        }
        lambdaScopes.addFirst(scope);
        try {
            return visit(l.body());
        } finally {
            lambdaScopes.removeFirst();
        }
    }

    private SqlType cast(Cast c) {
        SqlType from = visit(c.operand());
        SqlType to = typeResolver.resolve(c.type());
        if (from != null && !TypeRules.castable(from, to)) {
            throw error(c.position(), "Cast of " + from.sql() + " to " + to.sql() + " is not supported");
        }
        return to;
    }

    private SqlType array(ArrayConstructor a) {
        SqlType element = null;
        for (Expression e : a.elements()) {
            element = widen(a.position(), element, visit(e), "array elements");
        }
        if (element == null) {
            throw error(a.position(), "Cannot infer the element type of an empty or all-NULL array; CAST it");
        }
        return new SqlType.Array(element);
    }

    private SqlType map(MapConstructor m) {
        SqlType key = null;
        SqlType value = null;
        for (Expression.MapEntry entry : m.entries()) {
            key = widen(m.position(), key, visit(entry.key()), "map keys");
            value = widen(m.position(), value, visit(entry.value()), "map values");
        }
        if (key == null || value == null) {
            throw error(m.position(), "Cannot infer the type of an empty or all-NULL map; CAST it");
        }
        return new SqlType.Map(key, value);
    }

    private SqlType struct(StructConstructor s) {
        List<SqlType.Field> fields = new ArrayList<>();
        java.util.Set<String> names = new java.util.HashSet<>();
        for (Expression.StructField f : s.fields()) {
            if (!names.add(f.name())) {
                throw error(s.position(), "Duplicate field names found in STRUCT: '" + f.name() + "'");
            }
            SqlType t = visit(f.value());
            if (t == null) {
                throw error(s.position(), "Cannot infer the type of struct field '" + f.name() + "' from NULL; CAST it");
            }
            fields.add(new SqlType.Field(f.name(), t));
        }
        return new SqlType.Struct(fields);
    }

    private SqlType arithmetic(Arithmetic a) {
        SqlType l = visit(a.left());
        SqlType r = visit(a.right());
        if (l == null || r == null) {
            // ksqlDB rejects arithmetic on an untyped NULL (CAST(NULL AS INT) + 1 is fine).
            throw error(a.position(), "Error processing expression: " + ksqlText(a) + ". Arithmetic on types "
                    + (l == null ? "null" : l.sql()) + " and " + (r == null ? "null" : r.sql()) + " are not supported.");
        }
        return TypeRules.arithmetic(a.operator(), l, r).orElseThrow(() -> error(a.position(),
                "Unsupported arithmetic types: " + l.sql() + " " + a.operator().symbol() + " " + r.sql()));
    }

    /** An expression as ksqlDB's formatter prints it in this message (null in lower case, {@code k:=v}). */
    private static String ksqlText(Expression e) {
        if (e instanceof Expression.NullLiteral) {
            return "null";
        }
        if (e instanceof Arithmetic a) {
            return "(" + ksqlText(a.left()) + " " + a.operator().symbol() + " " + ksqlText(a.right()) + ")";
        }
        if (e instanceof MapConstructor m) {
            StringBuilder b = new StringBuilder("MAP(");
            for (int i = 0; i < m.entries().size(); i++) {
                b.append(i == 0 ? "" : ", ").append(ksqlText(m.entries().get(i).key())).append(":=")
                        .append(ksqlText(m.entries().get(i).value()));
            }
            return b.append(')').toString();
        }
        return describeNode(e);
    }

    private SqlType negation(Negation n) {
        SqlType t = visit(n.operand());
        if (t != null && !t.baseType().isNumber()) {
            throw error(n.position(), "Cannot negate " + t.sql() + ": only numbers");
        }
        return t;
    }

    private SqlType concat(Concat c) {
        for (Expression e : List.of(c.left(), c.right())) {
            SqlType t = visit(e);
            if (t != null && t.baseType() != SqlBaseType.STRING) {
                throw error(c.position(), "|| concatenates strings, got " + t.sql());
            }
        }
        return SqlType.STRING;
    }

    private SqlType comparison(Comparison c) {
        SqlType l = visit(c.left());
        SqlType r = visit(c.right());
        if (timestampLiteral(c.left(), c.right())) {
            r = SqlType.BIGINT;
        } else if (timestampLiteral(c.right(), c.left())) {
            l = SqlType.BIGINT;
        }
        if (c.left() instanceof Expression.NullLiteral && c.right() instanceof Expression.NullLiteral) {
            throw error(c.position(), "Comparison with NULL not supported: " + describeNode(c.left()) + " "
                    + c.operator().symbol() + " " + describeNode(c.right()));
        }
        if (l != null && r != null && !TypeRules.comparable(l, r)) {
            throw error(c.position(), "Cannot compare " + l.sql() + " (" + describeNode(c.left()) + ") to "
                    + r.sql() + " (" + describeNode(c.right()) + ") with " + c.operator().symbol());
        }
        return SqlType.BOOLEAN;
    }

    private SqlType booleans(Position p, Expression... operands) {
        for (Expression e : operands) {
            SqlType t = visit(e);
            if (t != null && t.baseType() != SqlBaseType.BOOLEAN) {
                throw error(p, "Expected a BOOLEAN operand, got " + t.sql() + " (" + describeNode(e) + ")");
            }
        }
        return SqlType.BOOLEAN;
    }

    private SqlType between(Between b) {
        SqlType v = visit(b.value());
        for (Expression bound : List.of(b.lower(), b.upper())) {
            SqlType t = visit(bound);
            if (timestampLiteral(b.value(), bound)) {
                t = SqlType.BIGINT;
            }
            if (v != null && t != null && !TypeRules.comparable(v, t)) {
                throw error(b.position(), "BETWEEN bounds must be comparable to " + v.sql() + ", got " + t.sql());
            }
        }
        return SqlType.BOOLEAN;
    }

    /**
     * ksqlDB's IN: constant items are coerced to the value's type ({@link InListCoercion}); other
     * items must be comparable with it (numbers with numbers, and containers element by element).
     */
    private SqlType inList(InList in) {
        SqlType v = visit(in.value());
        for (Expression e : in.list()) {
            SqlType t = visit(e);
            if (v == null) {
                continue;
            }
            java.util.Optional<Object> constant = InListCoercion.coerce(e, t, v);
            if (constant.isPresent() || e instanceof Expression.NullLiteral || e instanceof Cast c
                    && c.operand() instanceof Expression.NullLiteral) {
                inListConstants.put(e, constant.orElse(null));
            } else if (t != null && !TypeRules.inComparable(v, t)) {
                throw InListCoercion.mismatch(v, t, e);
            }
        }
        return SqlType.BOOLEAN;
    }

    private SqlType like(Like l) {
        for (Expression e : List.of(l.value(), l.pattern())) {
            SqlType t = visit(e);
            if (t != null && t.baseType() != SqlBaseType.STRING) {
                throw error(l.position(), "LIKE works on strings, got " + t.sql());
            }
        }
        return SqlType.BOOLEAN;
    }

    private SqlType searchedCase(SearchedCase c) {
        SqlType result = null;
        for (WhenClause w : c.whens()) {
            booleans(c.position(), w.condition());
            result = widen(w.result().position(), result, visit(w.result()), "CASE results");
        }
        if (c.elseValue().isPresent()) {
            result = widen(c.position(), result, visit(c.elseValue().get()), "CASE results");
        }
        return result;
    }

    private SqlType simpleCase(SimpleCase c) {
        SqlType operand = visit(c.operand());
        SqlType result = null;
        for (WhenClause w : c.whens()) {
            SqlType when = visit(w.condition());
            if (operand != null && when != null && !TypeRules.comparable(operand, when)) {
                throw error(w.condition().position(), "WHEN value " + when.sql() + " cannot be compared to " + operand.sql());
            }
            result = widen(w.result().position(), result, visit(w.result()), "CASE results");
        }
        if (c.elseValue().isPresent()) {
            result = widen(c.position(), result, visit(c.elseValue().get()), "CASE results");
        }
        return result;
    }

    /** The pseudo columns holding epoch milliseconds that a string literal may be compared to. */
    private static final java.util.Set<String> TIME_PSEUDO_COLUMNS = java.util.Set.of("ROWTIME", "WINDOWSTART",
            "WINDOWEND");

    /**
     * ksqlDB's "magic" timestamps: a string literal compared to ROWTIME, WINDOWSTART or WINDOWEND
     * stands for the instant it names ({@link PartialTimestamps}) and becomes that BIGINT.
     */
    private boolean timestampLiteral(Expression column, Expression literal) {
        if (!(column instanceof ColumnRef ref) || !TIME_PSEUDO_COLUMNS.contains(ref.name())
                || !(literal instanceof Expression.StringLiteral text) || types.get(column) == null
                || types.get(column).baseType() != SqlBaseType.BIGINT) {
            return false;
        }
        long millis = PartialTimestamps.toEpochMillis(text.text()).orElseThrow(() -> error(literal.position(),
                "Failed to parse the timestamp '" + text.text() + "' compared to " + ref.name()
                        + ": expected yyyy-MM-dd'T'HH:mm:ss.SSS, optionally shortened and with a zone"));
        literalValues.put(literal, millis);
        types.put(literal, SqlType.BIGINT);
        return true;
    }

    private SqlType widen(Position p, SqlType so, SqlType next, String what) {
        if (so == null) {
            return next;
        }
        if (next == null) {
            return so;
        }
        return TypeRules.common(so, next).orElseThrow(() -> error(p, "All " + what + " must have the same type: "
                + so.sql() + " and " + next.sql()));
    }

    private static boolean isTimeUnit(String name) {
        try {
            java.util.concurrent.TimeUnit.valueOf(name.endsWith("S") ? name : name + "S");
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static String describe(SqlType t) {
        return t == null ? "NULL" : t.sql();
    }

    private static String describeNode(Expression e) {
        return io.runnel.sql.internal.parser.SqlFormatter.format(e);
    }

    private static SqlException error(Position p, String message) {
        return new SqlException(SqlErrorCode.INVALID_STATEMENT, p.line(), p.column(),
                "line " + p.line() + ":" + p.column() + ": " + message);
    }
}
