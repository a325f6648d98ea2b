package io.runnel.sql.internal.function.builtin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.runnel.sql.internal.catalog.SqlType;
import io.runnel.sql.internal.function.ArgType;
import io.runnel.sql.internal.function.Calls;
import io.runnel.sql.internal.function.ResolvedFunction;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** EXPLODE and CUBE_EXPLODE; expected rows from explode.json and cube.json. */
class TableFunctionsTest {

    private static ResolvedFunction resolve(String name, SqlType type) {
        return Calls.REGISTRY.resolveTable(name, List.of(ArgType.of(type)));
    }

    @Test
    void shouldExplodeArraysAsInExplodeJson() {
        ResolvedFunction explode = resolve("EXPLODE", new SqlType.Array(SqlType.INTEGER));
        assertThat(explode.invoker().invoke(List.of(1, 2))).isEqualTo(List.of(1, 2));
        assertThat(explode.invoker().invoke(List.of())).isEqualTo(List.of());
        assertThat(explode.invoker().invoke((Object) null)).isEqualTo(List.of());
        assertThat(resolve("EXPLODE", new SqlType.Array(new SqlType.Decimal(4, 2))).returnType()).isEqualTo(new SqlType.Decimal(4, 2));
    }

    @Test
    void shouldRejectMapsAsInExplodeJson() {
        assertThatThrownBy(() -> resolve("EXPLODE", new SqlType.Map(SqlType.STRING, SqlType.INTEGER)))
                .hasMessage("Function 'explode' does not accept parameters (MAP<STRING, INTEGER>).\nValid alternatives are:\n"
                        + "explode(ARRAY<DECIMAL> input)\nexplode(ARRAY<T> list)");
    }

    @Test
    void shouldCubeColumnsAsInCubeJson() {
        ResolvedFunction cube = resolve("CUBE_EXPLODE", new SqlType.Array(SqlType.INTEGER));
        assertThat(cube.returnType()).isEqualTo(new SqlType.Array(SqlType.INTEGER));
        assertThat(cube.invoker().invoke(List.of(1, 2))).isEqualTo(List.of(
                Arrays.asList(null, null), Arrays.asList(null, 2), Arrays.asList(1, null), List.of(1, 2)));
        assertThat(cube.invoker().invoke(Arrays.asList(1, null))).isEqualTo(List.of(
                Arrays.asList(null, null), Arrays.asList(1, null)));
        assertThat((List<?>) resolve("CUBE_EXPLODE", new SqlType.Array(SqlType.STRING)).invoker()
                .invoke(List.of("one", "two", "three"))).hasSize(8).first().isEqualTo(Arrays.asList(null, null, null));
    }
}
