package io.runnel.sql.internal.planner;

import io.runnel.sql.internal.analyzer.RowSchema;
import io.runnel.sql.internal.ast.Expression;
import io.runnel.sql.internal.ast.Position;
import io.runnel.sql.internal.catalog.SqlType;
import java.math.BigDecimal;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Optional;
import java.util.function.IntUnaryOperator;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexUtil;
import org.apache.calcite.sql.SqlKind;

/**
 * Turns a {@link RexNode} of an optimized plan back into a ksqlDB expression over an exec row
 * schema: input references become column references to the schema's fields (through the plan's
 * field-to-schema mapping), literals and the operators {@link RexTranslator} translates natively
 * become their syntax ({@code SEARCH} is expanded back into comparisons; {@code IS [NOT] TRUE} and
 * {@code IS [NOT] FALSE} become {@code IS [NOT] DISTINCT FROM}, and {@code IS TRUE} of a
 * comparison is ksqlDB's comparison),
 * and an {@link OpaqueFunction} call becomes its original expression with the nodes that read
 * each operand replaced by that operand's new expression. Any other RexNode is an
 * {@link UnsupportedShapeException}. Not thread-safe: one converter per expression.
 *
 * <p>Calcite's comparisons are three-valued and ksqlDB's are not (a comparison with a NULL is
 * FALSE): a comparison becomes ksqlDB's as it is in a "positive" position (a filter's condition
 * through AND and OR, a CASE condition), where NULL and FALSE drop the row alike; anywhere else a
 * comparison of nullable values keeps Calcite's meaning as
 * {@code CASE WHEN a IS NULL OR b IS NULL THEN NULL ELSE a op b END}.
 */
final class RexToExpression {
    private static final Position HERE = Position.UNKNOWN;

    private final RexBuilder rex;
    private final RowSchema schema;
    private final IntUnaryOperator fieldOf;
    private final IdentityHashMap<Expression.ColumnRef, Integer> columns = new IdentityHashMap<>();

    /**
     * @param schema  the exec row the expression is evaluated over
     * @param fieldOf the schema field of each input field of the plan node
     */
    RexToExpression(RexBuilder rex, RowSchema schema, IntUnaryOperator fieldOf) {
        this.rex = rex;
        this.schema = schema;
        this.fieldOf = fieldOf;
    }

    /** The column references made for input references, and the schema field each must bind to. */
    IdentityHashMap<Expression.ColumnRef, Integer> columns() {
        return columns;
    }

    /** A filter's condition. */
    Expression convert(RexNode node) {
        return convert(node, true);
    }

    /**
     * @param positive the value is a filter's condition through AND, OR and CASE conditions, where
     *                 NULL and FALSE mean the same
     */
    private Expression convert(RexNode node, boolean positive) {
        if (node instanceof RexInputRef ref) {
            int field = fieldOf.applyAsInt(ref.getIndex());
            RowSchema.Field f = schema.field(field);
            Expression.ColumnRef column = new Expression.ColumnRef(f.source(), f.name(), HERE);
            columns.put(column, field);
            return column;
        } else if (node instanceof RexLiteral literal) {
            return literal(literal);
        } else if (node instanceof RexCall call) {
            return call(call, positive);
        }
        throw new UnsupportedShapeException("an expression Calcite made that ksqlDB cannot run: " + node);
    }

    private Expression literal(RexLiteral literal) {
        if (literal.isNull()) {
            return new Expression.NullLiteral(HERE);
        }
        return switch (literal.getType().getSqlTypeName()) {
            case BOOLEAN -> new Expression.BooleanLiteral(Boolean.TRUE.equals(literal.getValueAs(Boolean.class)), HERE);
            case INTEGER, SMALLINT, TINYINT -> new Expression.IntegerLiteral(literal.getValueAs(Integer.class), HERE);
            case BIGINT -> new Expression.LongLiteral(literal.getValueAs(Long.class), HERE);
            case DECIMAL -> new Expression.DecimalLiteral(literal.getValueAs(BigDecimal.class), HERE);
            case DOUBLE, FLOAT, REAL -> new Expression.DoubleLiteral(literal.getValueAs(Double.class), HERE);
            case CHAR, VARCHAR -> new Expression.StringLiteral(literal.getValueAs(String.class), HERE);
            default -> throw new UnsupportedShapeException("a literal of type " + literal.getType());
        };
    }

