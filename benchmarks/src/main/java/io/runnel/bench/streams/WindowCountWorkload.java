package io.runnel.bench.streams;

import io.runnel.bench.Options;
import io.runnel.bench.Result;
import io.runnel.bench.Workload;
import io.runnel.common.Serdes;
import io.runnel.streams.StreamsBuilder;
import io.runnel.streams.dsl.Consumed;
import io.runnel.streams.dsl.Produced;
import io.runnel.streams.dsl.TimeWindows;
import io.runnel.streams.serde.WindowedSerdes;
import io.runnel.streams.testing.TestDriver;
import java.time.Duration;
import java.util.List;

/** Tumbling one-minute count per key; event time advances 1 ms per event (so windows close as it runs). */
public final class WindowCountWorkload implements Workload {

    @Override
    public String name() {
        return "streams-window-count";
    }

    @Override
    public String description() {
        return "test driver: 1-minute tumbling count, --records 5M events, --keys 100000; Runnel vs Kafka Streams";
    }

    @Override
    public List<Result> run(Options options) throws Exception {
        String[] keys = DriverBench.keys(options.intValue("keys", 100_000));
        return DriverBench.measure(name(), options, 5_000_000, n -> runnel(n, keys), n -> kafka(n, keys));
    }

    static long runnel(long n, String[] keys) {
        StreamsBuilder b = new StreamsBuilder();
        TimeWindows w = TimeWindows.ofSizeWithNoGrace(Duration.ofMinutes(1));
        b.stream("events", Consumed.with(Serdes.string(), Serdes.string()))
                .groupByKey()
                .windowedBy(w)
                .count()
                .toStream()
                .to("counts", Produced.with(WindowedSerdes.timeWindowedSerde(Serdes.string(), w.sizeMs()), Serdes.longSerde()));
        long outputs = 0;
        try (TestDriver d = new TestDriver(b.build())) {
            var in = d.createInputTopic("events", Serdes.string().serializer(), Serdes.string().serializer());
            var out = d.createOutputTopic("counts", Serdes.byteArray().deserializer(), Serdes.longSerde().deserializer());
            for (long i = 0; i < n; i++) {
                in.pipeInput(keys[(int) (i % keys.length)], "e", i);
                if (i % DriverBench.DRAIN_EVERY == 0) {
                    outputs += out.readKeyValuesToList().size();
                }
            }
            outputs += out.readKeyValuesToList().size();
        }
        return outputs;
    }

    static long kafka(long n, String[] keys) {
        var s = org.apache.kafka.common.serialization.Serdes.String();
        var b = new org.apache.kafka.streams.StreamsBuilder();
        var w = org.apache.kafka.streams.kstream.TimeWindows.ofSizeWithNoGrace(Duration.ofMinutes(1));
        b.stream("events", org.apache.kafka.streams.kstream.Consumed.with(s, s))
                .groupByKey()
                .windowedBy(w)
                .count()
                .toStream()
                .to("counts", org.apache.kafka.streams.kstream.Produced.with(
                        new org.apache.kafka.streams.kstream.WindowedSerdes.TimeWindowedSerde<>(s, w.size()),
                        org.apache.kafka.common.serialization.Serdes.Long()));
        long outputs = 0;
        try (var d = new org.apache.kafka.streams.TopologyTestDriver(b.build(), DriverBench.kafkaConfig("window-count"))) {
            var in = d.createInputTopic("events", s.serializer(), s.serializer());
            var out = d.createOutputTopic("counts", new org.apache.kafka.common.serialization.ByteArrayDeserializer(),
                    new org.apache.kafka.common.serialization.LongDeserializer());
            for (long i = 0; i < n; i++) {
                in.pipeInput(keys[(int) (i % keys.length)], "e", i);
                if (i % DriverBench.DRAIN_EVERY == 0) {
                    outputs += out.readKeyValuesToList().size();
                }
            }
            outputs += out.readKeyValuesToList().size();
        }
        return outputs;
    }
}
