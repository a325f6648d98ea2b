package io.runnel.sql.internal.exec;

import io.runnel.sql.internal.analyzer.FunctionResolver;
import io.runnel.sql.internal.analyzer.TypeRules;
import io.runnel.sql.internal.analyzer.TypedExpression;
import io.runnel.sql.internal.ast.Expression;
import io.runnel.sql.internal.ast.Expression.Arithmetic;
import io.runnel.sql.internal.ast.Expression.ArrayConstructor;
import io.runnel.sql.internal.ast.Expression.Between;
import io.runnel.sql.internal.ast.Expression.Cast;
import io.runnel.sql.internal.ast.Expression.Comparison;
import io.runnel.sql.internal.ast.Expression.Concat;
import io.runnel.sql.internal.ast.Expression.Dereference;
import io.runnel.sql.internal.ast.Expression.FunctionCall;
import io.runnel.sql.internal.ast.Expression.InList;
import io.runnel.sql.internal.ast.Expression.IsNull;
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
import io.runnel.sql.internal.catalog.SqlBaseType;
import io.runnel.sql.internal.catalog.SqlType;
import io.runnel.sql.internal.parser.SqlFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.codehaus.commons.compiler.CompileException;
import org.codehaus.janino.ClassBodyEvaluator;

/**
 * Compiles a {@link TypedExpression} to bytecode: generates the body of a
 * {@link CompiledExpression} subclass as Java source and compiles it with Janino. Literals,
 * resolved functions and types are passed as constants, so expressions of the same shape share
 * one generated class (cached by source text). Null handling and SQL semantics live in
 * {@link SqlOps}; the generated code only converts operands to the operator's type and calls it.
 * Thread-safe.
 */
public final class ExpressionCompiler {
    private static final Map<String, Class<?>> CLASSES = new ConcurrentHashMap<>();

    private final TypedExpression typed;
    private final List<Object> constants = new ArrayList<>();
    /** How many lambda bodies enclose the node being generated. */
    private int lambdaDepth;
    /** A table function call inside the expression, generated as the element {@code tfElement} (see {@link #compile}). */
    private FunctionCall element;

    private ExpressionCompiler(TypedExpression typed) {
        this.typed = typed;
    }

    /** Compiles the expression; evaluating it returns the Java value of {@code typed.type()}. */
    public static Evaluator compile(TypedExpression typed) {
        ExpressionCompiler compiler = new ExpressionCompiler(typed);
        String code = compiler.genWithTableFunction(typed.expression());
        compiler.constants.add(SqlFormatter.format(typed.expression()));
        int descriptionIndex = compiler.constants.size() - 1;
        String body = "public Object evaluate(final Object[] row, final io.runnel.sql.internal.exec.ExpressionErrors errors) {\n"
                + "  final Object[] c = this.c;\n" // a local, so that lambdas' anonymous classes can read it
                + "  try {\n    return " + code + ";\n"
                + "  } catch (io.runnel.sql.internal.exec.ExpressionEvaluationException e) {\n    throw e;\n"
                + "  } catch (RuntimeException e) {\n"
                + "    throw new io.runnel.sql.internal.exec.ExpressionEvaluationException(\"Error evaluating \" + c["
                + descriptionIndex + "] + \": \" + e, e);\n  }\n}\n";
        Class<?> clazz = CLASSES.computeIfAbsent(body, ExpressionCompiler::cook);
        try {
            CompiledExpression instance = (CompiledExpression) clazz.getDeclaredConstructor().newInstance();
            instance.constants(compiler.constants.toArray());
            return instance;
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot instantiate compiled expression", e);
        }
    }

    /** The generated source of an expression, for tests and EXPLAIN. */
    public static String source(TypedExpression typed) {
        return new ExpressionCompiler(typed).genWithTableFunction(typed.expression());
    }

    /**
     * An expression with a table function call inside it ({@code EXPLODE(A)->F1}) evaluates, as in
     * ksqlDB, the table function first and the rest of the expression once per element it
     * produces: the result is the list of those values (NULL for a NULL list), which the
     * projection turns into rows like a table function's. Other expressions are generated as they are.
     */
    private String genWithTableFunction(Expression root) {
        FunctionCall tableFunction = nestedTableFunction(root, true);
        if (tableFunction == null) {
            return gen(root);
        }
        String list = gen(tableFunction);
        element = tableFunction;
        String perElement = gen(root);
        element = null;
        return "SqlOps.eachElement(" + list + ", new java.util.function.Function() {\n"
                + "  public Object apply(final Object tfElement) {\n    return " + perElement + ";\n  }\n})";
    }

