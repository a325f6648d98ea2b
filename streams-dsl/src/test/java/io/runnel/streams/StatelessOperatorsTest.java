package io.runnel.streams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.runnel.common.Serdes;
import io.runnel.state.KeyValue;
import io.runnel.streams.dsl.Branched;
import io.runnel.streams.dsl.Consumed;
import io.runnel.streams.dsl.KStream;
import io.runnel.streams.dsl.Named;
import io.runnel.streams.dsl.Produced;
import io.runnel.streams.dsl.Repartitioned;
import io.runnel.streams.testing.TestDriver;
import io.runnel.streams.testing.TestInputTopic;
import io.runnel.streams.testing.TestOutputTopic;
import io.runnel.streams.testing.TestRecord;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StatelessOperatorsTest {
    private static final Consumed<String, String> STRINGS = Consumed.with(Serdes.string(), Serdes.string());

    private static TestDriver driver(StreamsBuilder b) {
        return new TestDriver(b.build());
    }

    private static TestInputTopic<String, String> in(TestDriver d) {
        return d.createInputTopic("in", Serdes.string().serializer(), Serdes.string().serializer());
    }

    private static TestOutputTopic<String, String> out(TestDriver d, String topic) {
        return d.createOutputTopic(topic, Serdes.string().deserializer(), Serdes.string().deserializer());
    }

    @Test
    void shouldForwardOnlyRecordsMatchingFilterAndTheRestWithFilterNot() {
        StreamsBuilder b = new StreamsBuilder();
        KStream<String, String> s = b.stream("in", STRINGS);
        s.filter((k, v) -> v.startsWith("a")).to("yes");
        s.filterNot((k, v) -> v.startsWith("a")).to("no");
        try (TestDriver d = driver(b)) {
            in(d).pipeKeyValueList(List.of(KeyValue.pair("1", "apple"), KeyValue.pair("2", "banana"), KeyValue.pair("3", "avocado")));
            assertThat(out(d, "yes").readValuesToList()).containsExactly("apple", "avocado");
            assertThat(out(d, "no").readValuesToList()).containsExactly("banana");
        }
    }

    @Test
    void shouldMapKeysAndValuesAndKeepTimestampAndHeaders() {
        StreamsBuilder b = new StreamsBuilder();
        b.stream("in", STRINGS)
                .map((k, v) -> KeyValue.pair(v, k.length()))
                .to("out", Produced.with(Serdes.string(), Serdes.integer()));
        try (TestDriver d = driver(b)) {
            List<io.runnel.common.Header> headers = List.of(new io.runnel.common.Header("h", new byte[] {1}));
            in(d).pipeInput(new TestRecord<>("key", "value", 42L, headers));
            TestRecord<String, Integer> r = d.createOutputTopic("out", Serdes.string().deserializer(),
                    Serdes.integer().deserializer()).readRecord();
            assertThat(r.key()).isEqualTo("value");
            assertThat(r.value()).isEqualTo(3);
            assertThat(r.timestamp()).isEqualTo(42L);
            assertThat(r.headers()).isEqualTo(headers);
        }
    }

    @Test
    void shouldMapValuesFlatMapAndFlatMapValues() {
        StreamsBuilder b = new StreamsBuilder();
        KStream<String, String> s = b.stream("in", STRINGS);
        s.mapValues(String::toUpperCase).to("upper", Produced.with(Serdes.string(), Serdes.string()));
        s.<String>flatMapValues(v -> Arrays.asList(v.split(" "))).to("words", Produced.with(Serdes.string(), Serdes.string()));
        s.flatMap((k, v) -> List.of(KeyValue.pair(k + "1", v), KeyValue.pair(k + "2", v))).to("twice", Produced.with(Serdes.string(), Serdes.string()));
        try (TestDriver d = driver(b)) {
            in(d).pipeInput("k", "hello world");
            assertThat(out(d, "upper").readValuesToList()).containsExactly("HELLO WORLD");
            assertThat(out(d, "words").readKeyValuesToList())
                    .containsExactly(KeyValue.pair("k", "hello"), KeyValue.pair("k", "world"));
            assertThat(out(d, "twice").readKeyValuesToList())
                    .containsExactly(KeyValue.pair("k1", "hello world"), KeyValue.pair("k2", "hello world"));
        }
    }

    @Test
    void shouldSelectKeyPeekAndForeach() {
        StreamsBuilder b = new StreamsBuilder();
        List<String> peeked = new ArrayList<>();
        List<String> seen = new ArrayList<>();
        KStream<String, String> s = b.stream("in", STRINGS).peek((k, v) -> peeked.add(k + "=" + v));
        s.selectKey((k, v) -> v).to("by-value", Produced.with(Serdes.string(), Serdes.string()));
        s.foreach((k, v) -> seen.add(v));
        try (TestDriver d = driver(b)) {
            in(d).pipeInput("a", "x");
            assertThat(out(d, "by-value").readKeyValue()).isEqualTo(KeyValue.pair("x", "x"));
            assertThat(peeked).containsExactly("a=x");
            assertThat(seen).containsExactly("x");
        }
    }

    @Test
    void shouldRouteEachRecordToTheFirstMatchingBranchOrTheDefault() {
        StreamsBuilder b = new StreamsBuilder();
        Map<String, KStream<String, String>> branches = b.stream("in", STRINGS)
                .split(Named.as("route"))
                .branch((k, v) -> v.startsWith("a"), Branched.as("a"))
                .branch((k, v) -> v.startsWith("b"), Branched.as("b"))
                .defaultBranch(Branched.as("other"));
        assertThat(branches).containsOnlyKeys("route-a", "route-b", "route-other");
        branches.get("route-a").to("a");
        branches.get("route-b").to("b");
        branches.get("route-other").to("other");
        try (TestDriver d = driver(b)) {
            in(d).pipeValueList(List.of("ant", "bee", "cat", "also"));
            assertThat(out(d, "a").readValuesToList()).containsExactly("ant", "also");
            assertThat(out(d, "b").readValuesToList()).containsExactly("bee");
            assertThat(out(d, "other").readValuesToList()).containsExactly("cat");
        }
    }

    @Test
    void shouldMergeTwoStreamsInArrivalOrder() {
        StreamsBuilder b = new StreamsBuilder();
        b.stream("in", STRINGS).merge(b.stream("in2", STRINGS)).to("out");
        try (TestDriver d = driver(b)) {
            TestInputTopic<String, String> in2 = d.createInputTopic("in2", Serdes.string().serializer(),
                    Serdes.string().serializer());
            in(d).pipeInput("k", "1");
            in2.pipeInput("k", "2");
            in(d).pipeInput("k", "3");
            assertThat(out(d, "out").readValuesToList()).containsExactly("1", "2", "3");
        }
    }

    @Test
    void shouldWriteToTheTopicChosenPerRecord() {
        StreamsBuilder b = new StreamsBuilder();
        b.stream("in", STRINGS).to((k, v, ctx) -> "topic-" + k);
        try (TestDriver d = driver(b)) {
            in(d).pipeInput("x", "1");
            in(d).pipeInput("y", "2");
            assertThat(out(d, "topic-x").readValuesToList()).containsExactly("1");
            assertThat(out(d, "topic-y").readValuesToList()).containsExactly("2");
        }
    }

    @Test
    void shouldRepartitionThroughAnInternalTopicNamedAfterTheApplicationAndOperator() {
        StreamsBuilder b = new StreamsBuilder();
        b.stream("in", STRINGS).selectKey((k, v) -> v)
                .repartition(Repartitioned.<String, String>with(Serdes.string(), Serdes.string()).withName("by-value"))
                .to("out");
        Topology t = b.build();
        assertThat(t.describe().subtopologies()).hasSize(2);
        try (TestDriver d = new TestDriver(t, Map.of(StreamsConfig.APPLICATION_ID_CONFIG, "app"), java.time.Instant.EPOCH)) {
            in(d).pipeInput("k", "v");
            assertThat(out(d, "out").readKeyValue()).isEqualTo(KeyValue.pair("v", "v"));
            assertThat(d.producedTopicNames()).contains("app-by-value-repartition");
        }
    }

    @Test
    void shouldFailAtBuildTimeWhenASinkHasNoSerdeForAChangedType() {
        StreamsBuilder b = new StreamsBuilder();
        KStream<String, Integer> s = b.stream("in", STRINGS).mapValues(String::length);
        assertThatThrownBy(() -> s.to("out"))
                .isInstanceOf(TopologyException.class)
                .hasMessageContaining("sink-1")
                .hasMessageContaining("value serde");
    }

    @Test
    void shouldNameOperatorsByKindAndIndexAndLetNamedOverride() {
        StreamsBuilder b = new StreamsBuilder();
        KStream<String, String> s = b.stream("in", STRINGS);
        s.filter((k, v) -> true).filter((k, v) -> true, Named.as("keep-all")).mapValues(v -> v).filter((k, v) -> true)
                .to("out", Produced.with(Serdes.string(), Serdes.string()));
        String text = b.build().describe().toString();
        assertThat(text).contains("Source: source-1 (topics: [in])", "Processor: filter-1", "Processor: keep-all",
                "Processor: map-values-1", "Processor: filter-2", "Sink: sink-1 (topic: out)");
    }
}
