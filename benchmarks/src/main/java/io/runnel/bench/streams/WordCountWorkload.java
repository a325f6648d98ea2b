package io.runnel.bench.streams;

import io.runnel.bench.Options;
import io.runnel.bench.Result;
import io.runnel.bench.Workload;
import io.runnel.common.Serdes;
import io.runnel.streams.StreamsBuilder;
import io.runnel.streams.dsl.Consumed;
import io.runnel.streams.dsl.Grouped;
import io.runnel.streams.dsl.Produced;
import io.runnel.streams.testing.TestDriver;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/** Word count: flatMapValues split, groupBy word (repartition), count; lines of 10 words from a 10k vocabulary. */
public final class WordCountWorkload implements Workload {

    @Override
    public String name() {
        return "streams-wordcount";
    }

    @Override
    public String description() {
        return "test driver: word count, --records 1M lines of 10 words, --keys 10000 words; Runnel vs Kafka Streams";
    }

    static String[] lines(int distinctLines, int vocabulary) {
        Random random = new Random(42);
        String[] lines = new String[distinctLines];
        for (int i = 0; i < distinctLines; i++) {
            StringBuilder sb = new StringBuilder();
            for (int w = 0; w < 10; w++) {
                sb.append(w == 0 ? "" : " ").append("w").append(random.nextInt(vocabulary));
            }
            lines[i] = sb.toString();
        }
        return lines;
    }

    @Override
    public List<Result> run(Options options) throws Exception {
        String[] lines = lines(10_000, options.intValue("keys", 10_000));
        return DriverBench.measure(name(), options, 1_000_000, n -> runnel(n, lines), n -> kafka(n, lines));
    }

    static long runnel(long n, String[] lines) {
        StreamsBuilder b = new StreamsBuilder();
        b.stream("lines", Consumed.with(Serdes.string(), Serdes.string()))
                .flatMapValues(line -> Arrays.asList(line.split(" ")))
                .groupBy((k, word) -> word, Grouped.with(Serdes.string(), Serdes.string()))
                .count()
                .toStream()
                .to("counts", Produced.with(Serdes.string(), Serdes.longSerde()));
        long outputs = 0;
        try (TestDriver d = new TestDriver(b.build())) {
            var in = d.createInputTopic("lines", Serdes.string().serializer(), Serdes.string().serializer());
            var out = d.createOutputTopic("counts", Serdes.string().deserializer(), Serdes.longSerde().deserializer());
            for (long i = 0; i < n; i++) {
                in.pipeInput(null, lines[(int) (i % lines.length)], i);
                if (i % DriverBench.DRAIN_EVERY == 0) {
                    outputs += out.readKeyValuesToList().size();
                }
            }
            outputs += out.readKeyValuesToList().size();
        }
        return outputs;
    }

    static long kafka(long n, String[] lines) {
        var s = org.apache.kafka.common.serialization.Serdes.String();
        var b = new org.apache.kafka.streams.StreamsBuilder();
        b.stream("lines", org.apache.kafka.streams.kstream.Consumed.with(s, s))
                .flatMapValues(line -> Arrays.asList(line.split(" ")))
                .groupBy((k, word) -> word, org.apache.kafka.streams.kstream.Grouped.with(s, s))
                .count()
                .toStream()
                .to("counts", org.apache.kafka.streams.kstream.Produced.with(s, org.apache.kafka.common.serialization.Serdes.Long()));
        long outputs = 0;
        try (var d = new org.apache.kafka.streams.TopologyTestDriver(b.build(), DriverBench.kafkaConfig("wordcount"))) {
            var in = d.createInputTopic("lines", s.serializer(), s.serializer());
            var out = d.createOutputTopic("counts", s.deserializer(),
                    new org.apache.kafka.common.serialization.LongDeserializer());
            for (long i = 0; i < n; i++) {
                in.pipeInput(null, lines[(int) (i % lines.length)], i);
                if (i % DriverBench.DRAIN_EVERY == 0) {
                    outputs += out.readKeyValuesToList().size();
                }
            }
            outputs += out.readKeyValuesToList().size();
        }
        return outputs;
    }
}