    private FunctionCall nestedTableFunction(Expression e, boolean root) {
        if (typed.isBound(e) || typed.lambdaVariable(e) != null || typed.isUnitLiteral(e)) {
            return null;
        }
        if (!root && e instanceof FunctionCall f && typed.function(f).tableFunction()) {
            return f;
        }
        for (Expression child : io.runnel.sql.internal.analyzer.ExpressionChildren.of(e)) {
            FunctionCall found = nestedTableFunction(child, false);
            if (found != null) {
                return found;
            }
        }
        return null;
    }

    private static Class<?> cook(String body) {
        ClassBodyEvaluator evaluator = new ClassBodyEvaluator();
        evaluator.setParentClassLoader(ExpressionCompiler.class.getClassLoader());
        evaluator.setExtendedClass(CompiledExpression.class);
        evaluator.setClassName("io.runnel.sql.internal.exec.Generated");
        try {
            evaluator.cook(body);
        } catch (CompileException e) {
            throw new IllegalStateException("generated expression does not compile: " + e.getMessage() + "\n" + body, e);
        }
        return evaluator.getClazz();
    }

    // ------------------------------------------------------------------ generation, one method per node kind

    private String gen(Expression e) {
        if (typed.isUnitLiteral(e)) {
            String unit = ((Expression.ColumnRef) e).name();
            return constant(unit.endsWith("S") ? unit : unit + "S", "String");
        }
        if (e == element) {
            return "((" + javaClass(typed.typeOf(e)) + ") tfElement)";
        }
        String lambdaVariable = typed.lambdaVariable(e);
        if (lambdaVariable != null) {
            return "((" + javaClass(typed.typeOf(e)) + ") " + lambdaVariable + ")";
        }
        if (typed.isBound(e)) {
            return "((" + javaClass(typed.typeOf(e)) + ") row[" + typed.columnIndex(e) + "])";
        }
        if (e instanceof Literal l) {
            return literal(l);
        } else if (e instanceof Dereference d) {
            return cast(typed.typeOf(d), "SqlOps.field(" + gen(d.base()) + ", " + constant(d.field(), "String") + ")");
        } else if (e instanceof Subscript s) {
            return subscript(s);
        } else if (e instanceof FunctionCall f) {
            return function(f);
        } else if (e instanceof Expression.Lambda l) {
            return lambda(l);
        } else if (e instanceof Cast c) {
            return cast(typed.typeOf(c), "Casts.cast(" + gen(c.operand()) + ", "
                    + constant(typed.typeOf(c.operand()), "io.runnel.sql.internal.catalog.SqlType") + ", "
                    + constant(typed.typeOf(c), "io.runnel.sql.internal.catalog.SqlType") + ")");
        } else if (e instanceof ArrayConstructor a) {
            return "SqlOps.list(" + objects(a.elements(), ((SqlType.Array) typed.typeOf(a)).element()) + ")";
        } else if (e instanceof MapConstructor m) {
            return mapConstructor(m);
        } else if (e instanceof StructConstructor s) {
            return structConstructor(s);
        } else if (e instanceof Arithmetic a) {
            return arithmetic(a);
        } else if (e instanceof Negation n) {
            return "SqlOps.negate(" + gen(n.operand()) + ")";
        } else if (e instanceof Concat c) {
            return "SqlOps.concat(" + convert(c.left(), SqlType.STRING) + ", " + convert(c.right(), SqlType.STRING) + ")";
        } else if (e instanceof Comparison c) {
            return comparison(c);
        } else if (e instanceof Logical l) {
            boolean and = l.operator() == Expression.LogicalOperator.AND;
            if (lambdaDepth > 0) {
                // In a lambda body NULL arithmetic fails the call, so the right side is only evaluated
                // when the left one does not decide (FALSE AND ..., TRUE OR ...), as ksqlDB's code does.
                return "SqlOps." + (and ? "andThen" : "orElse") + "(" + convert(l.left(), SqlType.BOOLEAN)
                        + ", new java.util.function.Supplier() {\n  public Object get() {\n    return "
                        + convert(l.right(), SqlType.BOOLEAN) + ";\n  }\n})";
            }
            return "SqlOps." + (and ? "and" : "or") + "("
                    + convert(l.left(), SqlType.BOOLEAN) + ", " + convert(l.right(), SqlType.BOOLEAN) + ")";
        } else if (e instanceof Not n) {
            return "SqlOps.not(" + convert(n.operand(), SqlType.BOOLEAN) + ")";
        } else if (e instanceof IsNull n) {
            return "Boolean.valueOf(" + gen(n.operand()) + (n.negated() ? " != null)" : " == null)");
        } else if (e instanceof Between b) {
            return between(b);
        } else if (e instanceof InList i) {
            return inList(i);
        } else if (e instanceof Like l) {
            return like(l);
        } else if (e instanceof SearchedCase c) {
            return searchedCase(c);
        } else if (e instanceof SimpleCase c) {
            return simpleCase(c);
        }
        throw new IllegalStateException("expression kind not handled by the compiler: " + e.getClass().getSimpleName());
    }

