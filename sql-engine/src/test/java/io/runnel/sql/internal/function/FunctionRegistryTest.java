package io.runnel.sql.internal.function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.runnel.sql.SqlErrorCode;
import io.runnel.sql.SqlException;
import io.runnel.sql.function.Udf;
import io.runnel.sql.function.UdfDescription;
import io.runnel.sql.internal.catalog.SqlType;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** Overload resolution (ksqlDB's rules), error messages, and SHOW/DESCRIBE FUNCTION listings. */
class FunctionRegistryTest {
    private static final FunctionRegistry REGISTRY = Calls.REGISTRY;
    private static final SqlType INT_ARRAY = new SqlType.Array(SqlType.INTEGER);

    private static ResolvedFunction resolve(String name, ArgType... args) {
        return REGISTRY.resolveScalar(name, List.of(args));
    }

    private static ArgType t(SqlType type) {
        return ArgType.of(type);
    }

    @Test
    void shouldPreferExactOverloadOverWidening() {
        ResolvedFunction abs = resolve("abs", t(SqlType.INTEGER));
        assertThat(abs.returnType()).isEqualTo(SqlType.INTEGER);
        assertThat(abs.parameterTypes()).containsExactly(SqlType.INTEGER);
        assertThat(resolve("ABS", t(SqlType.BIGINT)).returnType()).isEqualTo(SqlType.BIGINT);
    }

    @Test
    void shouldWidenIntToDoubleWhenOnlyDoubleOverloadExists() {
        ResolvedFunction sqrt = resolve("SQRT", t(SqlType.INTEGER));
        assertThat(sqrt.parameterTypes()).containsExactly(SqlType.DOUBLE);
        assertThat(sqrt.invoker().invoke(16)).isEqualTo(4.0);
    }

    @Test
    void shouldResolveDecimalReturnTypeThroughSchemaProvider() {
        SqlType dec = new SqlType.Decimal(5, 2);
        assertThat(resolve("ABS", t(dec)).returnType()).isEqualTo(dec);
        assertThat(resolve("CEIL", t(dec)).returnType()).isEqualTo(new SqlType.Decimal(4, 0));
        assertThat(resolve("ROUND", t(dec), t(SqlType.INTEGER)).returnType()).isEqualTo(new SqlType.Decimal(6, 2));
        assertThat(resolve("ROUND", t(dec), t(SqlType.INTEGER)).invoker().invoke(new BigDecimal("123.45"), 1))
                .isEqualTo(new BigDecimal("123.50"));
    }

    @Test
    void shouldBindGenericTypesPerCall() {
        ResolvedFunction distinct = resolve("ARRAY_DISTINCT", t(INT_ARRAY));
        assertThat(distinct.returnType()).isEqualTo(INT_ARRAY);
        ResolvedFunction keys = resolve("MAP_KEYS", t(new SqlType.Map(SqlType.STRING, SqlType.DOUBLE)));
        assertThat(keys.returnType()).isEqualTo(new SqlType.Array(SqlType.STRING));
        ResolvedFunction max = resolve("ARRAY_MAX", t(new SqlType.Array(SqlType.DATE)));
        assertThat(max.returnType()).isEqualTo(SqlType.DATE);
    }

    @Test
    void shouldWidenGenericArgumentsToCommonType() {
        ResolvedFunction coalesce = resolve("COALESCE", t(SqlType.INTEGER), t(SqlType.BIGINT));
        assertThat(coalesce.returnType()).isEqualTo(SqlType.BIGINT);
        assertThat(coalesce.invoker().invoke(null, 5L)).isEqualTo(5L);
        assertThat(coalesce.invoker().invoke(3, 5L)).isEqualTo(3L);
    }

    @Test
    void shouldMatchNullLiteralToAnyParameter() {
        ResolvedFunction f = resolve("IFNULL", ArgType.nullLiteral(), t(SqlType.STRING));
        assertThat(f.returnType()).isEqualTo(SqlType.STRING);
        assertThat(f.invoker().invoke(null, "x")).isEqualTo("x");
        assertThat(resolve("SUBSTRING", t(SqlType.STRING), ArgType.nullLiteral()).returnType()).isEqualTo(SqlType.STRING);
    }

    @Test
    void shouldPackVarargs() {
        ResolvedFunction concat = resolve("CONCAT", t(SqlType.STRING), t(SqlType.STRING), t(SqlType.STRING));
        assertThat(concat.variadicFrom()).isEqualTo(0);
        assertThat(concat.invoker().invoke("a", "b", "c")).isEqualTo("abc");
        ResolvedFunction greatest = resolve("GREATEST", t(SqlType.INTEGER), t(SqlType.INTEGER), ArgType.nullLiteral());
        assertThat(greatest.invoker().invoke(1, 7, null)).isEqualTo(7);
        ResolvedFunction one = resolve("GREATEST", t(SqlType.DOUBLE));
        assertThat(one.invoker().invoke(2.5)).isEqualTo(2.5);
    }

    @Test
    void shouldReportAmbiguousCallsAsKsqlDbDoesForGreatest() {
        // greatest.json "test implicit casting to long"
        assertThatThrownBy(() -> resolve("greatest", t(SqlType.INTEGER), t(SqlType.BIGINT)))
                .isInstanceOf(SqlException.class)
                .hasMessage("Function 'greatest' cannot be resolved due to ambiguous method parameters (INTEGER, BIGINT).")
                .extracting(e -> ((SqlException) e).errorCode()).isEqualTo(SqlErrorCode.AMBIGUOUS_FUNCTION_CALL);
        // greatest.json "test all null input"
        assertThatThrownBy(() -> resolve("GREATEST", ArgType.nullLiteral(), ArgType.nullLiteral()))
                .hasMessageContaining("ambiguous method parameters (null, null)");
        // greatest.json "test implicit casting to double"
        ResolvedFunction g = resolve("GREATEST", t(SqlType.INTEGER), t(SqlType.BIGINT), t(new SqlType.Decimal(30, 18)),
                t(SqlType.DOUBLE), ArgType.nullLiteral());
        assertThat(g.returnType()).isEqualTo(SqlType.DOUBLE);
        assertThat(g.invoker().invoke(-1, 1000000000000L, new BigDecimal("99999.99999"), null, null)).isEqualTo(1.0E12);
    }

    @Test
    void shouldCastStringLiteralsToTemporalParametersAsInGreatestJson() {
        // greatest.json "test greatest with dates / times / timestamps"
        ResolvedFunction dates = resolve("GREATEST", t(SqlType.DATE), t(SqlType.DATE), ArgType.nullLiteral(),
                ArgType.stringLiteral("2022-06-14"));
        assertThat(dates.returnType()).isEqualTo(SqlType.DATE);
        assertThat(dates.invoker().invoke(java.time.LocalDate.ofEpochDay(19071), java.time.LocalDate.ofEpochDay(18824), null,
                "2022-06-14")).isEqualTo(java.time.LocalDate.ofEpochDay(19157));
        ResolvedFunction times = resolve("GREATEST", t(SqlType.TIME), ArgType.stringLiteral("09:16:00"));
        assertThat(times.invoker().invoke(java.time.LocalTime.ofNanoOfDay(10_000_000L), "09:16:00"))
                .isEqualTo(java.time.LocalTime.ofNanoOfDay(33360000_000_000L));
        ResolvedFunction timestamps = resolve("GREATEST", t(SqlType.TIMESTAMP), ArgType.stringLiteral("2022-06-14"));
        assertThat(timestamps.invoker().invoke(java.time.Instant.ofEpochMilli(1647734400000L), "2022-06-14"))
                .isEqualTo(java.time.Instant.ofEpochMilli(1655164800000L));
        assertThat(resolve("UCASE", ArgType.stringLiteral("a")).parameterTypes()).containsExactly(SqlType.STRING);
    }

    @Test
    void shouldListSignaturesWhenNoOverloadMatches() {
        // greatest.json "test trying to compare numeric and string", dateadd.json "throws on incorrect type"
        assertThatThrownBy(() -> resolve("GREATEST", t(SqlType.STRING), t(SqlType.INTEGER)))
                .hasMessageStartingWith("Function 'greatest' does not accept parameters (STRING, INTEGER).")
                .hasMessageContaining("greatest(INTEGER val, INTEGER... vals)");
        assertThatThrownBy(() -> resolve("GREATEST"))
                .hasMessageStartingWith("Function 'greatest' does not accept parameters ().");
        assertThatThrownBy(() -> resolve("dateadd", t(SqlType.DATE), t(SqlType.INTEGER), t(SqlType.DATE)))
                .hasMessageStartingWith("Function 'dateadd' does not accept parameters (DATE, INTEGER, DATE).")
                .extracting(e -> ((SqlException) e).errorCode()).isEqualTo(SqlErrorCode.NO_MATCHING_FUNCTION_OVERLOAD);
    }

    @Test
    void shouldSuggestCloseNameForUnknownFunction() {
        assertThatThrownBy(() -> resolve("SUBSTRNG", t(SqlType.STRING)))
                .hasMessage("Can't find any functions with the name 'SUBSTRNG'; did you mean 'SUBSTRING'?")
                .extracting(e -> ((SqlException) e).errorCode()).isEqualTo(SqlErrorCode.FUNCTION_NOT_FOUND);
        assertThatThrownBy(() -> resolve("WONT_FIND_ME")).hasMessage("Can't find any functions with the name 'WONT_FIND_ME'");
        assertThatThrownBy(() -> resolve("COUNT", t(SqlType.STRING))).hasMessageContaining("is an aggregate function");
        // null.json "coalesce - no params": ksqlDB quotes the name as declared
        assertThatThrownBy(() -> resolve("coalesce")).hasMessageStartingWith("Function 'COALESCE' does not accept parameters ()");
    }

    @Test
    void shouldTypeLambdaBodiesWithBoundInputTypes() {
        List<List<SqlType>> seen = new ArrayList<>();
        ArgType lambda = ArgType.lambda(1, inputs -> {
            seen.add(inputs);
            return SqlType.STRING;
        });
        ResolvedFunction transform = resolve("TRANSFORM", t(INT_ARRAY), lambda);
        assertThat(transform.returnType()).isEqualTo(new SqlType.Array(SqlType.STRING));
        assertThat(transform.lambdaInputTypes().get(1)).containsExactly(SqlType.INTEGER);
        assertThat(seen).contains(List.of(SqlType.INTEGER));
        Function<Integer, String> body = i -> "#" + i;
        assertThat(transform.invoker().invoke(List.of(1, 2), body)).isEqualTo(List.of("#1", "#2"));
    }

    @Test
    void shouldTypeReduceStateFromInitialValue() {
        SqlType map = new SqlType.Map(SqlType.STRING, SqlType.INTEGER);
        ResolvedFunction reduce = resolve("REDUCE", t(map), t(SqlType.BIGINT),
                ArgType.lambda(3, inputs -> {
                    assertThat(inputs).containsExactly(SqlType.BIGINT, SqlType.STRING, SqlType.INTEGER);
                    return SqlType.BIGINT;
                }));
        assertThat(reduce.returnType()).isEqualTo(SqlType.BIGINT);
        io.runnel.sql.function.TriFunction<Long, String, Integer, Long> sum = (s, k, v) -> s + v;
        assertThat(reduce.invoker().invoke(Map.of("a", 1, "b", 2), 10L, sum)).isEqualTo(13L);
    }

    @Test
    void shouldRejectLambdaWithWrongArity() {
        assertThatThrownBy(() -> resolve("TRANSFORM", t(INT_ARRAY), ArgType.lambda(2, in -> SqlType.STRING)))
                .hasMessageStartingWith("Function 'transform' does not accept parameters (ARRAY<INTEGER>, LAMBDA(2))");
        assertThatThrownBy(() -> REGISTRY.resolveAggregate("topk", List.of(t(SqlType.STRING))))
                .hasMessageStartingWith("Function 'TOPK' does not accept parameters (STRING).");
    }

    @Test
    void shouldResolveAggregatesWithConstantArgumentsAndGenericAggregateTypes() {
        ResolvedAggregate latest = REGISTRY.resolveAggregate("LATEST_BY_OFFSET",
                List.of(t(SqlType.STRING), t(SqlType.INTEGER), t(SqlType.BOOLEAN)));
        assertThat(latest.columnCount()).isEqualTo(1);
        assertThat(latest.returnType()).isEqualTo(new SqlType.Array(SqlType.STRING));
        assertThat(latest.aggregateType().sql()).isEqualTo("ARRAY<STRUCT<`SEQ` BIGINT, `VAL` STRING>>");
        ResolvedAggregate sum = REGISTRY.resolveAggregate("SUM", List.of(t(new SqlType.Decimal(4, 2))));
        assertThat(sum.returnType()).isEqualTo(new SqlType.Decimal(4, 2));
        assertThat(sum.supportsUndo()).isTrue();
        assertThat(REGISTRY.resolveAggregate("AVG", List.of(t(SqlType.INTEGER))).returnType()).isEqualTo(SqlType.DOUBLE);
        ResolvedAggregate corr = REGISTRY.resolveAggregate("CORRELATION", List.of(t(SqlType.INTEGER), t(SqlType.DOUBLE)));
        assertThat(corr.columnCount()).isEqualTo(2);
        assertThat(corr.input(1, 2.0)).isEqualTo(new io.runnel.sql.function.Pair<>(1.0, 2.0));
    }

    @Test
    void shouldResolveTableFunctions() {
        ResolvedFunction explode = REGISTRY.resolveTable("EXPLODE", List.of(t(INT_ARRAY)));
        assertThat(explode.kind()).isEqualTo(FunctionKind.TABLE);
        assertThat(explode.returnType()).isEqualTo(SqlType.INTEGER);
        assertThat(explode.invoker().invoke(List.of(1, 2))).isEqualTo(List.of(1, 2));
        assertThat(REGISTRY.isTableFunction("cube_explode")).isTrue();
        assertThat(REGISTRY.isAggregate("count")).isTrue();
    }

    @Test
    void shouldListAndDescribeFunctions() {
        List<FunctionDescription> all = REGISTRY.list();
        assertThat(all).extracting(FunctionDescription::name).contains("ABS", "COUNT", "EXPLODE", "TRANSFORM").isSorted();
        FunctionDescription substring = REGISTRY.describe("substring");
        assertThat(substring.kind()).isEqualTo(FunctionKind.SCALAR);
        assertThat(substring.metadata().category()).isEqualTo("STRING");
        assertThat(substring.overloads()).extracting(FunctionDescription.Overload::signature)
                .contains("SUBSTRING(str STRING, pos INTEGER) => STRING",
                        "SUBSTRING(str STRING, pos INTEGER, length INTEGER) => STRING");
        assertThat(REGISTRY.describe("TRANSFORM").overloads()).extracting(FunctionDescription.Overload::signature)
                .contains("TRANSFORM(array ARRAY<T>, function LAMBDA<(T) => R>) => ARRAY<R>");
        assertThat(REGISTRY.describe("topk").kind()).isEqualTo(FunctionKind.AGGREGATE);
        assertThatThrownBy(() -> REGISTRY.describe("ABSS")).hasMessageContaining("did you mean 'ABS'?");
    }

    @UdfDescription(name = "abs", description = "clash")
    public static final class ClashingAbs {
        @Udf
        public static Integer abs(Integer i) {
            return i;
        }
    }

    @UdfDescription(name = "needs_schema", description = "decimal result without schema")
    public static final class DecimalWithoutSchema {
        @Udf
        public static BigDecimal make(Integer i) {
            return BigDecimal.ONE;
        }
    }

    @Test
    void shouldRejectDuplicateNamesAndUndeterminedReturnTypes() {
        FunctionRegistry registry = FunctionRegistry.withBuiltIns();
        assertThatThrownBy(() -> registry.register(ClashingAbs.class, "test"))
                .hasMessageContaining("A function named ABS already exists")
                .extracting(e -> ((SqlException) e).errorCode()).isEqualTo(SqlErrorCode.INVALID_FUNCTION_DEFINITION);
        assertThatThrownBy(() -> registry.register(DecimalWithoutSchema.class, "test"))
                .hasMessageContaining("return type DECIMAL is not determined by the parameters");
    }
}
