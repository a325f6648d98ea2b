package io.runnel.sql.internal.parser;

import static io.runnel.sql.internal.parser.ParseTrees.error;
import static io.runnel.sql.internal.parser.ParseTrees.identifier;
import static io.runnel.sql.internal.parser.ParseTrees.longValue;
import static io.runnel.sql.internal.parser.ParseTrees.position;
import static io.runnel.sql.internal.parser.ParseTrees.string;
import static io.runnel.sql.internal.parser.ParseTrees.unhandled;
import static io.runnel.sql.internal.parser.TypeBuilder.type;

import io.runnel.sql.SqlErrorCode;
import io.runnel.sql.internal.ast.Expression;
import io.runnel.sql.internal.ast.Position;
import io.runnel.sql.internal.parser.RunnelSqlParser.ArithmeticBinaryContext;
import io.runnel.sql.internal.parser.RunnelSqlParser.ArithmeticUnaryContext;
import io.runnel.sql.internal.parser.RunnelSqlParser.ArrayConstructorContext;
import io.runnel.sql.internal.parser.RunnelSqlParser.BetweenContext;
import io.runnel.sql.internal.parser.RunnelSqlParser.BooleanExpressionContext;
import io.runnel.sql.internal.parser.RunnelSqlParser.BooleanLiteralContext;
import io.runnel.sql.internal.parser.RunnelSqlParser.CastContext;
import io.runnel.sql.internal.parser.RunnelSqlParser.ColumnContext;
import io.runnel.sql.internal.parser.RunnelSqlParser.ComparisonContext;
import io.runnel.sql.internal.parser.RunnelSqlParser.ComparisonOperatorContext;
import io.runnel.sql.internal.parser.RunnelSqlParser.ConcatenationContext;
import io.runnel.sql.internal.parser.RunnelSqlParser.DecimalNumberContext;
import io.runnel.sql.internal.parser.RunnelSqlParser.DereferenceContext;
import io.runnel.sql.internal.parser.RunnelSqlParser.DistinctFromContext;
import io.runnel.sql.internal.parser.RunnelSqlParser.DoubleNumberContext;
import io.runnel.sql.internal.parser.RunnelSqlParser.ExpressionContext;
import io.runnel.sql.internal.parser.RunnelSqlParser.FunctionArgumentContext;
import io.runnel.sql.internal.parser.RunnelSqlParser.FunctionCallContext;
import io.runnel.sql.internal.parser.RunnelSqlParser.FunctionCallStarContext;
import io.runnel.sql.internal.parser.RunnelSqlParser.IdentifierContext;
import io.runnel.sql.internal.parser.RunnelSqlParser.InListContext;
import io.runnel.sql.internal.parser.RunnelSqlParser.IntegerNumberContext;
import io.runnel.sql.internal.parser.RunnelSqlParser.LambdaContext;
import io.runnel.sql.internal.parser.RunnelSqlParser.LikeContext;
import io.runnel.sql.internal.parser.RunnelSqlParser.LiteralContext;
import io.runnel.sql.internal.parser.RunnelSqlParser.LiteralExpressionContext;
import io.runnel.sql.internal.parser.RunnelSqlParser.LogicalAndContext;
import io.runnel.sql.internal.parser.RunnelSqlParser.LogicalNotContext;
import io.runnel.sql.internal.parser.RunnelSqlParser.LogicalOrContext;
import io.runnel.sql.internal.parser.RunnelSqlParser.MapConstructorContext;
import io.runnel.sql.internal.parser.RunnelSqlParser.MapEntryContext;
import io.runnel.sql.internal.parser.RunnelSqlParser.NullLiteralContext;
import io.runnel.sql.internal.parser.RunnelSqlParser.NullPredicateContext;
import io.runnel.sql.internal.parser.RunnelSqlParser.NumberContext;
import io.runnel.sql.internal.parser.RunnelSqlParser.NumericLiteralContext;
import io.runnel.sql.internal.parser.RunnelSqlParser.ParenthesizedContext;
import io.runnel.sql.internal.parser.RunnelSqlParser.PredicateContext;
import io.runnel.sql.internal.parser.RunnelSqlParser.PredicatedContext;
import io.runnel.sql.internal.parser.RunnelSqlParser.PrimaryExpressionContext;
import io.runnel.sql.internal.parser.RunnelSqlParser.QualifiedColumnContext;
import io.runnel.sql.internal.parser.RunnelSqlParser.SearchedCaseContext;
import io.runnel.sql.internal.parser.RunnelSqlParser.SimpleCaseContext;
import io.runnel.sql.internal.parser.RunnelSqlParser.StringLiteralContext;
import io.runnel.sql.internal.parser.RunnelSqlParser.StructConstructorContext;
import io.runnel.sql.internal.parser.RunnelSqlParser.StructFieldContext;
import io.runnel.sql.internal.parser.RunnelSqlParser.SubscriptContext;
import io.runnel.sql.internal.parser.RunnelSqlParser.ValueDefaultContext;
import io.runnel.sql.internal.parser.RunnelSqlParser.ValueExpressionContext;
import io.runnel.sql.internal.parser.RunnelSqlParser.WhenClauseContext;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.antlr.v4.runtime.Token;

