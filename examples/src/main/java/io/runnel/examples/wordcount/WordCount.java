package io.runnel.examples.wordcount;

import io.runnel.common.Serdes;
import io.runnel.state.KeyValue;
import io.runnel.streams.StreamsBuilder;
import io.runnel.streams.Topology;
import io.runnel.streams.dsl.Consumed;
import io.runnel.streams.dsl.Grouped;
import io.runnel.streams.dsl.Materialized;
import io.runnel.streams.dsl.Produced;
import io.runnel.streams.testing.TestDriver;
import io.runnel.streams.testing.TestInputTopic;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;

/**
 * The classic: counts words in lines of text. Reads {@code text-lines} (String values), writes
 * {@code word-counts} (word → Long count, one update per occurrence). The counts live in the
 * store {@code word-counts}.
 *
 * <p>Run: {@code java -cp ... io.runnel.examples.wordcount.WordCount} — pipes a few lines through
 * the test driver and prints the final counts.
 */
public final class WordCount {
    public static final String INPUT = "text-lines";
    public static final String OUTPUT = "word-counts";

    private WordCount() {
    }

    public static Topology topology() {
        StreamsBuilder builder = new StreamsBuilder();
        builder.stream(INPUT, Consumed.with(Serdes.string(), Serdes.string()))
                .flatMapValues(line -> Arrays.asList(line.toLowerCase(Locale.ROOT).split("\\W+")))
                .filter((key, word) -> !word.isEmpty())
                .groupBy((key, word) -> word, Grouped.with(Serdes.string(), Serdes.string()).withName("words"))
                .count(Materialized.as("word-counts"))
                .toStream()
                .to(OUTPUT, Produced.with(Serdes.string(), Serdes.longSerde()));
        return builder.build();
    }

    public static void main(String[] args) {
        Topology topology = topology();
        System.out.println(topology.describe());
        try (TestDriver driver = new TestDriver(topology)) {
            TestInputTopic<String, String> lines = driver.createInputTopic(INPUT, Serdes.string().serializer(),
                    Serdes.string().serializer());
            lines.pipeInput("all streams lead to kafka");
            lines.pipeInput("hello kafka streams");
            lines.pipeInput("join kafka summit");
            Map<String, Long> counts = driver.createOutputTopic(OUTPUT, Serdes.string().deserializer(),
                    Serdes.longSerde().deserializer()).readKeyValuesToMap();
            counts.forEach((word, count) -> System.out.println(KeyValue.pair(word, count)));
        }
    }
}
