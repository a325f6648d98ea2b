package io.runnel.bench.e2e;

import io.runnel.common.Serdes;
import io.runnel.streams.StreamsBuilder;
import io.runnel.streams.dsl.Consumed;
import io.runnel.streams.dsl.Grouped;
import io.runnel.streams.dsl.Materialized;
import io.runnel.streams.dsl.Produced;
import io.runnel.streams.dsl.StoreType;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Word count: lines of {@value #WORDS_PER_LINE} words drawn (seeded) from a vocabulary, split with
 * flatMapValues, re-keyed by word through a repartition topic, counted in a change-logged
 * persistent store. records_per_s counts lines; words_per_s is ten times that.
 */
final class WordCountE2e implements E2eScenario {
    static final int WORDS_PER_LINE = 10;
    private final int vocabulary;

    WordCountE2e(int vocabulary) {
        this.vocabulary = vocabulary;
    }

    @Override
    public List<String> inputTopics(String prefix) {
        return List.of(prefix + "lines");
    }

    @Override
    public String outputTopic(String prefix) {
        return prefix + "counts";
    }

    @Override
    public void load(String prefix, long records, InputSink sink) {
        SplittableRandom random = new SplittableRandom(42);
        String topic = prefix + "lines";
        StringBuilder sb = new StringBuilder();
        for (long i = 0; i < records; i++) {
            sb.setLength(0);
            for (int w = 0; w < WORDS_PER_LINE; w++) {
                sb.append(w == 0 ? "" : " ").append('w').append(random.nextInt(vocabulary));
            }
            sink.send(topic, null, sb.toString().getBytes(StandardCharsets.UTF_8), i);
        }
    }

    @Override
    public boolean stateful() {
        return true;
    }

    @Override
    public io.runnel.streams.Topology runnel(String prefix) {
        StreamsBuilder b = new StreamsBuilder();
        b.stream(prefix + "lines", Consumed.with(Serdes.string(), Serdes.string()))
                .flatMapValues(line -> Arrays.asList(line.split(" ")))
                .groupBy((k, word) -> word, Grouped.with(Serdes.string(), Serdes.string()).withName("words"))
                .count(Materialized.<String, Long, io.runnel.state.KeyValueStore<String, Long>>as("counts")
                        .withStoreType(StoreType.ROCKS_DB))
                .toStream()
                .to(prefix + "counts", Produced.with(Serdes.string(), Serdes.longSerde()));
        return b.build();
    }

    @Override
    public org.apache.kafka.streams.Topology kafka(String prefix) {
        var s = org.apache.kafka.common.serialization.Serdes.String();
        var b = new org.apache.kafka.streams.StreamsBuilder();
        b.stream(prefix + "lines", org.apache.kafka.streams.kstream.Consumed.with(s, s))
                .flatMapValues(line -> Arrays.asList(line.split(" ")))
                .groupBy((k, word) -> word, org.apache.kafka.streams.kstream.Grouped.with("words", s, s))
                .count(org.apache.kafka.streams.kstream.Materialized.as("counts"))
                .toStream()
                .to(prefix + "counts", org.apache.kafka.streams.kstream.Produced.with(s,
                        org.apache.kafka.common.serialization.Serdes.Long()));
        return b.build();
    }

    @Override
    public OutputTracker tracker(long records) {
        return OutputTracker.latestCountsSum(records * WORDS_PER_LINE);
    }

    @Override
    public Map<String, Object> figures(long records, double seconds) {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("words", records * WORDS_PER_LINE);
        f.put("words_per_s", Math.round(records * WORDS_PER_LINE / seconds));
        f.put("vocabulary", vocabulary);
        return f;
    }
}
