package io.runnel.sql.internal.planner;

import io.runnel.sql.internal.analyzer.ExpressionChildren;
import io.runnel.sql.internal.analyzer.TypedExpression;
import io.runnel.sql.internal.ast.Expression;
import io.runnel.sql.internal.catalog.SqlBaseType;
import io.runnel.sql.internal.catalog.SqlType;
import io.runnel.sql.internal.parser.SqlFormatter;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexUtil;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;

/**
 * Translates a typed expression into a {@link RexNode} over a relational input whose fields are
 * the expression's input row, field for field.
 *
 * <p>ksqlDB's comparisons are two-valued (a comparison with a NULL is FALSE, so
 * {@code NOT (x > 2)} is TRUE for a NULL x), while AND, OR and NOT are three-valued as in SQL. A
 * comparison is therefore {@code IS TRUE(a > b)} in Calcite, except where a NULL and a FALSE
 * cannot be told apart: in a filter's condition through AND and OR ("positive" positions), and in
 * CASE conditions. What Calcite represents with ksqlDB's meaning is
 * translated natively: column references, literals, comparisons of numbers, strings or booleans,
 * AND / OR / NOT, IS [NOT] NULL, BETWEEN (as two comparisons), + - * and unary minus on INTEGER,
 * BIGINT and DOUBLE, searched CASE with results of one type, and widening numeric casts.
 * Everything else becomes an {@link OpaqueFunction} call over the columns it reads: function
 * calls, dereferences, subscripts, constructors, LIKE, IN, simple CASE, division and modulus
 * (ksqlDB's division by zero is not Calcite's), DECIMAL arithmetic (ksqlDB's result scale is not
 * Calcite's), other casts, concatenation.
 */
final class RexTranslator {
    private static final Set<SqlBaseType> NUMBERS = Set.of(SqlBaseType.INTEGER, SqlBaseType.BIGINT,
            SqlBaseType.DOUBLE, SqlBaseType.DECIMAL);
    private static final Set<SqlBaseType> ARITHMETIC = Set.of(SqlBaseType.INTEGER, SqlBaseType.BIGINT,
            SqlBaseType.DOUBLE);
    private static final int LABEL_LENGTH = 60;

    private final RexBuilder rex;
    private final RelTypes types;

    RexTranslator(RexBuilder rex, RelTypes types) {
        this.rex = rex;
        this.types = types;
    }

    /**
     * The expression's value over {@code input}, whose field {@code i} is the expression's input
     * column {@code i}.
     */
    RexNode translate(TypedExpression typed, RelDataType input) {
        return RexUtil.flatten(rex, new Translation(typed, input).visit(typed.expression(), false));
    }

    /**
     * A filter's condition over {@code input}: where a NULL condition and FALSE both drop the row,
     * so a comparison there need not say that ksqlDB's comparison with a NULL is FALSE.
     */
    RexNode translateCondition(TypedExpression typed, RelDataType input) {
        return RexUtil.flatten(rex, new Translation(typed, input).visit(typed.expression(), true));
    }

    /** One expression's translation. */
    private final class Translation {
        private final TypedExpression typed;
        private final RelDataType input;

        Translation(TypedExpression typed, RelDataType input) {
            this.typed = typed;
            this.input = input;
        }

        /**
         * @param positive the value is a filter's condition (through AND, OR, CASE conditions): NULL
         *                 and FALSE mean the same there
         */
        RexNode visit(Expression e, boolean positive) {
            if (typed.isBound(e)) {
                int index = typed.columnIndex(e);
                return rex.makeInputRef(input.getFieldList().get(index).getType(), index);
            }
            RexNode translated;
            try {
                translated = nativeCall(e, positive);
            } catch (RuntimeException notRepresentable) {
                translated = null;
            }
            return translated != null ? translated : opaque(e);
        }

