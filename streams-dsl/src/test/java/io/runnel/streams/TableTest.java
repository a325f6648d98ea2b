package io.runnel.streams;

import static org.assertj.core.api.Assertions.assertThat;

import io.runnel.common.Serdes;
import io.runnel.state.KeyValue;
import io.runnel.state.KeyValueStore;
import io.runnel.streams.dsl.Consumed;
import io.runnel.streams.dsl.Grouped;
import io.runnel.streams.dsl.KTable;
import io.runnel.streams.dsl.Materialized;
import io.runnel.streams.dsl.Produced;
import io.runnel.streams.testing.TestDriver;
import io.runnel.streams.testing.TestInputTopic;
import io.runnel.streams.testing.TestOutputTopic;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class TableTest {
    private static final Consumed<String, String> STRINGS = Consumed.with(Serdes.string(), Serdes.string());
    private static final Produced<String, String> OUT = Produced.with(Serdes.string(), Serdes.string());

    private static TestInputTopic<String, String> topic(TestDriver d, String name) {
        return d.createInputTopic(name, Serdes.string().serializer(), Serdes.string().serializer());
    }

    private static TestOutputTopic<String, String> out(TestDriver d) {
        return d.createOutputTopic("out", Serdes.string().deserializer(), Serdes.string().deserializer());
    }

    @Test
    void shouldDeleteRowOnTombstoneAndPropagateTheTombstone() {
        StreamsBuilder b = new StreamsBuilder();
        b.table("t", STRINGS, Materialized.as("t-store")).toStream().to("out", OUT);
        try (TestDriver d = new TestDriver(b.build())) {
            topic(d, "t").pipeInput("a", "1");
            topic(d, "t").pipeInput("a", null);
            assertThat(out(d).readKeyValuesToList()).containsExactly(KeyValue.pair("a", "1"), KeyValue.pair("a", null));
            KeyValueStore<String, String> store = d.getKeyValueStore("t-store");
            assertThat(store.get("a")).isNull();
        }
    }

    @Test
    void shouldTurnRowsThatStopMatchingAFilterIntoTombstones() {
        StreamsBuilder b = new StreamsBuilder();
        b.table("t", STRINGS).filter((k, v) -> v.startsWith("keep")).toStream().to("out", OUT);
        try (TestDriver d = new TestDriver(b.build())) {
            topic(d, "t").pipeInput("a", "keep1");
            topic(d, "t").pipeInput("a", "drop");
            topic(d, "t").pipeInput("b", "drop");
            assertThat(out(d).readKeyValuesToList()).containsExactly(KeyValue.pair("a", "keep1"), KeyValue.pair("a", null));
        }
    }

    @Test
    void shouldMapTableValuesAndKeepTombstones() {
        StreamsBuilder b = new StreamsBuilder();
        b.table("t", STRINGS).mapValues(String::length).toStream().to("out", Produced.with(Serdes.string(), Serdes.integer()));
        try (TestDriver d = new TestDriver(b.build())) {
            topic(d, "t").pipeInput("a", "abc");
            topic(d, "t").pipeInput("a", null);
            assertThat(d.createOutputTopic("out", Serdes.string().deserializer(), Serdes.integer().deserializer())
                    .readKeyValuesToList()).containsExactly(KeyValue.pair("a", 3), KeyValue.pair("a", null));
        }
    }

    private static StreamsBuilder tableJoin(String type) {
        StreamsBuilder b = new StreamsBuilder();
        KTable<String, String> left = b.table("left", STRINGS);
        KTable<String, String> right = b.table("right", STRINGS);
        KTable<String, String> joined = switch (type) {
            case "inner" -> left.join(right, (l, r) -> l + "+" + r);
            case "left" -> left.leftJoin(right, (l, r) -> l + "+" + r);
            default -> left.outerJoin(right, (l, r) -> l + "+" + r);
        };
        joined.toStream().to("out", OUT);
        return b;
    }

    @Test
    void shouldEmitInnerTableJoinOnlyWhileBothSidesExistAndTombstoneWhenOneIsDeleted() {
        try (TestDriver d = new TestDriver(tableJoin("inner").build())) {
            topic(d, "left").pipeInput("k", "L1");
            topic(d, "right").pipeInput("k", "R1");
            topic(d, "left").pipeInput("k", "L2");
            topic(d, "right").pipeInput("k", null);
            topic(d, "left").pipeInput("k", "L3");
            assertThat(out(d).readKeyValuesToList()).containsExactly(KeyValue.pair("k", "L1+R1"), KeyValue.pair("k", "L2+R1"),
                    KeyValue.pair("k", null));
        }
    }

    @Test
    void shouldEmitLeftTableJoinWithNullRightSide() {
        try (TestDriver d = new TestDriver(tableJoin("left").build())) {
            topic(d, "left").pipeInput("k", "L1");
            topic(d, "right").pipeInput("k", "R1");
            topic(d, "right").pipeInput("k", null);
            topic(d, "left").pipeInput("k", null);
            topic(d, "right").pipeInput("x", "R");
            assertThat(out(d).readKeyValuesToList()).containsExactly(KeyValue.pair("k", "L1+null"), KeyValue.pair("k", "L1+R1"),
                    KeyValue.pair("k", "L1+null"), KeyValue.pair("k", null));
        }
    }

    @Test
    void shouldEmitOuterTableJoinFromEitherSide() {
        try (TestDriver d = new TestDriver(tableJoin("outer").build())) {
            topic(d, "right").pipeInput("k", "R1");
            topic(d, "left").pipeInput("k", "L1");
            topic(d, "right").pipeInput("k", null);
            topic(d, "left").pipeInput("k", null);
            assertThat(out(d).readKeyValuesToList()).containsExactly(KeyValue.pair("k", "null+R1"), KeyValue.pair("k", "L1+R1"),
                    KeyValue.pair("k", "L1+null"), KeyValue.pair("k", null));
        }
    }

    @Test
    void shouldJoinByForeignKeyAndFollowChangesOfEitherSide() {
        StreamsBuilder b = new StreamsBuilder();
        KTable<String, String> orders = b.table("orders", STRINGS); // value: "<customer>:<item>"
        KTable<String, String> customers = b.table("customers", STRINGS);
        orders.join(customers, v -> v.split(":")[0], (o, c) -> o + "@" + c).toStream().to("out", OUT);
        try (TestDriver d = new TestDriver(b.build())) {
            topic(d, "customers").pipeInput("c1", "Alice");
            topic(d, "orders").pipeInput("o1", "c1:book");
            topic(d, "orders").pipeInput("o2", "c2:pen");
            topic(d, "customers").pipeInput("c2", "Bob");
            topic(d, "customers").pipeInput("c1", "Alicia");
            topic(d, "orders").pipeInput("o1", "c2:book");
            topic(d, "customers").pipeInput("c1", "Ally");
            topic(d, "orders").pipeInput("o2", null);
            assertThat(out(d).readKeyValuesToList()).containsExactly(
                    KeyValue.pair("o1", "c1:book@Alice"),
                    KeyValue.pair("o2", "c2:pen@Bob"),
                    KeyValue.pair("o1", "c1:book@Alicia"),
                    KeyValue.pair("o1", "c2:book@Bob"),
                    KeyValue.pair("o2", null));
        }
    }

    @Test
    void shouldLeftJoinByForeignKeyWithNullWhenTheOtherRowIsMissing() {
        StreamsBuilder b = new StreamsBuilder();
        b.table("orders", STRINGS).leftJoin(b.table("customers", STRINGS), v -> v.split(":")[0], (o, c) -> o + "@" + c)
                .toStream().to("out", OUT);
        try (TestDriver d = new TestDriver(b.build())) {
            topic(d, "orders").pipeInput("o1", "c1:book");
            topic(d, "customers").pipeInput("c1", "Alice");
            topic(d, "customers").pipeInput("c1", null);
            assertThat(out(d).readValuesToList()).containsExactly("c1:book@null", "c1:book@Alice", "c1:book@null");
        }
    }

    @Test
    void shouldSubtractOldValueFromOldGroupWhenRowMovesToAnotherGroup() {
        StreamsBuilder b = new StreamsBuilder();
        // user -> region; count users per region
        b.table("users", STRINGS)
                .groupBy((user, region) -> KeyValue.pair(region, user), Grouped.with(Serdes.string(), Serdes.string()))
                .count(Materialized.as("users-per-region"))
                .toStream().to("out", Produced.with(Serdes.string(), Serdes.longSerde()));
        try (TestDriver d = new TestDriver(b.build())) {
            topic(d, "users").pipeInput("alice", "eu");
            topic(d, "users").pipeInput("bob", "eu");
            topic(d, "users").pipeInput("alice", "us");
            topic(d, "users").pipeInput("bob", null);
            assertThat(d.createOutputTopic("out", Serdes.string().deserializer(), Serdes.longSerde().deserializer())
                    .readKeyValuesToList()).containsExactly(
                    KeyValue.pair("eu", 1L), KeyValue.pair("eu", 2L), KeyValue.pair("eu", 1L), KeyValue.pair("us", 1L),
                    KeyValue.pair("eu", 0L));
            KeyValueStore<String, Long> store = d.getKeyValueStore("users-per-region");
            assertThat(store.get("us")).isEqualTo(1L);
        }
    }

    @Test
    void shouldAggregateGroupedTableWithAdderAndSubtractorInOneUpdateWhenTheGroupStaysTheSame() {
        StreamsBuilder b = new StreamsBuilder();
        b.table("scores", STRINGS)
                .groupBy((player, score) -> KeyValue.pair("all", score), Grouped.with(Serdes.string(), Serdes.string()))
                .aggregate(() -> 0, (k, v, agg) -> agg + Integer.parseInt(v), (k, v, agg) -> agg - Integer.parseInt(v),
                        Materialized.<String, Integer, KeyValueStore<String, Integer>>with(Serdes.string(), Serdes.integer()))
                .toStream().to("out", Produced.with(Serdes.string(), Serdes.integer()));
        try (TestDriver d = new TestDriver(b.build())) {
            topic(d, "scores").pipeInput("p1", "10");
            topic(d, "scores").pipeInput("p2", "5");
            topic(d, "scores").pipeInput("p1", "20");
            assertThat(d.createOutputTopic("out", Serdes.string().deserializer(), Serdes.integer().deserializer())
                    .readValuesToList()).containsExactly(10, 15, 25);
        }
    }

    @Test
    void shouldTreatStreamAsChangelogWithToTable() {
        StreamsBuilder b = new StreamsBuilder();
        b.stream("in", STRINGS).flatMapValues(v -> Arrays.asList(v.split(",")))
                .toTable(Materialized.with(Serdes.string(), Serdes.string())).toStream().to("out", OUT);
        try (TestDriver d = new TestDriver(b.build())) {
            topic(d, "in").pipeInput("k", "a,b");
            assertThat(out(d).readValuesToList()).containsExactly("a", "b");
            assertThat(d.<String, String>getKeyValueStore("to-table-1-store").get("k")).isEqualTo("b");
        }
    }
}