/**
 * Builds expression ASTs (operators, predicates, function calls, lambdas, constructors, literals)
 * from the parse tree. A minus directly before a numeric literal is folded into the literal, so
 * {@code -5} is the INT -5, as in ksqlDB.
 */
final class ExpressionBuilder {

    private ExpressionBuilder() {
    }

    // ----------------------------------------------------------------------------- expressions

    static Expression expression(ExpressionContext ctx) {
        return booleanExpression(ctx.booleanExpression());
    }

    private static Expression booleanExpression(BooleanExpressionContext ctx) {
        Position at = position(ctx);
        if (ctx instanceof PredicatedContext c) {
            Expression value = value(c.valueExpression());
            return c.predicate() == null ? value : predicate(value, c.predicate(), at);
        }
        if (ctx instanceof LogicalNotContext c) return new Expression.Not(booleanExpression(c.booleanExpression()), at);
        if (ctx instanceof LogicalAndContext c) {
            return new Expression.Logical(Expression.LogicalOperator.AND, booleanExpression(c.left),
                    booleanExpression(c.right), at);
        }
        if (ctx instanceof LogicalOrContext c) {
            return new Expression.Logical(Expression.LogicalOperator.OR, booleanExpression(c.left),
                    booleanExpression(c.right), at);
        }
        throw unhandled(ctx);
    }

    private static Expression predicate(Expression value, PredicateContext ctx, Position at) {
        if (ctx instanceof ComparisonContext c) {
            return new Expression.Comparison(comparisonOperator(c.comparisonOperator()), value, value(c.right), at);
        }
        if (ctx instanceof DistinctFromContext c) {
            return new Expression.Comparison(c.NOT() != null ? Expression.ComparisonOperator.IS_NOT_DISTINCT_FROM
                    : Expression.ComparisonOperator.IS_DISTINCT_FROM, value, value(c.right), at);
        }
        if (ctx instanceof BetweenContext c) {
            return new Expression.Between(value, value(c.lower), value(c.upper), c.NOT() != null, at);
        }
        if (ctx instanceof InListContext c) {
            List<Expression> list = new ArrayList<>();
            for (ExpressionContext e : c.expression()) list.add(expression(e));
            return new Expression.InList(value, list, c.NOT() != null, at);
        }
        if (ctx instanceof LikeContext c) {
            Optional<Character> escape = Optional.empty();
            if (c.escape != null) {
                String text = string(c.escape);
                if (text.length() != 1) {
                    throw error(SqlErrorCode.INVALID_LITERAL, c.escape, "ESCAPE must be a single character, got '"
                            + text + "'", null);
                }
                escape = Optional.of(text.charAt(0));
            }
            return new Expression.Like(value, value(c.pattern), escape, c.NOT() != null, at);
        }
        if (ctx instanceof NullPredicateContext c) return new Expression.IsNull(value, c.NOT() != null, at);
        throw unhandled(ctx);
    }