    private String literal(Literal l) {
        Object v = typed.literalValue(l);
        if (v == null) {
            return "null";
        }
        if (v instanceof Boolean b) {
            return b ? "Boolean.TRUE" : "Boolean.FALSE";
        }
        return constant(v, javaClass(typed.typeOf(l)));
    }

    private String subscript(Subscript s) {
        SqlType base = typed.typeOf(s.base());
        if (base instanceof SqlType.Map m) {
            return cast(typed.typeOf(s), "SqlOps.mapValue(" + gen(s.base()) + ", " + convert(s.index(), m.key()) + ")");
        }
        return cast(typed.typeOf(s), "SqlOps.arrayElement(" + gen(s.base()) + ", " + gen(s.index()) + ")");
    }

    private String function(FunctionCall f) {
        FunctionResolver.ResolvedFunction fn = typed.function(f);
        List<SqlType> params = fn.parameterTypes();
        List<String> args = new ArrayList<>();
        for (int i = 0; i < f.arguments().size(); i++) {
            SqlType param = i < params.size() ? params.get(i) : params.isEmpty() ? null : params.get(params.size() - 1);
            args.add(param == null ? gen(f.arguments().get(i)) : convert(f.arguments().get(i), param));
        }
        String call = "SqlOps.call(" + constant(fn, "io.runnel.sql.internal.analyzer.FunctionResolver.ResolvedFunction")
                + ", new Object[] {" + String.join(", ", args) + "}, errors, " + constant(SqlFormatter.format(f), "String")
                + ")";
        return fn.tableFunction() ? "((java.util.List) " + call + ")" : cast(typed.typeOf(f), call);
    }

    /**
     * A lambda argument as an anonymous {@code Function}, {@code BiFunction} or
     * {@code TriFunction} whose parameters are the lambda's variables (the body reads them, the
     * row and the constants of the enclosing expression).
     */
    private String lambda(Expression.Lambda l) {
        List<String> variables = typed.lambdaVariables(l);
        String type = switch (variables.size()) {
            case 1 -> "java.util.function.Function";
            case 2 -> "java.util.function.BiFunction";
            case 3 -> "io.runnel.sql.function.TriFunction";
            default -> throw new IllegalStateException("lambdas take 1 to 3 parameters, got " + variables.size());
        };
        List<String> parameters = new ArrayList<>();
        for (String v : variables) {
            parameters.add("final Object " + v);
        }
        lambdaDepth++;
        try {
            return "new " + type + "() {\n  public Object apply(" + String.join(", ", parameters) + ") {\n    return "
                    + gen(l.body()) + ";\n  }\n}";
        } finally {
            lambdaDepth--;
        }
    }

    private String mapConstructor(MapConstructor m) {
        SqlType.Map type = (SqlType.Map) typed.typeOf(m);
        List<String> parts = new ArrayList<>();
        for (Expression.MapEntry entry : m.entries()) {
            parts.add(convert(entry.key(), type.key()));
            parts.add(convert(entry.value(), type.value()));
        }
        return "SqlOps.map(new Object[] {" + String.join(", ", parts) + "})";
    }

    private String structConstructor(StructConstructor s) {
        String[] names = s.fields().stream().map(Expression.StructField::name).toArray(String[]::new);
        List<String> values = new ArrayList<>();
        for (Expression.StructField f : s.fields()) {
            values.add(gen(f.value()));
        }
        return "SqlOps.struct(" + constant(names, "String[]") + ", new Object[] {" + String.join(", ", values) + "})";
    }