        private RexNode nativeCall(Expression e, boolean positive) {
            if (e instanceof Expression.Literal l) {
                return literal(l);
            } else if (e instanceof Expression.Comparison c) {
                if (!comparable(c.left(), c.right())) {
                    return null;
                }
                SqlOperator op = comparison(c.operator());
                RexNode compared = call(op, c.left(), c.right());
                return positive || op == SqlStdOperatorTable.IS_DISTINCT_FROM
                        || op == SqlStdOperatorTable.IS_NOT_DISTINCT_FROM ? compared : isTrue(compared);
            } else if (e instanceof Expression.Logical l) {
                SqlOperator op = l.operator() == Expression.LogicalOperator.AND ? SqlStdOperatorTable.AND
                        : SqlStdOperatorTable.OR;
                List<RexNode> operands = new ArrayList<>();
                for (Expression side : List.of(l.left(), l.right())) {
                    RexNode r = visit(side, positive);
                    if (r instanceof org.apache.calcite.rex.RexCall c && c.getOperator() == op) {
                        operands.addAll(c.getOperands());
                    } else {
                        operands.add(r);
                    }
                }
                return rex.makeCall(op, operands);
            } else if (e instanceof Expression.Not n) {
                return call(SqlStdOperatorTable.NOT, n.operand());
            } else if (e instanceof Expression.Between b && !b.negated() && positive) {
                if (!comparable(b.value(), b.lower()) || !comparable(b.value(), b.upper())) {
                    return null;
                }
                RexNode value = visit(b.value(), false);
                return rex.makeCall(SqlStdOperatorTable.AND,
                        rex.makeCall(SqlStdOperatorTable.GREATER_THAN_OR_EQUAL, value, visit(b.lower(), false)),
                        rex.makeCall(SqlStdOperatorTable.LESS_THAN_OR_EQUAL, value, visit(b.upper(), false)));
            } else if (e instanceof Expression.IsNull n) {
                return call(n.negated() ? SqlStdOperatorTable.IS_NOT_NULL : SqlStdOperatorTable.IS_NULL, n.operand());
            } else if (e instanceof Expression.Between b) {
                if (!comparable(b.value(), b.lower()) || !comparable(b.value(), b.upper())) {
                    return null;
                }
                RexNode value = visit(b.value(), false);
                RexNode between = rex.makeCall(SqlStdOperatorTable.AND,
                        isTrue(rex.makeCall(SqlStdOperatorTable.GREATER_THAN_OR_EQUAL, value, visit(b.lower(), false))),
                        isTrue(rex.makeCall(SqlStdOperatorTable.LESS_THAN_OR_EQUAL, value, visit(b.upper(), false))));
                return b.negated() ? rex.makeCall(SqlStdOperatorTable.NOT, between) : between;
            } else if (e instanceof Expression.Arithmetic a) {
                SqlOperator op = switch (a.operator()) {
                    case ADD -> SqlStdOperatorTable.PLUS;
                    case SUBTRACT -> SqlStdOperatorTable.MINUS;
                    case MULTIPLY -> SqlStdOperatorTable.MULTIPLY;
                    case DIVIDE, MODULUS -> null;
                };
                return op != null && arithmetic(a.left()) && arithmetic(a.right()) && arithmetic(a)
                        ? call(op, a.left(), a.right()) : null;
            } else if (e instanceof Expression.Negation n) {
                return arithmetic(n.operand()) ? call(SqlStdOperatorTable.UNARY_MINUS, n.operand()) : null;
            } else if (e instanceof Expression.SearchedCase c) {
                return searchedCase(c, positive);
            } else if (e instanceof Expression.Cast c) {
                return cast(c);
            }
            return null;
        }

        private RexNode literal(Expression.Literal l) {
            Object value = typed.literalValue(l);
            SqlType type = typed.typeOf(l);
            if (value == null || type == null) {
                return rex.makeNullLiteral(types.of(null));
            }
            return switch (type.baseType()) {
                case BOOLEAN -> rex.makeLiteral((Boolean) value);
                case INTEGER, BIGINT -> rex.makeExactLiteral(BigDecimal.valueOf(((Number) value).longValue()),
                        types.factory().createTypeWithNullability(types.of(type), false));
                case DECIMAL -> rex.makeExactLiteral((BigDecimal) value,
                        types.factory().createTypeWithNullability(types.of(type), false));
                case DOUBLE -> rex.makeApproxLiteral(BigDecimal.valueOf(((Number) value).doubleValue()),
                        types.factory().createTypeWithNullability(types.of(type), false));
                case STRING -> rex.makeLiteral(value, types.factory().createTypeWithNullability(types.of(type), false),
                        false);
                default -> null;
            };
        }

        private RexNode searchedCase(Expression.SearchedCase c, boolean positive) {
            SqlType type = typed.typeOf(c);
            if (type == null || !ARITHMETIC.contains(type.baseType()) && type.baseType() != SqlBaseType.STRING
                    && type.baseType() != SqlBaseType.BOOLEAN) {
                return null;
            }
            List<RexNode> operands = new ArrayList<>();
            for (Expression.WhenClause w : c.whens()) {
                if (!type.equals(typed.typeOf(w.result()))) {
                    return null;
                }
                operands.add(visit(w.condition(), true));
                operands.add(visit(w.result(), positive));
            }
            if (c.elseValue().isPresent()) {
                if (!type.equals(typed.typeOf(c.elseValue().get()))) {
                    return null;
                }
                operands.add(visit(c.elseValue().get(), positive));
            } else {
                operands.add(rex.makeNullLiteral(types.of(type)));
            }
            return rex.makeCall(types.of(type), SqlStdOperatorTable.CASE, operands);
        }