    private Expression call(RexCall call, boolean positive) {
        if (call.getOperator() instanceof OpaqueFunction f) {
            return opaque(f, call.getOperands());
        }
        List<RexNode> operands = call.getOperands();
        SqlKind kind = call.getKind();
        if (COMPARISONS.containsKey(kind)) {
            return comparison(call, positive);
        }
        switch (kind) {
            case SEARCH:
                return convert(RexUtil.expandSearch(rex, null, call), positive);
            case AND:
            case OR: {
                Expression result = convert(operands.get(0), positive);
                for (int i = 1; i < operands.size(); i++) {
                    result = new Expression.Logical(kind == SqlKind.AND ? Expression.LogicalOperator.AND
                            : Expression.LogicalOperator.OR, result, convert(operands.get(i), positive), HERE);
                }
                return result;
            }
            case NOT:
                return new Expression.Not(convert(operands.get(0), false), HERE);
            case IS_DISTINCT_FROM:
                return values(Expression.ComparisonOperator.IS_DISTINCT_FROM, operands);
            case IS_NOT_DISTINCT_FROM:
                return values(Expression.ComparisonOperator.IS_NOT_DISTINCT_FROM, operands);
            case IS_NULL:
                return new Expression.IsNull(convert(operands.get(0), false), false, HERE);
            case IS_NOT_NULL:
                return new Expression.IsNull(convert(operands.get(0), false), true, HERE);
            case IS_TRUE:
                if (isComparison(operands.get(0))) {
                    return ksqlComparison((RexCall) operands.get(0));
                }
                return positive ? convert(operands.get(0), true)
                        : truth(operands.get(0), Expression.ComparisonOperator.IS_NOT_DISTINCT_FROM, true);
            case IS_NOT_TRUE:
                if (isComparison(operands.get(0))) {
                    return new Expression.Not(ksqlComparison((RexCall) operands.get(0)), HERE);
                }
                return truth(operands.get(0), Expression.ComparisonOperator.IS_DISTINCT_FROM, true);
            case IS_FALSE:
                return truth(operands.get(0), Expression.ComparisonOperator.IS_NOT_DISTINCT_FROM, false);
            case IS_NOT_FALSE:
                return truth(operands.get(0), Expression.ComparisonOperator.IS_DISTINCT_FROM, false);
            case PLUS:
                return arithmetic(Expression.ArithmeticOperator.ADD, operands);
            case MINUS:
                return arithmetic(Expression.ArithmeticOperator.SUBTRACT, operands);
            case TIMES:
                return arithmetic(Expression.ArithmeticOperator.MULTIPLY, operands);
            case MINUS_PREFIX:
                return new Expression.Negation(convert(operands.get(0), false), HERE);
            case PLUS_PREFIX:
                return convert(operands.get(0), false);
            case CASE:
                return searchedCase(operands, positive);
            case CAST:
                return cast(call);
            default:
                throw new UnsupportedShapeException("an operator ksqlDB does not have: " + call.getOperator());
        }
    }

    private static final java.util.Map<SqlKind, Expression.ComparisonOperator> COMPARISONS = java.util.Map.of(
            SqlKind.EQUALS, Expression.ComparisonOperator.EQUAL,
            SqlKind.NOT_EQUALS, Expression.ComparisonOperator.NOT_EQUAL,
            SqlKind.LESS_THAN, Expression.ComparisonOperator.LESS_THAN,
            SqlKind.LESS_THAN_OR_EQUAL, Expression.ComparisonOperator.LESS_THAN_OR_EQUAL,
            SqlKind.GREATER_THAN, Expression.ComparisonOperator.GREATER_THAN,
            SqlKind.GREATER_THAN_OR_EQUAL, Expression.ComparisonOperator.GREATER_THAN_OR_EQUAL);

    private static boolean isComparison(RexNode node) {
        return node instanceof RexCall c && COMPARISONS.containsKey(c.getKind());
    }

    /** ksqlDB's comparison of the operands: FALSE where Calcite's would be NULL. */
    private Expression ksqlComparison(RexCall call) {
        return values(COMPARISONS.get(call.getKind()), call.getOperands());
    }

