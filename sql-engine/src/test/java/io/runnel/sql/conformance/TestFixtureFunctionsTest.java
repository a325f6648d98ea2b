package io.runnel.sql.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.runnel.sql.internal.analyzer.FunctionResolver;
import io.runnel.sql.internal.analyzer.RegistryFunctionResolver;
import io.runnel.sql.internal.catalog.SqlType;
import io.runnel.sql.internal.function.FunctionRegistry;
import java.util.List;
import org.junit.jupiter.api.Test;

class TestFixtureFunctionsTest {
    private static final FunctionResolver BUILT_INS = new RegistryFunctionResolver(FunctionRegistry.withBuiltIns());

    @Test
    void shouldReturnNullFromBadUdfOnEveryOtherCallCountedPerCase() {
        FunctionResolver.ResolvedFunction bad = TestFixtureFunctions.over(BUILT_INS).resolve("bad_udf", List.of(SqlType.STRING));
        assertThat(bad.invoke(new Object[] {"a"})).isNull();
        assertThat(bad.invoke(new Object[] {"b"})).isEqualTo("b");
        assertThat(bad.invoke(new Object[] {"c"})).isNull();
        FunctionResolver.ResolvedFunction fresh = TestFixtureFunctions.over(BUILT_INS).resolve("BAD_UDF", List.of(SqlType.STRING));
        assertThat(fresh.invoke(new Object[] {"a"})).isNull();
    }

    @Test
    void shouldFailBadUdfWhenAskedToAndStillResolveBuiltIns() {
        FunctionResolver functions = TestFixtureFunctions.over(BUILT_INS);
        FunctionResolver.ResolvedFunction bad = functions.resolve("BAD_UDF", List.of(SqlType.BOOLEAN));
        assertThat(bad.invoke(new Object[] {false})).isEqualTo(0);
        assertThatThrownBy(() -> bad.invoke(new Object[] {true})).hasMessageContaining("asked to fail");
        assertThat(functions.resolve("UCASE", List.of(SqlType.STRING)).invoke(new Object[] {"x"})).isEqualTo("X");
        assertThat(functions.isAggregate("COUNT")).isTrue();
    }
}