    private static Expression.ComparisonOperator comparisonOperator(ComparisonOperatorContext ctx) {
        return switch (ctx.getStart().getType()) {
            case RunnelSqlParser.EQ -> Expression.ComparisonOperator.EQUAL;
            case RunnelSqlParser.NEQ -> Expression.ComparisonOperator.NOT_EQUAL;
            case RunnelSqlParser.LT -> Expression.ComparisonOperator.LESS_THAN;
            case RunnelSqlParser.LTE -> Expression.ComparisonOperator.LESS_THAN_OR_EQUAL;
            case RunnelSqlParser.GT -> Expression.ComparisonOperator.GREATER_THAN;
            case RunnelSqlParser.GTE -> Expression.ComparisonOperator.GREATER_THAN_OR_EQUAL;
            default -> throw unhandled(ctx);
        };
    }

    static Expression value(ValueExpressionContext ctx) {
        Position at = position(ctx);
        if (ctx instanceof ValueDefaultContext c) return primary(c.primaryExpression());
        if (ctx instanceof ArithmeticUnaryContext c) {
            Expression operand = value(c.valueExpression());
            if (c.operator.getType() == RunnelSqlParser.PLUS) return operand;
            return operand instanceof Expression.Literal literal && isNumeric(literal)
                    ? negate(literal, at)
                    : new Expression.Negation(operand, at);
        }
        if (ctx instanceof ArithmeticBinaryContext c) {
            Expression.ArithmeticOperator operator = switch (c.operator.getType()) {
                case RunnelSqlParser.PLUS -> Expression.ArithmeticOperator.ADD;
                case RunnelSqlParser.MINUS -> Expression.ArithmeticOperator.SUBTRACT;
                case RunnelSqlParser.ASTERISK -> Expression.ArithmeticOperator.MULTIPLY;
                case RunnelSqlParser.SLASH -> Expression.ArithmeticOperator.DIVIDE;
                case RunnelSqlParser.PERCENT -> Expression.ArithmeticOperator.MODULUS;
                default -> throw unhandled(ctx);
            };
            return new Expression.Arithmetic(operator, value(c.left), value(c.right), at);
        }
        if (ctx instanceof ConcatenationContext c) return new Expression.Concat(value(c.left), value(c.right), at);
        throw unhandled(ctx);
    }

    static Expression primary(PrimaryExpressionContext ctx) {
        Position at = position(ctx);
        if (ctx instanceof LiteralExpressionContext c) return literal(c.literal());
        if (ctx instanceof ColumnContext c) return new Expression.ColumnRef(Optional.empty(), identifier(c.identifier()), at);
        if (ctx instanceof QualifiedColumnContext c) {
            return new Expression.ColumnRef(Optional.of(identifier(c.qualifier)), identifier(c.name), at);
        }
        if (ctx instanceof DereferenceContext c) return new Expression.Dereference(primary(c.base), identifier(c.field), at);
        if (ctx instanceof SubscriptContext c) return new Expression.Subscript(primary(c.base), value(c.index), at);
        if (ctx instanceof ParenthesizedContext c) return expression(c.expression());
        if (ctx instanceof FunctionCallStarContext c) {
            return new Expression.FunctionCall(identifier(c.identifier()), List.of(), false, true, at);
        }
        if (ctx instanceof FunctionCallContext c) {
            List<Expression> arguments = new ArrayList<>();
            for (FunctionArgumentContext argument : c.functionArgument()) arguments.add(functionArgument(argument));
            return new Expression.FunctionCall(identifier(c.identifier()), arguments, c.DISTINCT() != null, false, at);
        }
        if (ctx instanceof CastContext c) return new Expression.Cast(expression(c.expression()), type(c.type()), at);
        if (ctx instanceof SearchedCaseContext c) {
            return new Expression.SearchedCase(whens(c.whenClause()),
                    Optional.ofNullable(c.elseValue).map(ExpressionBuilder::expression), at);
        }
        if (ctx instanceof SimpleCaseContext c) {
            return new Expression.SimpleCase(expression(c.operand), whens(c.whenClause()),
                    Optional.ofNullable(c.elseValue).map(ExpressionBuilder::expression), at);
        }
        if (ctx instanceof ArrayConstructorContext c) {
            List<Expression> elements = new ArrayList<>();
            for (ExpressionContext e : c.expression()) elements.add(expression(e));
            return new Expression.ArrayConstructor(elements, at);
        }
        if (ctx instanceof MapConstructorContext c) {
            List<Expression.MapEntry> entries = new ArrayList<>();
            for (MapEntryContext e : c.mapEntry()) {
                entries.add(new Expression.MapEntry(expression(e.key), expression(e.value)));
            }
            return new Expression.MapConstructor(entries, at);
        }
        if (ctx instanceof StructConstructorContext c) {
            List<Expression.StructField> fields = new ArrayList<>();
            for (StructFieldContext f : c.structField()) {
                fields.add(new Expression.StructField(identifier(f.identifier()), expression(f.expression())));
            }
            return new Expression.StructConstructor(fields, at);
        }
        throw unhandled(ctx);
    }

