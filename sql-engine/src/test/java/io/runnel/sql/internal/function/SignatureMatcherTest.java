package io.runnel.sql.internal.function;

import static org.assertj.core.api.Assertions.assertThat;

import io.runnel.sql.internal.catalog.SqlType;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/** Implicit widening costs and per-call binding of type variables. */
class SignatureMatcherTest {
    private static final SqlType.Decimal DEC_4_2 = new SqlType.Decimal(4, 2);

    @Test
    void shouldCountWideningStepsAlongIntBigintDecimalDouble() {
        assertThat(ImplicitCasts.cost(SqlType.INTEGER, SqlType.INTEGER)).isEqualTo(OptionalInt.of(0));
        assertThat(ImplicitCasts.cost(SqlType.INTEGER, SqlType.BIGINT)).isEqualTo(OptionalInt.of(1));
        assertThat(ImplicitCasts.cost(SqlType.INTEGER, SqlType.DOUBLE)).isEqualTo(OptionalInt.of(3));
        assertThat(ImplicitCasts.cost(SqlType.BIGINT, new SqlType.Decimal(19, 0))).isEqualTo(OptionalInt.of(1));
        assertThat(ImplicitCasts.cost(SqlType.BIGINT, DEC_4_2)).isEmpty();
        assertThat(ImplicitCasts.cost(SqlType.DOUBLE, SqlType.BIGINT)).isEmpty();
        assertThat(ImplicitCasts.cost(SqlType.STRING, SqlType.DOUBLE)).isEmpty();
        assertThat(ImplicitCasts.cost(DEC_4_2, new SqlType.Decimal(6, 3))).isEqualTo(OptionalInt.of(1));
        assertThat(ImplicitCasts.cost(DEC_4_2, new SqlType.Decimal(4, 3))).isEmpty();
    }

    @Test
    void shouldFindCommonTypeOfNumbers() {
        assertThat(ImplicitCasts.common(SqlType.INTEGER, SqlType.BIGINT)).isEqualTo(SqlType.BIGINT);
        assertThat(ImplicitCasts.common(new SqlType.Decimal(9, 2), new SqlType.Decimal(7, 6))).isEqualTo(new SqlType.Decimal(13, 6));
        assertThat(ImplicitCasts.common(SqlType.INTEGER, DEC_4_2)).isEqualTo(new SqlType.Decimal(12, 2));
        assertThat(ImplicitCasts.common(SqlType.STRING, SqlType.INTEGER)).isNull();
    }

    @Test
    void shouldConvertValuesWhenWidening() {
        assertThat(ImplicitCasts.convert(3, SqlType.INTEGER, SqlType.BIGINT)).isEqualTo(3L);
        assertThat(ImplicitCasts.convert(3, SqlType.INTEGER, DEC_4_2)).isEqualTo(new BigDecimal("3.00"));
        assertThat(ImplicitCasts.convert(new BigDecimal("1.5"), new SqlType.Decimal(2, 1), SqlType.DOUBLE)).isEqualTo(1.5);
        assertThat(ImplicitCasts.convert(List.of(1, 2), new SqlType.Array(SqlType.INTEGER), new SqlType.Array(SqlType.BIGINT)))
                .isEqualTo(List.of(1L, 2L));
    }

    @Test
    void shouldBindTypeVariablesAcrossParameters() {
        FunctionSignature union = new FunctionSignature("ARRAY_UNION",
                List.of(new ParamType.ArrayOf(new ParamType.Generic("T")), new ParamType.ArrayOf(new ParamType.Generic("T"))),
                List.of("a", "b"), false, new ParamType.ArrayOf(new ParamType.Generic("T")));
        Optional<SignatureMatcher.Match> same = SignatureMatcher.match(union,
                List.of(ArgType.of(new SqlType.Array(SqlType.STRING)), ArgType.of(new SqlType.Array(SqlType.STRING))));
        assertThat(same).get().extracting(SignatureMatcher.Match::cost).isEqualTo(0);
        assertThat(same.get().bindings()).containsEntry("T", SqlType.STRING);
        assertThat(SignatureMatcher.match(union,
                List.of(ArgType.of(new SqlType.Array(SqlType.STRING)), ArgType.of(new SqlType.Array(SqlType.INTEGER))))).isEmpty();
        assertThat(SignatureMatcher.match(union, List.of(ArgType.of(new SqlType.Array(SqlType.STRING))))).isEmpty();
    }

    @Test
    void shouldExpandVarargsToAnyCountIncludingNone() {
        FunctionSignature concat = new FunctionSignature("CONCAT", List.of(new ParamType.Exact(SqlType.STRING)),
                List.of("s"), true, new ParamType.Exact(SqlType.STRING));
        assertThat(concat.expand(0)).isEmpty();
        assertThat(concat.expand(3)).hasSize(3);
        assertThat(concat.display()).isEqualTo("CONCAT(s STRING...) => STRING");
    }
}
