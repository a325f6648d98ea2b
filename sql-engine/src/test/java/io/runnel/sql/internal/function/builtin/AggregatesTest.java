package io.runnel.sql.internal.function.builtin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.runnel.sql.function.TableUdaf;
import io.runnel.sql.function.Udaf;
import io.runnel.sql.internal.catalog.SqlType;
import io.runnel.sql.internal.function.ArgType;
import io.runnel.sql.internal.function.Calls;
import io.runnel.sql.internal.function.ResolvedAggregate;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Built-in aggregates, driven as the runtime will drive them (resolve, create, aggregate each
 * record, map after each); expected sequences from count.json, count-distinct.json, sum.json,
 * average-udaf.json, topk-distinct.json, histogram.json, collect-list.json,
 * latest-offset-udaf.json and attr.json.
 */
class AggregatesTest {

    private static ResolvedAggregate resolve(String name, List<SqlType> types) {
        return Calls.REGISTRY.resolveAggregate(name, types.stream().map(ArgType::of).toList());
    }

    /** The output after each input, for one group. */
    private static List<Object> outputs(String name, SqlType column, List<Object> constants, List<?> inputs) {
        List<SqlType> types = new ArrayList<>();
        types.add(column);
        for (Object c : constants) types.add(Calls.typeOf(c));
        ResolvedAggregate aggregate = resolve(name, types);
        Udaf<Object, Object, Object> udaf = aggregate.create(constants);
        Object state = udaf.initialize();
        List<Object> out = new ArrayList<>();
        for (Object input : inputs) {
            state = udaf.aggregate(aggregate.input(input), state);
            out.add(udaf.map(state));
        }
        return out;
    }

    @Test
    void shouldCountNonNullValues() {
        assertThat(outputs("COUNT", SqlType.STRING, List.of(), Arrays.asList("a", null, "b"))).containsExactly(1L, 1L, 2L);
    }

    @Test
    void shouldCountDistinctValuesAsInCountDistinctJson() {
        assertThat(outputs("COUNT_DISTINCT", SqlType.STRING, List.of(), Arrays.asList("one", "two", "one", "two", null)))
                .containsExactly(1L, 2L, 2L, 2L, 2L);
    }

    @Test
    void shouldSumKeepingTypesAsInSumJson() {
        assertThat(outputs("SUM", SqlType.INTEGER, List.of(), List.of(0, 100, 500))).containsExactly(0, 100, 600);
        assertThat(outputs("SUM", SqlType.BIGINT, List.of(), List.of(2147483648L, 100L))).containsExactly(2147483648L, 2147483748L);
        assertThat(outputs("SUM", SqlType.DOUBLE, List.of(), Arrays.asList(1.5, null, 2.0))).containsExactly(1.5, 1.5, 3.5);
        assertThat(outputs("SUM", new SqlType.Decimal(4, 2), List.of(), List.of(new BigDecimal("1.10"), new BigDecimal("2.05"))))
                .containsExactly(new BigDecimal("1.10"), new BigDecimal("3.15"));
    }

    @Test
    void shouldSumTheNonNullElementsOfEveryRowsArray() {
        assertThat(outputs("SUM_LIST", new SqlType.Array(SqlType.INTEGER), List.of(),
                Arrays.asList(List.of(1, 1), Arrays.asList(2, null), null))).containsExactly(2, 4, 4);
        assertThat(outputs("SUM_LIST", new SqlType.Array(SqlType.DOUBLE), List.of(), List.of(List.of(0.5, 1.0))))
                .containsExactly(1.5);
        ResolvedAggregate sum = resolve("SUM_LIST", List.of(new SqlType.Array(SqlType.BIGINT)));
        TableUdaf<Object, Object, Object> udaf = (TableUdaf<Object, Object, Object>) sum.create(List.of());
        Object state = udaf.aggregate(List.of(10L, 5L), udaf.aggregate(List.of(1L), udaf.initialize()));
        assertThat(udaf.map(udaf.undo(List.of(10L, 5L), state))).isEqualTo(1L);
    }

    @Test
    void shouldUndoSumForTableAggregations() {
        ResolvedAggregate sum = resolve("SUM", List.of(SqlType.INTEGER));
        TableUdaf<Object, Object, Object> udaf = (TableUdaf<Object, Object, Object>) sum.create(List.of());
        Object state = udaf.aggregate(100, udaf.aggregate(5, udaf.initialize()));
        assertThat(udaf.map(udaf.undo(100, state))).isEqualTo(5);
    }

