package io.runnel.sql.internal.function.builtin;

import static io.runnel.sql.internal.function.Calls.call;
import static io.runnel.sql.internal.function.Calls.callTyped;
import static io.runnel.sql.internal.function.Calls.lambda;
import static org.assertj.core.api.Assertions.assertThat;

import io.runnel.sql.function.Struct;
import io.runnel.sql.function.TriFunction;
import io.runnel.sql.internal.catalog.SqlType;
import io.runnel.sql.internal.function.ArgType;
import io.runnel.sql.internal.function.Calls;
import io.runnel.sql.internal.function.ResolvedFunction;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * Array, map, lambda and null functions; expected values from array.json, arrayjoin.json,
 * array-remove.json, slice.json, map.json, transform-array.json, reduce-array.json and null.json.
 */
class CollectionFunctionsTest {
    private static final SqlType INT_ARRAY = new SqlType.Array(SqlType.INTEGER);

    @Test
    void shouldJoinArraysAsInArrayjoinJson() {
        assertThat(call("ARRAY_JOIN", Arrays.asList(true, null, false))).isEqualTo("true,null,false");
        assertThat(call("ARRAY_JOIN", List.of(1, 23, -42, 0))).isEqualTo("1,23,-42,0");
        assertThat(call("ARRAY_JOIN", List.of(1.23, -23.42, 0.0), " ")).isEqualTo("1.23 -23.42 0.0");
        assertThat(call("ARRAY_JOIN", List.of(new BigDecimal("123.45"), new BigDecimal("987.65")), "#")).isEqualTo("123.45#987.65");
        assertThat(call("ARRAY_JOIN", List.of("Hello", "From", "", "Ksqldb", "Udf"), "_")).isEqualTo("Hello_From__Ksqldb_Udf");
        assertThat(call("ARRAY_JOIN", List.of(1, 23, -42, 0), null)).isEqualTo("123-420");
        assertThat(call("ARRAY_JOIN", List.of(1, 23), "")).isEqualTo("123");
    }

    @Test
    void shouldSliceAndGenerateSeriesAsInSliceAndArrayJson() {
        assertThat(call("SLICE", List.of("a", "b", "c", "d"), 2, 3)).isEqualTo(List.of("b", "c"));
        assertThat(call("SLICE", List.of(List.of("a"), List.of("b"), List.of("c")), 2, 3)).isEqualTo(List.of(List.of("b"), List.of("c")));
        assertThat(call("GENERATE_SERIES", 0, 3)).isEqualTo(List.of(0, 1, 2, 3));
        assertThat(call("GENERATE_SERIES", 4, 3)).isEqualTo(List.of(4, 3));
        assertThat(call("GENERATE_SERIES", -2, 1, 2)).isEqualTo(List.of(-2, 0));
        assertThat(call("GENERATE_SERIES", 0, 9, 3)).isEqualTo(List.of(0, 3, 6, 9));
        assertThat(call("GENERATE_SERIES", 1L, 3L)).isEqualTo(List.of(1L, 2L, 3L));
        assertThat(call("ARRAY_LENGTH", List.of(-1, 0))).isEqualTo(2);
        assertThat(callTyped("ARRAY_LENGTH", List.of(INT_ARRAY), (Object) null)).isNull();
    }

    @Test
    void shouldRemoveAndCompareElementsAsInArrayRemoveJson() {
        assertThat(call("ARRAY_REMOVE", List.of("foo", "bar", "foo"), "foo")).isEqualTo(List.of("bar"));
        assertThat(call("ARRAY_REMOVE", List.of(0, 0, 1, 0, -1), -1)).isEqualTo(List.of(0, 0, 1, 0));
        assertThat(call("ARRAY_REMOVE", Arrays.asList(0, null, 1), -1)).isEqualTo(Arrays.asList(0, null, 1));
        assertThat(call("ARRAY_REMOVE", List.of(List.of("foo", "bar"), List.of("foo")), List.of("foo"))).isEqualTo(List.of(List.of("foo", "bar")));
        assertThat(call("ARRAY_CONTAINS", List.of(1, 2), 2)).isEqualTo(true);
        assertThat(call("ARRAY_DISTINCT", List.of(1, 2, 1))).isEqualTo(List.of(1, 2));
        assertThat(call("ARRAY_EXCEPT", List.of(1, 2, 3, 2), List.of(3))).isEqualTo(List.of(1, 2));
        assertThat(call("ARRAY_INTERSECT", List.of(1, 2, 3), List.of(3, 1))).isEqualTo(List.of(1, 3));
        assertThat(call("ARRAY_UNION", List.of(1, 2), List.of(2, 3))).isEqualTo(List.of(1, 2, 3));
        assertThat(call("ARRAY_CONCAT", List.of(1, 2), List.of(2, 3))).isEqualTo(List.of(1, 2, 2, 3));
        assertThat(call("ARRAY_MAX", Arrays.asList(123, 452, 451, null))).isEqualTo(452);
        assertThat(call("ARRAY_MIN", Arrays.asList("b", null, "a"))).isEqualTo("a");
        assertThat(call("ARRAY_SORT", Arrays.asList(3, null, 1))).isEqualTo(Arrays.asList(1, 3, null));
        assertThat(call("ARRAY_SORT", Arrays.asList(3, null, 1), "desc")).isEqualTo(Arrays.asList(3, 1, null));
    }

