package io.runnel.sql.internal.parser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.runnel.sql.SqlErrorCode;
import io.runnel.sql.SqlParseException;
import io.runnel.sql.internal.ast.Expression;
import io.runnel.sql.internal.ast.Expression.Arithmetic;
import io.runnel.sql.internal.ast.Expression.ArithmeticOperator;
import io.runnel.sql.internal.ast.Expression.ColumnRef;
import io.runnel.sql.internal.ast.Expression.Comparison;
import io.runnel.sql.internal.ast.Expression.ComparisonOperator;
import io.runnel.sql.internal.ast.Expression.DecimalLiteral;
import io.runnel.sql.internal.ast.Expression.DoubleLiteral;
import io.runnel.sql.internal.ast.Expression.FunctionCall;
import io.runnel.sql.internal.ast.Expression.IntegerLiteral;
import io.runnel.sql.internal.ast.Expression.Lambda;
import io.runnel.sql.internal.ast.Expression.Logical;
import io.runnel.sql.internal.ast.Expression.LogicalOperator;
import io.runnel.sql.internal.ast.Expression.LongLiteral;
import io.runnel.sql.internal.ast.Expression.Not;
import io.runnel.sql.internal.ast.Expression.StringLiteral;
import io.runnel.sql.internal.ast.TypeExpr;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ExpressionParsingTest {

    private static Expression parse(String sql) {
        return SqlParser.parseExpression(sql);
    }

    /** The expression printed fully parenthesized: shows the tree shape the parser chose. */
    private static String shape(String sql) {
        return SqlFormatter.format(parse(sql));
    }

    // ------------------------------------------------------------------------------ precedence

    @Test
    void shouldBindMultiplicationTighterThanAddition() {
        assertThat(shape("a + b * c - d")).isEqualTo("((A + (B * C)) - D)");
        assertThat(shape("a % b / c")).isEqualTo("((A % B) / C)");
    }

    @Test
    void shouldBindAndTighterThanOrAndNotTighterThanAnd() {
        assertThat(shape("a OR b AND NOT c")).isEqualTo("(A OR (B AND (NOT C)))");
        assertThat(shape("NOT a = b")).isEqualTo("(NOT (A = B))");
    }

    @Test
    void shouldBindArithmeticTighterThanComparison() {
        assertThat(shape("a + 1 > b * 2")).isEqualTo("((A + 1) > (B * 2))");
    }

    @Test
    void shouldKeepExplicitParentheses() {
        assertThat(shape("(a + b) * c")).isEqualTo("((A + B) * C)");
    }

    @Test
    void shouldBindUnaryMinusTighterThanMultiplication() {
        assertThat(shape("-a * b")).isEqualTo("(-(A) * B)");
    }

    @Test
    void shouldParsePredicatesAsAWholeAgainstAndOr() {
        assertThat(shape("a BETWEEN 1 AND 2 AND b IS NULL")).isEqualTo("((A BETWEEN 1 AND 2) AND (B IS NULL))");
        assertThat(shape("a NOT IN (1, 2) OR b NOT LIKE 'x%'")).isEqualTo("((A NOT IN (1, 2)) OR (B NOT LIKE 'x%'))");
    }

    @Test
    void shouldChainDereferenceAndSubscript() {
        assertThat(shape("s.col->a->b[1]['k']")).isEqualTo("S.COL->A->B[1]['k']");
    }

    // -------------------------------------------------------------------------------- literals

    @Test
    void shouldKeepDecimalLiteralScaleExactly() {
        assertThat(parse("10.50")).isInstanceOfSatisfying(DecimalLiteral.class, d -> {
            assertThat(d.number()).isEqualTo(new BigDecimal("10.50"));
            assertThat(d.number().scale()).isEqualTo(2);
        });
        assertThat(((DecimalLiteral) parse("-0.0010")).number()).isEqualTo(new BigDecimal("-0.0010"));
        assertThat(((DecimalLiteral) parse(".5")).number()).isEqualTo(new BigDecimal("0.5"));
    }

    @Test
    void shouldParseNumbersWithExponentAsDouble() {
        assertThat(parse("1.5E3")).isEqualTo(new DoubleLiteral(1500.0, at(1, 1)));
        assertThat(((DoubleLiteral) parse("-4.9E-324")).number()).isEqualTo(-4.9E-324);
    }

    @Test
    void shouldParseIntegersAsIntUntilTheyNeedBigint() {
        assertThat(parse("2147483647")).isInstanceOf(IntegerLiteral.class);
        assertThat(parse("2147483648")).isEqualTo(new LongLiteral(2147483648L, at(1, 1)));
        assertThat(parse("-5")).isEqualTo(new IntegerLiteral(-5, at(1, 1)));
        assertThat(parse("-9223372036854775807")).isEqualTo(new LongLiteral(-9223372036854775807L, at(1, 1)));
    }

    @Test
    void shouldRejectIntegerLiteralsBeyondBigint() {
        assertThatThrownBy(() -> parse("a + 9223372036854775808"))
                .isInstanceOfSatisfying(SqlParseException.class, e -> {
                    assertThat(e.errorCode()).isEqualTo(SqlErrorCode.INVALID_LITERAL);
                    assertThat(e.getMessage()).startsWith("line 1:5: Invalid numeric literal: 9223372036854775808");
                });
    }

    @Test
    void shouldRejectDoubleLiteralsThatOverflow() {
        assertThatThrownBy(() -> parse("1.7976931348623159E309"))
                .hasMessageStartingWith("line 1:1: Number overflows DOUBLE: 1.7976931348623159E309");
    }

    @Test
    void shouldUnescapeDoubledQuotesInStrings() {
        assertThat(parse("'it''s'")).isEqualTo(new StringLiteral("it's", at(1, 1)));
        assertThat(parse("''")).isEqualTo(new StringLiteral("", at(1, 1)));
    }

    // ----------------------------------------------------------------------------- identifiers

    @Test
    void shouldUpperCaseUnquotedIdentifiersAndKeepQuotedOnes() {
        assertThat(parse("userId")).isEqualTo(new ColumnRef(Optional.empty(), "USERID", at(1, 1)));
        assertThat(parse("`userId`")).isEqualTo(new ColumnRef(Optional.empty(), "userId", at(1, 1)));
        assertThat(parse("\"userId\"")).isEqualTo(new ColumnRef(Optional.empty(), "userId", at(1, 1)));
        assertThat(parse("`a``b`")).isEqualTo(new ColumnRef(Optional.empty(), "a`b", at(1, 1)));
        assertThat(parse("p.`Name`")).isEqualTo(new ColumnRef(Optional.of("P"), "Name", at(1, 1)));
    }

    @Test
    void shouldAcceptNonReservedKeywordsAsNames() {
        assertThat(parse("key + type + size + source + value")).isNotNull();
        assertThat(parse("s.key")).isEqualTo(new ColumnRef(Optional.of("S"), "KEY", at(1, 1)));
    }

    @Test
    void shouldRejectIdentifiersStartingWithDigit() {
        assertThatThrownBy(() -> parse("1abc"))
                .hasMessage("line 1:1: identifier '1abc' starts with a digit; quote it as `1abc`");
    }

    // ------------------------------------------------------------------------------- functions

    @Test
    void shouldParseCountStarAndDistinct() {
        assertThat(parse("COUNT(*)")).isEqualTo(new FunctionCall("COUNT", List.of(), false, true, at(1, 1)));
        assertThat(parse("count(DISTINCT x)")).isInstanceOfSatisfying(FunctionCall.class, f -> {
            assertThat(f.distinct()).isTrue();
            assertThat(f.name()).isEqualTo("COUNT");
        });
        assertThat(parse("COUNT()")).isEqualTo(new FunctionCall("COUNT", List.of(), false, false, at(1, 1)));
    }

    @Test
    void shouldParseLambdasWithOneOrMoreParameters() {
        FunctionCall reduce = (FunctionCall) parse("REDUCE(arr, 0, (s, x) => s + x)");
        assertThat(reduce.arguments().get(2)).isInstanceOfSatisfying(Lambda.class, l -> {
            assertThat(l.parameters()).containsExactly("S", "X");
            assertThat(l.body()).isInstanceOf(Arithmetic.class);
        });
        FunctionCall transform = (FunctionCall) parse("TRANSFORM(arr, x => x * 2)");
        assertThat(((Lambda) transform.arguments().get(1)).parameters()).containsExactly("X");
    }

    @Test
    void shouldParseCastTargetTypes() {
        assertThat(((Expression.Cast) parse("CAST(a AS DECIMAL(4, 2))")).type())
                .isEqualTo(new TypeExpr.Decimal(4, 2, at(1, 11)));
        assertThat(SqlFormatter.format(((Expression.Cast) parse("CAST(a AS MAP<VARCHAR, ARRAY<INT>>)")).type()))
                .isEqualTo("MAP<STRING, ARRAY<INTEGER>>");
    }

    @Test
    void shouldTreatBangEqualsAndAngleBracketsAlike() {
        assertThat(((Comparison) parse("a != b")).operator()).isEqualTo(ComparisonOperator.NOT_EQUAL);
        assertThat(((Comparison) parse("a <> b")).operator()).isEqualTo(ComparisonOperator.NOT_EQUAL);
        assertThat(((Comparison) parse("a IS NOT DISTINCT FROM b")).operator())
                .isEqualTo(ComparisonOperator.IS_NOT_DISTINCT_FROM);
    }

    // ------------------------------------------------------------------------------- positions

    @Test
    void shouldRecordOneBasedPositionsOfEachNode() {
        Logical or = (Logical) parse("a = 1\n  OR  NOT b > 2");
        assertThat(or.operator()).isEqualTo(LogicalOperator.OR);
        assertThat(or.position()).isEqualTo(at(1, 1));
        Not not = (Not) or.right();
        assertThat(not.position()).isEqualTo(at(2, 7));
        Comparison comparison = (Comparison) not.operand();
        assertThat(comparison.left().position()).isEqualTo(at(2, 11));
        assertThat(comparison.right().position()).isEqualTo(at(2, 15));
        Arithmetic plus = (Arithmetic) parse("x +  y");
        assertThat(plus.operator()).isEqualTo(ArithmeticOperator.ADD);
        assertThat(plus.right().position()).isEqualTo(at(1, 6));
    }

    private static io.runnel.sql.internal.ast.Position at(int line, int column) {
        return new io.runnel.sql.internal.ast.Position(line, column);
    }
}