        private RexNode cast(Expression.Cast c) {
            SqlType from = typed.typeOf(c.operand());
            SqlType to = typed.typeOf(c);
            if (from == null || to == null) {
                return null;
            }
            if (from.equals(to)) {
                return visit(c.operand(), false);
            }
            boolean widening = from.baseType() == SqlBaseType.INTEGER
                    && (to.baseType() == SqlBaseType.BIGINT || to.baseType() == SqlBaseType.DOUBLE)
                    || from.baseType() == SqlBaseType.BIGINT && to.baseType() == SqlBaseType.DOUBLE;
            return widening ? rex.makeCast(types.of(to), visit(c.operand(), false)) : null;
        }

        /** A call of values (operands where NULL and FALSE differ). */
        private RexNode call(SqlOperator op, Expression... operands) {
            List<RexNode> rexes = new ArrayList<>();
            for (Expression o : operands) {
                rexes.add(visit(o, false));
            }
            return rex.makeCall(op, rexes);
        }

        /** ksqlDB's comparison: FALSE where Calcite's is NULL. */
        private RexNode isTrue(RexNode comparison) {
            return rex.makeCall(SqlStdOperatorTable.IS_TRUE, comparison);
        }

        /** Both sides numbers, both strings or both booleans (a NULL literal goes with anything). */
        private boolean comparable(Expression left, Expression right) {
            SqlType l = typed.typeOf(left);
            SqlType r = typed.typeOf(right);
            if (l == null || r == null) {
                return (l == null ? left : right) instanceof Expression.NullLiteral
                        && simple(l == null ? r : l);
            }
            return NUMBERS.contains(l.baseType()) && NUMBERS.contains(r.baseType())
                    || l.baseType() == r.baseType() && (l.baseType() == SqlBaseType.STRING
                    || l.baseType() == SqlBaseType.BOOLEAN);
        }

        private boolean simple(SqlType t) {
            return t != null && (NUMBERS.contains(t.baseType()) || t.baseType() == SqlBaseType.STRING
                    || t.baseType() == SqlBaseType.BOOLEAN);
        }

        private boolean arithmetic(Expression e) {
            SqlType t = typed.typeOf(e);
            return t != null && ARITHMETIC.contains(t.baseType());
        }

        /** The expression as a call of an opaque function over the input columns it reads. */
        private RexNode opaque(Expression e) {
            Map<Integer, List<Expression>> reads = new LinkedHashMap<>();
            collectBound(e, reads);
            List<RexNode> operands = new ArrayList<>();
            for (int index : reads.keySet()) {
                operands.add(rex.makeInputRef(input.getFieldList().get(index).getType(), index));
            }
            String label = SqlFormatter.format(e);
            if (label.length() > LABEL_LENGTH) {
                label = label.substring(0, LABEL_LENGTH - 3) + "...";
            }
            OpaqueFunction function = new OpaqueFunction(label, e, typed, new ArrayList<>(reads.values()),
                    types.of(typed.typeOf(e)), deterministic(e));
            return rex.makeCall(function, operands);
        }

        private void collectBound(Expression e, Map<Integer, List<Expression>> reads) {
            if (typed.isBound(e)) {
                reads.computeIfAbsent(typed.columnIndex(e), i -> new ArrayList<>()).add(e);
                return;
            }
            for (Expression child : ExpressionChildren.of(e)) {
                collectBound(child, reads);
            }
        }

        private boolean deterministic(Expression e) {
            if (e instanceof Expression.FunctionCall f && OpaqueFunction.isNonDeterministic(f.name())) {
                return false;
            }
            for (Expression child : ExpressionChildren.of(e)) {
                if (!typed.isBound(child) && !deterministic(child)) {
                    return false;
                }
            }
            return true;
        }
    }

    private static SqlOperator comparison(Expression.ComparisonOperator op) {
        return switch (op) {
            case EQUAL -> SqlStdOperatorTable.EQUALS;
            case NOT_EQUAL -> SqlStdOperatorTable.NOT_EQUALS;
            case LESS_THAN -> SqlStdOperatorTable.LESS_THAN;
            case LESS_THAN_OR_EQUAL -> SqlStdOperatorTable.LESS_THAN_OR_EQUAL;
            case GREATER_THAN -> SqlStdOperatorTable.GREATER_THAN;
            case GREATER_THAN_OR_EQUAL -> SqlStdOperatorTable.GREATER_THAN_OR_EQUAL;
            case IS_DISTINCT_FROM -> SqlStdOperatorTable.IS_DISTINCT_FROM;
            case IS_NOT_DISTINCT_FROM -> SqlStdOperatorTable.IS_NOT_DISTINCT_FROM;
        };
    }
}