    /**
     * Calcite's comparison: ksqlDB's where NULL and FALSE mean the same or no operand can be NULL,
     * else NULL when an operand is.
     */
    private Expression comparison(RexCall call, boolean positive) {
        RexNode left = call.getOperands().get(0);
        RexNode right = call.getOperands().get(1);
        if (positive || !left.getType().isNullable() && !right.getType().isNullable()) {
            return ksqlComparison(call);
        }
        Expression anyNull = new Expression.Logical(Expression.LogicalOperator.OR,
                new Expression.IsNull(convert(left, false), false, HERE),
                new Expression.IsNull(convert(right, false), false, HERE), HERE);
        return new Expression.SearchedCase(List.of(new Expression.WhenClause(anyNull,
                new Expression.NullLiteral(HERE))), Optional.of(ksqlComparison(call)), HERE);
    }

    private Expression values(Expression.ComparisonOperator op, List<RexNode> operands) {
        return new Expression.Comparison(op, convert(operands.get(0), false), convert(operands.get(1), false), HERE);
    }

    /** {@code operand IS [NOT] DISTINCT FROM value}, the operand as Calcite means it. */
    private Expression truth(RexNode operand, Expression.ComparisonOperator op, boolean value) {
        return new Expression.Comparison(op, convert(operand, false), new Expression.BooleanLiteral(value, HERE),
                HERE);
    }

    private Expression arithmetic(Expression.ArithmeticOperator op, List<RexNode> operands) {
        return new Expression.Arithmetic(op, convert(operands.get(0), false), convert(operands.get(1), false), HERE);
    }

    /** CASE: conditions are positive (NULL is no match); results as the CASE itself. */
    private Expression searchedCase(List<RexNode> operands, boolean positive) {
        List<Expression.WhenClause> whens = new java.util.ArrayList<>();
        for (int i = 0; i + 1 < operands.size(); i += 2) {
            whens.add(new Expression.WhenClause(convert(operands.get(i), true),
                    convert(operands.get(i + 1), positive)));
        }
        RexNode otherwise = operands.get(operands.size() - 1);
        Optional<Expression> elseValue = otherwise instanceof RexLiteral l && l.isNull() ? Optional.empty()
                : Optional.of(convert(otherwise, positive));
        return new Expression.SearchedCase(whens, elseValue, HERE);
    }

    /** A cast Calcite keeps or adds: a widening between numbers, or a change of nullability only. */
    private Expression cast(RexCall call) {
        RexNode operand = call.getOperands().get(0);
        RelDataType from = operand.getType();
        RelDataType to = call.getType();
        if (from.getSqlTypeName() == to.getSqlTypeName() && from.getPrecision() == to.getPrecision()
                && from.getScale() == to.getScale()) {
            return convert(operand, false);
        }
        SqlType target = switch (to.getSqlTypeName()) {
            case INTEGER -> SqlType.INTEGER;
            case BIGINT -> SqlType.BIGINT;
            case DOUBLE -> SqlType.DOUBLE;
            case BOOLEAN -> SqlType.BOOLEAN;
            case VARCHAR -> SqlType.STRING;
            case DECIMAL -> new SqlType.Decimal(to.getPrecision(), Math.max(0, to.getScale()));
            default -> throw new UnsupportedShapeException("a cast to " + to);
        };
        return new Expression.Cast(convert(operand, false), ExpressionRewriter.typeExpr(target), HERE);
    }

    private Expression opaque(OpaqueFunction f, List<RexNode> operands) {
        if (f.isJoinCondition()) {
            throw new UnsupportedShapeException("a join condition outside its join");
        }
        IdentityHashMap<Expression, Expression> replacements = new IdentityHashMap<>();
        for (int i = 0; i < operands.size(); i++) {
            List<Expression> nodes = f.operandNodes().get(i);
            if (nodes.isEmpty()) {
                continue;
            }
            Expression converted = convert(operands.get(i), false);
            for (Expression node : nodes) {
                replacements.put(node, converted);
            }
        }
        if (f.typed() == null) {
            // A placeholder: the column its row has under that name.
            return f.expression();
        }
        return ExpressionRewriter.rewrite(f.expression(), replacements, f.typed());
    }
}