    private String arithmetic(Arithmetic a) {
        SqlType result = typed.typeOf(a);
        if (result == null) {
            return "null";
        }
        String op = switch (a.operator()) {
            case ADD -> "add";
            case SUBTRACT -> "subtract";
            case MULTIPLY -> "multiply";
            case DIVIDE -> "divide";
            case MODULUS -> "modulus";
        };
        // In a lambda body a NULL number operand fails the call that runs the lambda (its result is NULL), as
        // in ksqlDB, whose generated Java unboxes it: TRANSFORM(ARRAY[5, NULL], x => x + 5) is NULL, not [10, NULL].
        boolean strict = lambdaDepth > 0 && !(result instanceof SqlType.Primitive p && p.baseType() == SqlBaseType.STRING);
        if (result instanceof SqlType.Decimal d) {
            SqlType.Decimal l = decimalOperand(a.left());
            SqlType.Decimal r = decimalOperand(a.right());
            return "SqlOps." + op + "(SqlOps.toDecimal(" + operand(gen(a.left()), strict, "Object") + ", " + l.scale()
                    + "), SqlOps.toDecimal(" + operand(gen(a.right()), strict, "Object") + ", " + r.scale() + "), "
                    + d.scale() + ")";
        }
        String javaType = javaClass(result);
        return "SqlOps." + op + "(" + operand(convert(a.left(), result), strict, javaType) + ", "
                + operand(convert(a.right(), result), strict, javaType) + ")";
    }

    private static String operand(String code, boolean strict, String javaType) {
        return strict ? "((" + javaType + ") SqlOps.nonNullOperand(" + code + "))" : code;
    }

    private SqlType.Decimal decimalOperand(Expression e) {
        SqlType t = typed.typeOf(e);
        return t == null ? new SqlType.Decimal(1, 0) : TypeRules.asDecimal(t);
    }

    private String comparison(Comparison c) {
        SqlType common = commonOf(c.left(), c.right());
        String l = convert(c.left(), common);
        String r = convert(c.right(), common);
        String fn = switch (c.operator()) {
            case EQUAL -> "eq";
            case NOT_EQUAL -> "ne";
            case LESS_THAN -> "lt";
            case LESS_THAN_OR_EQUAL -> "le";
            case GREATER_THAN -> "gt";
            case GREATER_THAN_OR_EQUAL -> "ge";
            case IS_DISTINCT_FROM -> "distinct";
            case IS_NOT_DISTINCT_FROM -> "distinct";
        };
        String call = "SqlOps." + fn + "(" + l + ", " + r + ")";
        return c.operator() == Expression.ComparisonOperator.IS_NOT_DISTINCT_FROM ? "SqlOps.not(" + call + ")" : call;
    }

    private String between(Between b) {
        SqlType common = commonOf(b.value(), b.lower(), b.upper());
        String call = "SqlOps.between(" + convert(b.value(), common) + ", " + convert(b.lower(), common) + ", "
                + convert(b.upper(), common) + ")";
        return b.negated() ? "SqlOps.not(" + call + ")" : call;
    }

    private String inList(InList in) {
        List<String> items = new ArrayList<>();
        for (Expression e : in.list()) {
            items.add(typed.isInListConstant(e) ? constant(typed.inListConstant(e), "Object") : gen(e));
        }
        String call = "SqlOps.in(" + gen(in.value()) + ", new Object[] {" + String.join(", ", items) + "})";
        return in.negated() ? "SqlOps.not(" + call + ")" : call;
    }

    private String like(Like l) {
        char escape = l.escape().orElse((char) 0);
        String call;
        if (l.pattern() instanceof Expression.StringLiteral p) {
            call = "SqlOps.like(" + gen(l.value()) + ", " + constant(SqlOps.likePattern(p.text(), escape),
                    "java.util.regex.Pattern") + ")";
        } else {
            call = "SqlOps.like(" + gen(l.value()) + ", " + gen(l.pattern()) + ", (char) " + (int) escape + ")";
        }
        return l.negated() ? "SqlOps.not(" + call + ")" : call;
    }