    @Test
    void shouldAverageAsInAverageUdafJson() {
        assertThat(outputs("AVG", SqlType.INTEGER, List.of(), List.of(0, 100, 500))).containsExactly(0.0, 50.0, 200.0);
        assertThat(outputs("AVG", SqlType.DOUBLE, List.of(), Arrays.asList(1.0, null, 2.0))).containsExactly(1.0, 1.0, 1.5);
        ResolvedAggregate avg = resolve("AVG", List.of(SqlType.BIGINT));
        assertThat(avg.aggregateType().sql()).isEqualTo("STRUCT<`SUM` BIGINT, `COUNT` BIGINT>");
        TableUdaf<Object, Object, Object> udaf = (TableUdaf<Object, Object, Object>) avg.create(List.of());
        Object state = udaf.aggregate(10L, udaf.aggregate(20L, udaf.initialize()));
        assertThat(udaf.map(udaf.undo(20L, state))).isEqualTo(10.0);
    }

    @Test
    void shouldKeepTopDistinctValuesAsInTopkDistinctJson() {
        assertThat(outputs("TOPKDISTINCT", SqlType.INTEGER, List.of(3), List.of(0, 100, 99, 7, 100))).containsExactly(
                List.of(0), List.of(100, 0), List.of(100, 99, 0), List.of(100, 99, 7), List.of(100, 99, 7));
        assertThat(outputs("TOPKDISTINCT", SqlType.STRING, List.of(3), List.of("a", "b", "c", "b", "d"))).containsExactly(
                List.of("a"), List.of("b", "a"), List.of("c", "b", "a"), List.of("c", "b", "a"), List.of("d", "c", "b"));
        assertThat(outputs("TOPK", SqlType.INTEGER, List.of(2), List.of(5, 5, 1, 7))).containsExactly(
                List.of(5), List.of(5, 5), List.of(5, 5), List.of(7, 5));
    }

    @Test
    void shouldCountOccurrencesAsInHistogramJson() {
        assertThat(outputs("HISTOGRAM", SqlType.STRING, List.of(), List.of("foo", "foo", "bar")))
                .containsExactly(Map.of("foo", 1L), Map.of("foo", 2L), Map.of("foo", 2L, "bar", 1L));
        ResolvedAggregate histogram = resolve("HISTOGRAM", List.of(SqlType.STRING));
        assertThat(histogram.returnType().sql()).isEqualTo("MAP<STRING, BIGINT>");
        TableUdaf<Object, Object, Object> udaf = (TableUdaf<Object, Object, Object>) histogram.create(List.of());
        Object state = udaf.aggregate("bob", udaf.aggregate("alice", udaf.initialize()));
        assertThat(udaf.map(udaf.undo("bob", state))).isEqualTo(Map.of("alice", 1L));
    }

    @Test
    void shouldCollectListsAndSets() {
        assertThat(outputs("COLLECT_LIST", new SqlType.Array(SqlType.INTEGER), List.of(),
                List.of(List.of(0, 1), List.of(1, 2)))).last().isEqualTo(List.of(List.of(0, 1), List.of(1, 2)));
        assertThat(outputs("COLLECT_SET", SqlType.STRING, List.of(), List.of("a", "b", "a"))).last().isEqualTo(List.of("a", "b"));
        assertThat(outputs("MAX", SqlType.STRING, List.of(), Arrays.asList("b", null, "c", "a"))).containsExactly("b", "b", "c", "c");
        assertThat(outputs("MIN", SqlType.DOUBLE, List.of(), Arrays.asList(2.0, null, 1.0))).containsExactly(2.0, 2.0, 1.0);
    }

    @Test
    void shouldCollectAnyNumberOfValuesUnlessALimitArgumentIsGiven() {
        List<Integer> many = new ArrayList<>();
        for (int i = 0; i < 1500; i++) many.add(i);
        assertThat(outputs("COLLECT_LIST", SqlType.INTEGER, List.of(), many).get(1499)).isEqualTo(many);
        assertThat(outputs("COLLECT_SET", SqlType.INTEGER, List.of(), many).get(1499)).isEqualTo(many);
        assertThat(outputs("COLLECT_LIST", SqlType.INTEGER, List.of(1), List.of(0, 100))).containsExactly(List.of(0), List.of(0));
        assertThat(outputs("COLLECT_SET", SqlType.INTEGER, List.of(2), List.of(5, 5, 6, 7))).last().isEqualTo(List.of(5, 6));
        assertThat(outputs("COLLECT_LIST", SqlType.INTEGER, List.of(-1), List.of(1, 2, 3))).last().isEqualTo(List.of(1, 2, 3));
    }

