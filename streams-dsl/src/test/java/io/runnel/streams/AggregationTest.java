package io.runnel.streams;

import static org.assertj.core.api.Assertions.assertThat;

import io.runnel.common.Serdes;
import io.runnel.state.KeyValue;
import io.runnel.state.KeyValueStore;
import io.runnel.streams.dsl.Consumed;
import io.runnel.streams.dsl.Grouped;
import io.runnel.streams.dsl.Materialized;
import io.runnel.streams.dsl.Produced;
import io.runnel.streams.testing.TestDriver;
import io.runnel.streams.testing.TestInputTopic;
import io.runnel.streams.testing.TestOutputTopic;
import io.runnel.streams.testing.TestRecord;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class AggregationTest {
    private static final Consumed<String, String> STRINGS = Consumed.with(Serdes.string(), Serdes.string());

    private static TestInputTopic<String, String> in(TestDriver d) {
        return d.createInputTopic("in", Serdes.string().serializer(), Serdes.string().serializer());
    }

    private static TestOutputTopic<String, Long> longs(TestDriver d) {
        return d.createOutputTopic("out", Serdes.string().deserializer(), Serdes.longSerde().deserializer());
    }

    @Test
    void shouldEmitUpdatedCountWhenSameKeyArrivesTwice() {
        StreamsBuilder b = new StreamsBuilder();
        b.stream("in", STRINGS).groupByKey().count(Materialized.as("counts")).toStream()
                .to("out", Produced.with(Serdes.string(), Serdes.longSerde()));
        try (TestDriver d = new TestDriver(b.build())) {
            in(d).pipeInput("a", "x", 1);
            in(d).pipeInput("b", "x", 2);
            in(d).pipeInput("a", "y", 3);
            assertThat(longs(d).readKeyValuesToList()).containsExactly(KeyValue.pair("a", 1L), KeyValue.pair("b", 1L),
                    KeyValue.pair("a", 2L));
            KeyValueStore<String, Long> store = d.getKeyValueStore("counts");
            assertThat(store.get("a")).isEqualTo(2L);
        }
    }

    @Test
    void shouldCountWordsAfterRepartitioningByWord() {
        StreamsBuilder b = new StreamsBuilder();
        b.stream("in", STRINGS)
                .flatMapValues(line -> Arrays.asList(line.toLowerCase().split("\\W+")))
                .groupBy((k, word) -> word, Grouped.with(Serdes.string(), Serdes.string()))
                .count()
                .toStream().to("out", Produced.with(Serdes.string(), Serdes.longSerde()));
        Topology t = b.build();
        assertThat(t.describe().subtopologies()).hasSize(2);
        try (TestDriver d = new TestDriver(t)) {
            in(d).pipeInput(null, "the cat and the hat");
            assertThat(longs(d).readKeyValuesToMap()).containsEntry("the", 2L).containsEntry("cat", 1L)
                    .containsEntry("hat", 1L).containsEntry("and", 1L);
        }
    }

    @Test
    void shouldDropRecordsWithNullKeyOrValueAndCountThemAsDropped() {
        StreamsBuilder b = new StreamsBuilder();
        b.stream("in", STRINGS).groupByKey().count().toStream().to("out", Produced.with(Serdes.string(), Serdes.longSerde()));
        try (TestDriver d = new TestDriver(b.build())) {
            in(d).pipeInput(null, "x");
            in(d).pipeInput("a", null);
            in(d).pipeInput("a", "x");
            assertThat(longs(d).readKeyValuesToList()).containsExactly(KeyValue.pair("a", 1L));
            assertThat(d.metrics().get("dropped-records-total")).isEqualTo(2L);
        }
    }

    @Test
    void shouldReduceAndAggregateWithMaxTimestampOfInputs() {
        StreamsBuilder b = new StreamsBuilder();
        var grouped = b.stream("in", STRINGS).groupByKey();
        grouped.reduce((agg, v) -> agg + v).toStream().to("reduced");
        grouped.aggregate(() -> 0, (k, v, agg) -> agg + v.length(),
                        Materialized.<String, Integer, KeyValueStore<String, Integer>>as("lengths").withValueSerde(Serdes.integer()))
                .toStream().to("lengths", Produced.with(Serdes.string(), Serdes.integer()));
        try (TestDriver d = new TestDriver(b.build())) {
            in(d).pipeInput("k", "ab", 10);
            in(d).pipeInput("k", "c", 5);
            List<TestRecord<String, String>> reduced = d.createOutputTopic("reduced", Serdes.string().deserializer(),
                    Serdes.string().deserializer()).readRecordsToList();
            assertThat(reduced).extracting(TestRecord::value).containsExactly("ab", "abc");
            assertThat(reduced).extracting(TestRecord::timestamp).containsExactly(10L, 10L);
            assertThat(d.createOutputTopic("lengths", Serdes.string().deserializer(), Serdes.integer().deserializer())
                    .readValuesToList()).containsExactly(2, 3);
        }
    }
}