    private static Expression functionArgument(FunctionArgumentContext ctx) {
        if (ctx.lambda() == null) return expression(ctx.expression());
        LambdaContext lambda = ctx.lambda();
        List<String> parameters = new ArrayList<>();
        for (IdentifierContext parameter : lambda.identifier()) parameters.add(identifier(parameter));
        return new Expression.Lambda(parameters, expression(lambda.expression()), position(lambda));
    }

    private static List<Expression.WhenClause> whens(List<WhenClauseContext> contexts) {
        List<Expression.WhenClause> whens = new ArrayList<>();
        for (WhenClauseContext when : contexts) {
            whens.add(new Expression.WhenClause(expression(when.condition), expression(when.result)));
        }
        return whens;
    }

    // -------------------------------------------------------------------------------- literals

    private static Expression.Literal literal(LiteralContext ctx) {
        Position at = position(ctx);
        if (ctx instanceof NullLiteralContext) return new Expression.NullLiteral(at);
        if (ctx instanceof BooleanLiteralContext c) return new Expression.BooleanLiteral(c.booleanValue().TRUE() != null, at);
        if (ctx instanceof StringLiteralContext c) return new Expression.StringLiteral(string(c.STRING()), at);
        if (ctx instanceof NumericLiteralContext c) return number(c.number());
        throw unhandled(ctx);
    }

    static Expression.Literal number(NumberContext ctx) {
        Position at = position(ctx);
        Token token = ctx.getStart();
        String text = token.getText();
        if (ctx instanceof IntegerNumberContext) {
            long value = longValue(token);
            return value >= Integer.MIN_VALUE && value <= Integer.MAX_VALUE
                    ? new Expression.IntegerLiteral((int) value, at)
                    : new Expression.LongLiteral(value, at);
        }
        if (ctx instanceof DecimalNumberContext) {
            return new Expression.DecimalLiteral(new BigDecimal(text), at);
        }
        if (ctx instanceof DoubleNumberContext) {
            double value = Double.parseDouble(text);
            if (!Double.isFinite(value)) {
                throw error(SqlErrorCode.INVALID_LITERAL, token, "Number overflows DOUBLE: " + text, null);
            }
            return new Expression.DoubleLiteral(value, at);
        }
        throw unhandled(ctx);
    }

    private static boolean isNumeric(Expression.Literal literal) {
        return literal instanceof Expression.IntegerLiteral || literal instanceof Expression.LongLiteral
                || literal instanceof Expression.DecimalLiteral || literal instanceof Expression.DoubleLiteral;
    }

    /** {@code -literal} as one literal, so {@code -5} is the INT -5 (and prints back the same). */
    static Expression.Literal negate(Expression.Literal literal, Position at) {
        if (literal instanceof Expression.IntegerLiteral i) return new Expression.IntegerLiteral(-i.number(), at);
        if (literal instanceof Expression.LongLiteral l) return new Expression.LongLiteral(-l.number(), at);
        if (literal instanceof Expression.DecimalLiteral d) return new Expression.DecimalLiteral(d.number().negate(), at);
        if (literal instanceof Expression.DoubleLiteral d) return new Expression.DoubleLiteral(-d.number(), at);
        throw new IllegalStateException("not numeric: " + literal);
    }
}
