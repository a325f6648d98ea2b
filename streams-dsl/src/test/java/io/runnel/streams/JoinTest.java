package io.runnel.streams;

import static org.assertj.core.api.Assertions.assertThat;

import io.runnel.common.Serdes;
import io.runnel.state.KeyValue;
import io.runnel.streams.dsl.Consumed;
import io.runnel.streams.dsl.GlobalKTable;
import io.runnel.streams.dsl.JoinWindows;
import io.runnel.streams.dsl.KStream;
import io.runnel.streams.dsl.Produced;
import io.runnel.streams.dsl.StreamJoined;
import io.runnel.streams.testing.TestDriver;
import io.runnel.streams.testing.TestInputTopic;
import io.runnel.streams.testing.TestOutputTopic;
import io.runnel.streams.testing.TestRecord;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class JoinTest {
    private static final Consumed<String, String> STRINGS = Consumed.with(Serdes.string(), Serdes.string());
    private static final Produced<String, String> OUT = Produced.with(Serdes.string(), Serdes.string());

    private static TestInputTopic<String, String> topic(TestDriver d, String name) {
        return d.createInputTopic(name, Serdes.string().serializer(), Serdes.string().serializer());
    }

    private static TestOutputTopic<String, String> out(TestDriver d) {
        return d.createOutputTopic("out", Serdes.string().deserializer(), Serdes.string().deserializer());
    }

    private static TestDriver streamJoin(String type, JoinWindows windows) {
        StreamsBuilder b = new StreamsBuilder();
        KStream<String, String> left = b.stream("left", STRINGS);
        KStream<String, String> right = b.stream("right", STRINGS);
        StreamJoined<String, String, String> sj = StreamJoined.with(Serdes.string(), Serdes.string(), Serdes.string());
        KStream<String, String> joined = switch (type) {
            case "inner" -> left.join(right, (l, r) -> l + "+" + r, windows, sj);
            case "left" -> left.leftJoin(right, (l, r) -> l + "+" + r, windows, sj);
            default -> left.outerJoin(right, (l, r) -> l + "+" + r, windows, sj);
        };
        joined.to("out", OUT);
        return new TestDriver(b.build());
    }

    @Test
    void shouldJoinStreamRecordsWithinTheWindowInEitherOrder() {
        try (TestDriver d = streamJoin("inner", JoinWindows.ofTimeDifferenceWithNoGrace(Duration.ofSeconds(10)))) {
            topic(d, "left").pipeInput("k", "L1", 1_000);
            topic(d, "right").pipeInput("k", "R1", 5_000);
            topic(d, "right").pipeInput("k", "R2", 20_000);  // too far from L1
            topic(d, "left").pipeInput("k", "L2", 15_000);   // joins R1 (10s) and R2 (5s)
            topic(d, "right").pipeInput("x", "R3", 15_000);  // other key
            java.util.List<TestRecord<String, String>> records = out(d).readRecordsToList();
            assertThat(records).extracting(TestRecord::value).containsExactly("L1+R1", "L2+R1", "L2+R2");
            assertThat(records).extracting(TestRecord::timestamp).containsExactly(5_000L, 15_000L, 20_000L);
        }
    }

    @Test
    void shouldEmitLeftJoinWithNullOnlyAfterTheWindowClosesWithoutAMatch() {
        try (TestDriver d = streamJoin("left", JoinWindows.ofTimeDifferenceAndGrace(Duration.ofSeconds(5), Duration.ofSeconds(1)))) {
            topic(d, "left").pipeInput("a", "La", 0);
            topic(d, "left").pipeInput("b", "Lb", 0);
            topic(d, "right").pipeInput("b", "Rb", 3_000);
            assertThat(out(d).readValuesToList()).containsExactly("Lb+Rb");
            topic(d, "left").pipeInput("c", "Lc", 6_000); // stream time 6s = 0 + 5s + 1s: not yet closed
            assertThat(out(d).isEmpty()).isTrue();
            topic(d, "left").pipeInput("c", "Lc2", 6_001); // now La's window is closed
            assertThat(out(d).readKeyValuesToList()).containsExactly(KeyValue.pair("a", "La+null"));
        }
    }

    @Test
    void shouldEmitAnUnmatchedLeftRecordAtOnceAndAgainWithItsMatchWithLegacyWindows() {
        try (TestDriver d = streamJoin("left", JoinWindows.of(Duration.ofSeconds(5)))) {
            topic(d, "left").pipeInput("a", "La", 0);
            topic(d, "right").pipeInput("a", "Ra", 3_000);
            assertThat(out(d).readValuesToList()).containsExactly("La+null", "La+Ra");
        }
    }

    @Test
    void shouldEmitALateUnmatchedLeftRecordAtOnceWhenItsWindowHasClosed() {
        try (TestDriver d = streamJoin("left", JoinWindows.ofTimeDifferenceAndGrace(Duration.ofSeconds(1), Duration.ofSeconds(1)))) {
            topic(d, "left").pipeInput("a", "La", 10_000);
            topic(d, "left").pipeInput("b", "Lb", 1_000); // window [0, 2s] closed at stream time 10s
            assertThat(out(d).readKeyValuesToList()).containsExactly(KeyValue.pair("b", "Lb+null"));
        }
    }

    @Test
    void shouldEmitOuterJoinResultsForUnmatchedRecordsOfBothSides() {
        try (TestDriver d = streamJoin("outer", JoinWindows.ofTimeDifferenceWithNoGrace(Duration.ofSeconds(1)))) {
            topic(d, "left").pipeInput("a", "La", 0);
            topic(d, "right").pipeInput("b", "Rb", 500);
            topic(d, "right").pipeInput("z", "Rz", 5_000);
            assertThat(out(d).readKeyValuesToList()).containsExactly(KeyValue.pair("a", "La+null"), KeyValue.pair("b", "null+Rb"));
        }
    }

    @Test
    void shouldDropStreamJoinRecordsLaterThanTheGrace() {
        try (TestDriver d = streamJoin("inner", JoinWindows.ofTimeDifferenceWithNoGrace(Duration.ofSeconds(1)))) {
            topic(d, "right").pipeInput("k", "R", 10_000);
            topic(d, "left").pipeInput("k", "L", 1_000);
            assertThat(out(d).isEmpty()).isTrue();
            assertThat(d.metrics().get("dropped-records-total")).isEqualTo(1L);
        }
    }

    @Test
    void shouldEnrichStreamWithCurrentTableValueAndDropWhenMissingInInnerJoin() {
        StreamsBuilder b = new StreamsBuilder();
        var users = b.table("users", STRINGS);
        KStream<String, String> clicks = b.stream("clicks", STRINGS);
        clicks.join(users, (click, region) -> click + "@" + region).to("out", OUT);
        clicks.leftJoin(users, (click, region) -> click + "@" + region).to("left-out", OUT);
        try (TestDriver d = new TestDriver(b.build())) {
            topic(d, "clicks").pipeInput("alice", "c1");
            topic(d, "users").pipeInput("alice", "eu");
            topic(d, "clicks").pipeInput("alice", "c2");
            topic(d, "users").pipeInput("alice", "us");
            topic(d, "clicks").pipeInput("alice", "c3");
            topic(d, "users").pipeInput("alice", null);
            topic(d, "clicks").pipeInput("alice", "c4");
            assertThat(out(d).readValuesToList()).containsExactly("c2@eu", "c3@us");
            assertThat(d.createOutputTopic("left-out", Serdes.string().deserializer(), Serdes.string().deserializer())
                    .readValuesToList()).containsExactly("c1@null", "c2@eu", "c3@us", "c4@null");
        }
    }

    @Test
    void shouldRepartitionStreamWithChangedKeyBeforeTableJoin() {
        StreamsBuilder b = new StreamsBuilder();
        var users = b.table("users", STRINGS);
        b.stream("clicks", STRINGS).selectKey((k, v) -> v)
                .join(users, (click, region) -> click + "@" + region).to("out", OUT);
        Topology t = b.build();
        assertThat(t.describe().toString()).contains("join-1-repartition");
        try (TestDriver d = new TestDriver(t)) {
            topic(d, "users").pipeInput("bob", "eu");
            topic(d, "clicks").pipeInput("page1", "bob");
            assertThat(out(d).readKeyValuesToList()).containsExactly(KeyValue.pair("bob", "bob@eu"));
        }
    }

    @Test
    void shouldJoinGlobalTableByAnyKeyWithoutRepartitioning() {
        StreamsBuilder b = new StreamsBuilder();
        GlobalKTable<String, String> products = b.globalTable("products", STRINGS);
        KStream<String, String> orders = b.stream("orders", STRINGS); // value = product id
        orders.join(products, (orderId, productId) -> productId, (productId, name) -> name).to("out", OUT);
        orders.leftJoin(products, (orderId, productId) -> productId, (productId, name) -> productId + ":" + name)
                .to("left-out", OUT);
        try (TestDriver d = new TestDriver(b.build())) {
            topic(d, "products").pipeInput("p1", "pen");
            topic(d, "orders").pipeInput("o1", "p1");
            topic(d, "orders").pipeInput("o2", "p2");
            assertThat(out(d).readKeyValuesToList()).containsExactly(KeyValue.pair("o1", "pen"));
            assertThat(d.createOutputTopic("left-out", Serdes.string().deserializer(), Serdes.string().deserializer())
                    .readValuesToList()).containsExactly("p1:pen", "p2:null");
            assertThat(d.<String, String>getKeyValueStore(products.queryableStoreName()).get("p1")).isEqualTo("pen");
        }
    }
}