    private String searchedCase(SearchedCase c) {
        SqlType result = typed.typeOf(c);
        StringBuilder sb = new StringBuilder("(");
        for (WhenClause w : c.whens()) {
            sb.append("SqlOps.isTrue(").append(convert(w.condition(), SqlType.BOOLEAN)).append(") ? ")
                    .append(convert(w.result(), result)).append(" : ");
        }
        sb.append(c.elseValue().map(e -> convert(e, result)).orElse(nullOf(result))).append(')');
        return sb.toString();
    }

    private String simpleCase(SimpleCase c) {
        SqlType result = typed.typeOf(c);
        StringBuilder sb = new StringBuilder("(");
        for (WhenClause w : c.whens()) {
            SqlType common = commonOf(c.operand(), w.condition());
            sb.append("SqlOps.isTrue(SqlOps.eq(").append(convert(c.operand(), common)).append(", ")
                    .append(convert(w.condition(), common)).append(")) ? ").append(convert(w.result(), result)).append(" : ");
        }
        sb.append(c.elseValue().map(e -> convert(e, result)).orElse(nullOf(result))).append(')');
        return sb.toString();
    }

    // ------------------------------------------------------------------ helpers

    private String objects(List<Expression> elements, SqlType type) {
        List<String> parts = new ArrayList<>();
        for (Expression e : elements) {
            parts.add(convert(e, type));
        }
        return "new Object[] {" + String.join(", ", parts) + "}";
    }

    /** The common type of several operands (numbers widened), or the first known type. */
    private SqlType commonOf(Expression... operands) {
        SqlType common = null;
        for (Expression e : operands) {
            SqlType t = typed.typeOf(e);
            if (t == null) {
                continue;
            }
            common = common == null ? t : TypeRules.common(common, t).orElse(common);
        }
        return common;
    }

    /** Code for {@code e} converted to {@code target} (numbers widened; same type unchanged). */
    private String convert(Expression e, SqlType target) {
        SqlType from = typed.typeOf(e);
        String code = gen(e);
        if (target == null) {
            return code;
        }
        if (from == null) {
            return nullOf(target);
        }
        if (from instanceof SqlType.Struct && target instanceof SqlType.Struct && !from.equals(target)) {
            // A struct widened to a struct with more fields (ARRAY[...] of structs): the missing ones are NULL.
            return cast(target, "Casts.cast(" + code + ", " + constant(from, "io.runnel.sql.internal.catalog.SqlType")
                    + ", " + constant(target, "io.runnel.sql.internal.catalog.SqlType") + ")");
        }
        if (from.equals(target) || !from.baseType().isNumber() || !target.baseType().isNumber()) {
            if (from.baseType() != target.baseType() && TypeRules.isTemporal(target.baseType())
                    && from.baseType() == SqlBaseType.STRING) {
                return cast(target, "Casts.cast(" + code + ", " + constant(from, "io.runnel.sql.internal.catalog.SqlType")
                        + ", " + constant(target, "io.runnel.sql.internal.catalog.SqlType") + ")");
            }
            return code;
        }
        return switch (target.baseType()) {
            case BIGINT -> "SqlOps.toLong(" + code + ")";
            case DOUBLE -> "SqlOps.toDouble(" + code + ")";
            case DECIMAL -> "SqlOps.toDecimal(" + code + ", " + ((SqlType.Decimal) target).scale() + ")";
            default -> code;
        };
    }

    private String nullOf(SqlType type) {
        return "((" + javaClass(type) + ") null)";
    }

    private String cast(SqlType type, String code) {
        return "((" + javaClass(type) + ") " + code + ")";
    }

    private String constant(Object value, String javaType) {
        constants.add(value);
        return "((" + javaType + ") c[" + (constants.size() - 1) + "])";
    }

    /** The Java class of values of a SQL type (docs/internals/sql-engine.md). */
    public static String javaClass(SqlType type) {
        if (type == null) {
            return "Object";
        }
        return switch (type.baseType()) {
            case BOOLEAN -> "Boolean";
            case INTEGER -> "Integer";
            case BIGINT -> "Long";
            case DOUBLE -> "Double";
            case DECIMAL -> "java.math.BigDecimal";
            case STRING -> "String";
            case BYTES -> "java.nio.ByteBuffer";
            case DATE -> "java.time.LocalDate";
            case TIME -> "java.time.LocalTime";
            case TIMESTAMP -> "java.time.Instant";
            case ARRAY -> "java.util.List";
            case MAP -> "java.util.Map";
            case STRUCT -> "io.runnel.sql.function.Struct";
        };
    }
}