    @Test
    void shouldKeepLatestAndEarliestByOffsetAsInLatestOffsetUdafJson() {
        assertThat(outputs("LATEST_BY_OFFSET", SqlType.INTEGER, List.of(), Arrays.asList(1, null, 3))).containsExactly(1, 1, 3);
        assertThat(outputs("LATEST_BY_OFFSET", SqlType.INTEGER, List.of(false), Arrays.asList(1, null))).containsExactly(1, null);
        assertThat(outputs("LATEST_BY_OFFSET", SqlType.INTEGER, List.of(2), Arrays.asList(1, null, 2, 3)))
                .containsExactly(List.of(1), List.of(1), List.of(1, 2), List.of(2, 3));
        assertThat(outputs("LATEST_BY_OFFSET", SqlType.INTEGER, List.of(2, false), Arrays.asList(1, null)))
                .containsExactly(List.of(1), Arrays.asList(1, null));
        assertThat(outputs("EARLIEST_BY_OFFSET", SqlType.STRING, List.of(), Arrays.asList(null, "a", "b"))).containsExactly(null, "a", "a");
        assertThat(outputs("EARLIEST_BY_OFFSET", SqlType.STRING, List.of(2), Arrays.asList("a", "b", "c")))
                .containsExactly(List.of("a"), List.of("a", "b"), List.of("a", "b"));
    }

    @Test
    void shouldMergeLatestByOffsetBySequenceForSessionWindows() {
        ResolvedAggregate latest = resolve("LATEST_BY_OFFSET", List.of(SqlType.STRING));
        Udaf<Object, Object, Object> udaf = latest.create(List.of());
        Object older = udaf.aggregate("old", udaf.initialize());
        Object newer = udaf.aggregate("new", udaf.initialize());
        assertThat(udaf.map(udaf.merge(newer, older))).isEqualTo("new");
        assertThat(udaf.map(udaf.merge(older, newer))).isEqualTo("new");
    }

    @Test
    void shouldReturnSingleDistinctValueAsInAttrJson() {
        assertThat(outputs("ATTR", SqlType.STRING, List.of(), Arrays.asList("1", "2", "3"))).containsExactly("1", null, null);
        assertThat(outputs("ATTR", SqlType.STRING, List.of(), Arrays.asList("1", null, "1"))).containsExactly("1", null, null);
        assertThat(outputs("ATTR", SqlType.STRING, List.of(), Arrays.asList(null, null))).containsExactly(null, null);
        TableUdaf<Object, Object, Object> attr = (TableUdaf<Object, Object, Object>) resolve("ATTR", List.of(SqlType.STRING)).create(List.of());
        Object state = attr.aggregate("2", attr.aggregate("1", attr.initialize()));
        assertThat(attr.map(state)).isNull();
        assertThat(attr.map(attr.undo("1", state))).isEqualTo("2");
    }

    @Test
    void shouldComputeStandardDeviationsAndCorrelation() {
        List<Object> samp = outputs("STDDEV_SAMP", SqlType.INTEGER, List.of(), List.of(2, 4, 4, 4, 5, 5, 7, 9));
        assertThat((Double) samp.get(7)).isCloseTo(Math.sqrt(32.0 / 7), within(1e-9));
        List<Object> pop = outputs("STDDEV_POP", SqlType.DOUBLE, List.of(), List.of(2.0, 4.0, 4.0, 4.0, 5.0, 5.0, 7.0, 9.0));
        assertThat((Double) pop.get(7)).isCloseTo(2.0, within(1e-9));
        ResolvedAggregate corr = resolve("CORRELATION", List.of(SqlType.DOUBLE, SqlType.DOUBLE));
        Udaf<Object, Object, Object> udaf = corr.create(List.of());
        Object state = udaf.initialize();
        for (int i = 0; i < 5; i++) state = udaf.aggregate(corr.input((double) i, 2.0 * i + 1), state);
        assertThat((Double) udaf.map(state)).isCloseTo(1.0, within(1e-9));
    }
}
