package io.runnel.sql.internal.exec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.runnel.sql.SqlException;
import io.runnel.sql.function.Struct;
import io.runnel.sql.internal.analyzer.ExpressionTyper;
import io.runnel.sql.internal.analyzer.FunctionResolver;
import io.runnel.sql.internal.analyzer.RowSchema;
import io.runnel.sql.internal.analyzer.TypedExpression;
import io.runnel.sql.internal.catalog.Catalog;
import io.runnel.sql.internal.catalog.SqlType;
import io.runnel.sql.internal.catalog.TypeResolver;
import io.runnel.sql.internal.parser.SqlParser;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ExpressionCompilerTest {

    private static final RowSchema SCHEMA = RowSchema.of(
            RowSchema.Field.of("I", SqlType.INTEGER),
            RowSchema.Field.of("L", SqlType.BIGINT),
            RowSchema.Field.of("D", SqlType.DOUBLE),
            RowSchema.Field.of("M", new SqlType.Decimal(4, 2)),
            RowSchema.Field.of("S", SqlType.STRING),
            RowSchema.Field.of("B", SqlType.BOOLEAN),
            RowSchema.Field.of("A", new SqlType.Array(SqlType.INTEGER)),
            RowSchema.Field.of("MP", new SqlType.Map(SqlType.STRING, SqlType.BIGINT)),
            RowSchema.Field.of("ST", new SqlType.Struct(List.of(new SqlType.Field("F", SqlType.STRING)))),
            RowSchema.Field.of("USER_ID", SqlType.STRING));

    private static final Object[] ROW = {7, 10L, 2.5, new BigDecimal("1.25"), "hello", true, List.of(1, 2, 3),
            Map.of("k", 5L), Struct.builder().put("F", "x").build(), "u1"};

    private static final FunctionResolver UCASE_ONLY = (name, types) -> {
        if (!name.equalsIgnoreCase("UCASE")) {
            throw new SqlException(io.runnel.sql.SqlErrorCode.INVALID_STATEMENT, "Unknown function '" + name + "'");
        }
        return new FunctionResolver.ResolvedFunction() {
            @Override
            public SqlType returnType() {
                return SqlType.STRING;
            }

            @Override
            public Object invoke(Object[] arguments) {
                return arguments[0] == null ? null : ((String) arguments[0]).toUpperCase(java.util.Locale.ROOT);
            }

            @Override
            public List<SqlType> parameterTypes() {
                return List.of(SqlType.STRING);
            }
        };
    };

    private static TypedExpression typed(String sql) {
        return ExpressionTyper.type(SqlParser.parseExpression(sql), SCHEMA, UCASE_ONLY, new TypeResolver(Catalog.empty()));
    }

    private static Object eval(String sql, Object[] row) {
        return ExpressionCompiler.compile(typed(sql)).evaluate(row);
    }

    private static Object eval(String sql) {
        return eval(sql, ROW);
    }

    @Test
    void shouldWidenIntegerArithmeticToTheWiderOperandType() {
        assertThat(typed("I + L").type()).isEqualTo(SqlType.BIGINT);
        assertThat(eval("I + L")).isEqualTo(17L);
        assertThat(eval("I * 2")).isEqualTo(14);
        assertThat(eval("I / 2")).isEqualTo(3);
        assertThat(eval("I % 4")).isEqualTo(3);
        assertThat(eval("I + D")).isEqualTo(9.5);
        assertThat(eval("-I")).isEqualTo(-7);
    }

    @Test
    void shouldKeepDecimalScaleByKsqlRules() {
        assertThat(typed("M + M").type()).isEqualTo(new SqlType.Decimal(5, 2));
        assertThat(eval("M + M")).isEqualTo(new BigDecimal("2.50"));
        assertThat(typed("M * M").type()).isEqualTo(new SqlType.Decimal(9, 4));
        assertThat(eval("M * M")).isEqualTo(new BigDecimal("1.5625"));
        assertThat(typed("M / I").type()).isEqualTo(new SqlType.Decimal(15, 13));
        assertThat(eval("M + 1")).isEqualTo(new BigDecimal("2.25"));
        assertThat(eval("M / 0")).isNull();
    }

    @Test
    void shouldPropagateNullsUseThreeValuedLogicAndCompareANullAsFalse() {
        Object[] nulls = new Object[ROW.length];
        assertThat(eval("I + 1", nulls)).isNull();
        assertThat(eval("B AND FALSE", nulls)).isEqualTo(false);
        assertThat(eval("B OR TRUE", nulls)).isEqualTo(true);
        assertThat(eval("B AND TRUE", nulls)).isNull();
        assertThat(eval("NOT B", nulls)).isNull();
        // ksqlDB: a comparison with a NULL operand is FALSE, so its negation is TRUE.
        assertThat(eval("I > 1", nulls)).isEqualTo(false);
        assertThat(eval("I = L", nulls)).isEqualTo(false);
        assertThat(eval("NOT (I > 1)", nulls)).isEqualTo(true);
        assertThat(eval("I IS NULL", nulls)).isEqualTo(true);
        assertThat(eval("I IS DISTINCT FROM NULL", nulls)).isEqualTo(false);
        assertThat(eval("I IS NOT DISTINCT FROM NULL", nulls)).isEqualTo(true);
        assertThat(eval("I IN (1, NULL)")).isNull();
        assertThat(eval("I IN (1, 7)")).isEqualTo(true);
    }

    @Test
    void shouldCompareAcrossNumericTypesAndEvaluatePredicates() {
        assertThat(eval("I = 7.0")).isEqualTo(true);
        assertThat(eval("L > I")).isEqualTo(true);
        assertThat(eval("M < 2")).isEqualTo(true);
        assertThat(eval("I BETWEEN 1 AND 10")).isEqualTo(true);
        assertThat(eval("I NOT BETWEEN 1 AND 10")).isEqualTo(false);
        assertThat(eval("S LIKE 'he%'")).isEqualTo(true);
        assertThat(eval("S LIKE 'h_llo'")).isEqualTo(true);
        assertThat(eval("S NOT LIKE '%z%'")).isEqualTo(true);
        assertThat(eval("S = 'hello' AND B")).isEqualTo(true);
    }

    @Test
    void shouldEvaluateCaseCastAndStructuredValues() {
        assertThat(eval("CASE WHEN I > 5 THEN 'big' WHEN I > 2 THEN 'mid' ELSE 'small' END")).isEqualTo("big");
        assertThat(eval("CASE I WHEN 1 THEN 'one' WHEN 7 THEN 'seven' END")).isEqualTo("seven");
        assertThat(eval("CASE WHEN I > 100 THEN 1 END")).isNull();
        assertThat(eval("CAST(I AS STRING)")).isEqualTo("7");
        assertThat(eval("CAST('12' AS BIGINT)")).isEqualTo(12L);
        assertThat(eval("CAST(D AS DECIMAL(4, 1))")).isEqualTo(new BigDecimal("2.5"));
        assertThat(eval("A[1]")).isEqualTo(1);
        assertThat(eval("A[-1]")).isEqualTo(3);
        assertThat(eval("A[10]")).isNull();
        assertThat(eval("MP['k']")).isEqualTo(5L);
        assertThat(eval("ST->F")).isEqualTo("x");
        assertThat(eval("ARRAY[1, 2]")).isEqualTo(List.of(1, 2));
        assertThat(eval("MAP('a' := 1)")).isEqualTo(Map.of("a", 1));
        assertThat(eval("STRUCT(X := 1)")).isEqualTo(Struct.builder().put("X", 1).build());
        assertThat(eval("UCASE(S)")).isEqualTo("HELLO");
        assertThat(eval("'a' + S")).isEqualTo("ahello");
        assertThat(eval("ARRAY[1, NULL]")).isEqualTo(Arrays.asList(1, null));
    }

    @Test
    void shouldReportTypeErrorsWithPositionAndSuggestion() {
        assertThatThrownBy(() -> typed("S + 1")).isInstanceOf(SqlException.class)
                .hasMessageContaining("line 1:1").hasMessageContaining("Unsupported arithmetic types: STRING + INTEGER");
        assertThatThrownBy(() -> typed("I = 'x'")).hasMessageContaining("Cannot compare INTEGER");
        assertThatThrownBy(() -> typed("1 = USERID")).isInstanceOf(SqlException.class)
                .hasMessageContaining("line 1:5").hasMessageContaining("did you mean 'USER_ID'?");
        assertThatThrownBy(() -> typed("LCASE(S)")).hasMessageContaining("Unknown function 'LCASE'");
        assertThatThrownBy(() -> typed("ST->G")).hasMessageContaining("Struct has no field 'G'");
    }

    @Test
    void shouldFailTheRecordNotTheProcessOnIntegerDivisionByZero() {
        assertThatThrownBy(() -> eval("I / 0")).isInstanceOf(ExpressionEvaluationException.class)
                .hasMessageContaining("Error evaluating (I / 0)");
    }

    @Test
    void shouldShareOneGeneratedClassForExpressionsThatDifferOnlyInLiterals() {
        Evaluator a = ExpressionCompiler.compile(typed("I + 1"));
        Evaluator b = ExpressionCompiler.compile(typed("I + 2"));
        assertThat(a.getClass()).isSameAs(b.getClass());
        assertThat(b.evaluate(ROW)).isEqualTo(9);
    }

    @Test
    void shouldReadAFailingFunctionCallAsNullAndReportItWhenGivenAnErrorSink() {
        FunctionResolver registry = new io.runnel.sql.internal.analyzer.RegistryFunctionResolver(
                io.runnel.sql.internal.function.FunctionRegistry.withBuiltIns());
        TypedExpression t = ExpressionTyper.type(SqlParser.parseExpression(
                "IFNULL(CAST(PARSE_DATE(S, 'yyyy-MM-dd') AS STRING), 'none')"), SCHEMA, registry,
                new TypeResolver(Catalog.empty()));
        Evaluator e = ExpressionCompiler.compile(t);
        List<ExpressionEvaluationException> reported = new java.util.ArrayList<>();
        assertThat(e.evaluate(ROW, reported::add)).isEqualTo("none");
        assertThat(reported).singleElement().extracting(Throwable::getMessage).asString()
                .contains("PARSE_DATE(S, 'yyyy-MM-dd')");
        assertThatThrownBy(() -> e.evaluate(ROW)).isInstanceOf(ExpressionEvaluationException.class);
    }

    @Test
    void shouldCastAStructFieldByFieldMatchedByName() {
        assertThat(eval("CAST(ST AS STRUCT<F INT, G STRING>)", new Object[] {7, 10L, 2.5, null, null, null, null, null,
                Struct.builder().put("F", "42").build(), null}))
                .isEqualTo(Struct.builder().put("F", 42).put("G", null).build());
    }

    @Test
    void shouldCoerceConstantInListItemsToTheTestedValuesType() {
        assertThat(eval("I IN (1, '7.000')")).isEqualTo(true);
        assertThat(eval("I IN (7.10, D)")).isEqualTo(false);
        assertThat(eval("L IN (10.0)")).isEqualTo(true);
        assertThat(eval("S IN (10, 'hello')")).isEqualTo(true);
        assertThat(eval("B IN ('Y')")).isEqualTo(true);
        assertThat(eval("A IN (ARRAY['1', '2', '3'])")).isEqualTo(true);
        assertThat(eval("ST IN (STRUCT(F := 'x'), STRUCT(G := 'x'))")).isEqualTo(true);
        assertThat(eval("ST IN (STRUCT(G := 'x'))")).isEqualTo(false);
        assertThat(eval("I IN (1, NULL)")).isNull();
    }

    @Test
    void shouldRejectInListItemsThatCannotBeTheTestedType() {
        assertThatThrownBy(() -> typed("I IN (1, 'seven')"))
                .hasMessageContaining("invalid input syntax for type INTEGER: \"seven\"");
        assertThatThrownBy(() -> typed("I IN (1, B)"))
                .hasMessageContaining("operator does not exist: INTEGER = BOOLEAN (B)");
        assertThatThrownBy(() -> typed("A IN (ARRAY[B])"))
                .hasMessageContaining("operator does not exist: ARRAY<INTEGER> = ARRAY<BOOLEAN>");
    }

    @Test
    void shouldTypeAndRunLambdaArgumentsThatReadTheirParametersAndTheRow() {
        FunctionResolver registry = new io.runnel.sql.internal.analyzer.RegistryFunctionResolver(
                io.runnel.sql.internal.function.FunctionRegistry.withBuiltIns());
        java.util.function.Function<String, Object> run = sql -> ExpressionCompiler.compile(ExpressionTyper.type(
                SqlParser.parseExpression(sql), SCHEMA, registry, new TypeResolver(Catalog.empty()))).evaluate(ROW);
        assertThat(run.apply("TRANSFORM(A, x => x + I)")).isEqualTo(List.of(8, 9, 10));
        assertThat(run.apply("REDUCE(A, 0, (s, x) => s + x)")).isEqualTo(6);
        assertThat(run.apply("FILTER(A, x => x > 1)")).isEqualTo(List.of(2, 3));
        assertThat(run.apply("TRANSFORM(A, x => TRANSFORM(ARRAY[x], y => y * 10))"))
                .isEqualTo(List.of(List.of(10), List.of(20), List.of(30)));
        TypedExpression t = ExpressionTyper.type(SqlParser.parseExpression("TRANSFORM(A, x => CAST(x AS STRING))"),
                SCHEMA, registry, new TypeResolver(Catalog.empty()));
        assertThat(t.type()).isEqualTo(new SqlType.Array(SqlType.STRING));
    }

    @Test
    void shouldFailTheLambdaCallWhenItsArithmeticMeetsANullAsKsqlDbDoes() {
        FunctionResolver registry = new io.runnel.sql.internal.analyzer.RegistryFunctionResolver(
                io.runnel.sql.internal.function.FunctionRegistry.withBuiltIns());
        java.util.function.Function<String, Evaluator> compile = sql -> ExpressionCompiler.compile(ExpressionTyper.type(
                SqlParser.parseExpression(sql), SCHEMA, registry, new TypeResolver(Catalog.empty())));
        List<Object> reported = new ArrayList<>();
        assertThat(compile.apply("TRANSFORM(ARRAY[5, NULL], x => x + 5)").evaluate(ROW, reported::add)).isNull();
        assertThat(reported).hasSize(1);
        assertThat(compile.apply("REDUCE(ARRAY[1.5, NULL], 0.0, (s, x) => s + x)").evaluate(ROW, e -> { })).isNull();
        assertThat(compile.apply("TRANSFORM(ARRAY[5, NULL], x => x)").evaluate(ROW)).isEqualTo(Arrays.asList(5, null));
        assertThat(compile.apply("TRANSFORM(ARRAY[5, NULL], x => COALESCE(x, 0) + 1)").evaluate(ROW))
                .isEqualTo(List.of(6, 1));
        // Outside lambdas arithmetic on NULL stays NULL.
        assertThat(compile.apply("CAST(NULL AS INT) + 5").evaluate(ROW)).isNull();
    }

    @Test
    void shouldNotEvaluateTheRightSideOfAndOrInALambdaWhenTheLeftDecidesAsKsqlDbDoes() {
        FunctionResolver registry = new io.runnel.sql.internal.analyzer.RegistryFunctionResolver(
                io.runnel.sql.internal.function.FunctionRegistry.withBuiltIns());
        java.util.function.Function<String, Evaluator> compile = sql -> ExpressionCompiler.compile(ExpressionTyper.type(
                SqlParser.parseExpression(sql), SCHEMA, registry, new TypeResolver(Catalog.empty())));
        List<Object> reported = new ArrayList<>();
        // x + 1 with x NULL would fail the call; FALSE AND ... and TRUE OR ... never reach it.
        assertThat(compile.apply("FILTER(ARRAY[1, NULL], x => x IS NOT NULL AND x + 1 > 1)").evaluate(ROW, reported::add))
                .isEqualTo(List.of(1));
        assertThat(compile.apply("FILTER(ARRAY[1, NULL], x => x IS NULL OR x + 1 > 5)").evaluate(ROW, reported::add))
                .isEqualTo(Arrays.asList((Object) null));
        assertThat(reported).isEmpty();
        // Three-valued logic is kept: NULL AND TRUE is NULL (not kept by FILTER), NULL AND FALSE is FALSE.
        assertThat(compile.apply("TRANSFORM(ARRAY[1], x => CAST(NULL AS BOOLEAN) AND x > 0)").evaluate(ROW))
                .isEqualTo(Arrays.asList((Object) null));
        assertThat(compile.apply("TRANSFORM(ARRAY[1], x => CAST(NULL AS BOOLEAN) AND x > 5)").evaluate(ROW))
                .isEqualTo(List.of(false));
    }

    @Test
    void shouldPassAStringLiteralWhereAFunctionWantsADateAndNotWidenDecimalsByNull() {
        FunctionResolver registry = new io.runnel.sql.internal.analyzer.RegistryFunctionResolver(
                io.runnel.sql.internal.function.FunctionRegistry.withBuiltIns());
        RowSchema schema = RowSchema.of(RowSchema.Field.of("DT", SqlType.DATE), RowSchema.Field.of("DE", new SqlType.Decimal(9, 3)));
        java.util.function.Function<String, TypedExpression> type = sql -> ExpressionTyper.type(
                SqlParser.parseExpression(sql), schema, registry, new TypeResolver(Catalog.empty()));
        Object[] row = {java.time.LocalDate.of(2022, 1, 1), new BigDecimal("123456.789")};
        assertThat(ExpressionCompiler.compile(type.apply("GREATEST(DT, NULL, '2022-06-14')")).evaluate(row))
                .isEqualTo(java.time.LocalDate.of(2022, 6, 14));
        TypedExpression widest = type.apply("GREATEST(DE, NULL)");
        assertThat(widest.type()).isEqualTo(new SqlType.Decimal(9, 3));
        assertThat(ExpressionCompiler.compile(widest).evaluate(row)).isEqualTo(new BigDecimal("123456.789"));
    }

    @Test
    void shouldWidenStructElementsOfAnArrayToTheUnionOfTheirFields() {
        TypedExpression t = typed("ARRAY[STRUCT(X := I), STRUCT(Y := S)]");
        assertThat(t.type()).isEqualTo(new SqlType.Array(new SqlType.Struct(List.of(
                new SqlType.Field("X", SqlType.INTEGER), new SqlType.Field("Y", SqlType.STRING)))));
        assertThat(eval("ARRAY[STRUCT(X := I), STRUCT(Y := S)]")).isEqualTo(List.of(
                Struct.builder().put("X", 7).put("Y", null).build(),
                Struct.builder().put("X", null).put("Y", "hello").build()));
    }
}