    @Test
    void shouldHandleMapsAsInMapJson() {
        Map<String, Integer> map = new LinkedHashMap<>();
        map.put("foo", 10);
        map.put("bar", 20);
        assertThat(call("ARRAY_SORT", call("MAP_KEYS", map))).isEqualTo(List.of("bar", "foo"));
        assertThat(call("ARRAY_SORT", call("MAP_VALUES", map))).isEqualTo(List.of(10, 20));
        Map<String, Integer> other = new LinkedHashMap<>();
        other.put("foo", 99);
        other.put("apple", -1);
        assertThat(call("MAP_UNION", map, other)).isEqualTo(Map.of("foo", 99, "bar", 20, "apple", -1));
        assertThat(call("AS_MAP", List.of("a", "b"), List.of(1, 2))).isEqualTo(Map.of("a", 1, "b", 2));
    }

    @Test
    void shouldListEntriesAsStructsAsInArrayJsonEntriesSorted() {
        Map<String, Integer> map = new LinkedHashMap<>();
        map.put("K2", 2);
        map.put("K1", 1);
        ResolvedFunction entries = Calls.REGISTRY.resolveScalar("ENTRIES",
                List.of(ArgType.of(new SqlType.Map(SqlType.STRING, SqlType.INTEGER)), ArgType.of(SqlType.BOOLEAN)));
        assertThat(entries.returnType().sql()).isEqualTo("ARRAY<STRUCT<`K` STRING, `V` INTEGER>>");
        assertThat(entries.invoker().invoke(map, true)).isEqualTo(List.of(
                Struct.builder().put("K", "K1").put("V", 1).build(), Struct.builder().put("K", "K2").put("V", 2).build()));
    }

    @Test
    void shouldTransformFilterAndReduceAsInTransformAndReduceArrayJson() {
        Function<Integer, Integer> plus5 = x -> x == null ? null : x + 5;
        assertThat(call("TRANSFORM", List.of(3, 6), lambda(1, SqlType.INTEGER, plus5))).isEqualTo(List.of(8, 11));
        Function<String, String> upper = x -> x == null ? null : x.toUpperCase();
        assertThat(call("TRANSFORM", Arrays.asList("check", null, "null"), lambda(1, SqlType.STRING, upper))).isEqualTo(Arrays.asList("CHECK", null, "NULL"));
        Function<Integer, Boolean> even = x -> x % 2 == 0;
        assertThat(call("FILTER", List.of(1, 2, 3, 4), lambda(1, SqlType.BOOLEAN, even))).isEqualTo(List.of(2, 4));
        BiFunction<Integer, Integer, Integer> sum = (s, x) -> s == null || x == null ? null : s + x;
        assertThat(call("REDUCE", List.of(3, 6), 2, lambda(2, SqlType.INTEGER, sum))).isEqualTo(11);
        assertThat(call("REDUCE", Arrays.asList(5, null), 2, lambda(2, SqlType.INTEGER, sum))).isNull();
        assertThat(Calls.REGISTRY.resolveScalar("REDUCE", List.of(ArgType.of(INT_ARRAY), ArgType.of(SqlType.INTEGER),
                ArgType.lambda(2, in -> SqlType.INTEGER))).invoker().invoke(null, 2, sum)).isEqualTo(2);
        BiFunction<String, String, String> concat = (s, x) -> s + (x == null ? "" : x);
        assertThat(call("REDUCE", List.of("blah", "blah", "blaaah"), "", lambda(2, SqlType.STRING, concat))).isEqualTo("blahblahblaaah");
    }

    @Test
    void shouldTransformFilterAndReduceMaps() {
        Map<String, Integer> map = new LinkedHashMap<>();
        map.put("a", 1);
        map.put("b", 2);
        BiFunction<String, Integer, String> key = (k, v) -> k.toUpperCase();
        BiFunction<String, Integer, Integer> value = (k, v) -> v * 10;
        assertThat(call("TRANSFORM", map, lambda(2, SqlType.STRING, key), lambda(2, SqlType.INTEGER, value))).isEqualTo(Map.of("A", 10, "B", 20));
        BiFunction<String, Integer, Boolean> big = (k, v) -> v > 1;
        assertThat(call("FILTER", map, lambda(2, SqlType.BOOLEAN, big))).isEqualTo(Map.of("b", 2));
        TriFunction<Integer, String, Integer, Integer> sum = (s, k, v) -> s + v;
        assertThat(call("REDUCE", map, 0, lambda(3, SqlType.INTEGER, sum))).isEqualTo(3);
    }

    @Test
    void shouldHandleNullsAsInNullJson() {
        assertThat(call("COALESCE", null, null, "x", "y")).isEqualTo("x");
        assertThat(call("COALESCE", 1)).isEqualTo(1);
        assertThat(call("IFNULL", null, 5)).isEqualTo(5);
        assertThat(call("IFNULL", 3, 5)).isEqualTo(3);
        assertThat(call("NULLIF", 3, 3)).isNull();
        assertThat(call("NULLIF", 3, 4)).isEqualTo(3);
        assertThat(call("AS_VALUE", "k")).isEqualTo("k");
    }
}
