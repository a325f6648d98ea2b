package io.runnel.bench.streams;

import io.runnel.bench.Options;
import io.runnel.bench.Result;
import io.runnel.bench.Workload;
import io.runnel.common.Serdes;
import io.runnel.streams.StreamsBuilder;
import io.runnel.streams.dsl.Consumed;
import io.runnel.streams.dsl.Produced;
import io.runnel.streams.testing.TestDriver;
import io.runnel.streams.testing.TestInputTopic;
import io.runnel.streams.testing.TestOutputTopic;
import java.util.List;

/** Stateless: filter (even values) + mapValues over String keys and Long values. */
public final class FilterMapWorkload implements Workload {

    @Override
    public String name() {
        return "streams-filter-map";
    }

    @Override
    public String description() {
        return "test driver: filter + mapValues, --records 5M, --keys 1000; Runnel vs Kafka Streams TopologyTestDriver";
    }

    @Override
    public List<Result> run(Options options) throws Exception {
        String[] keys = DriverBench.keys(options.intValue("keys", 1000));
        return DriverBench.measure(name(), options, 5_000_000, n -> runnel(n, keys), n -> kafka(n, keys));
    }

    static long runnel(long n, String[] keys) {
        StreamsBuilder b = new StreamsBuilder();
        b.stream("in", Consumed.with(Serdes.string(), Serdes.longSerde()))
                .filter((k, v) -> (v & 1) == 0)
                .mapValues(v -> v * 10)
                .to("out", Produced.with(Serdes.string(), Serdes.longSerde()));
        long outputs = 0;
        try (TestDriver d = new TestDriver(b.build())) {
            TestInputTopic<String, Long> in = d.createInputTopic("in", Serdes.string().serializer(), Serdes.longSerde().serializer());
            TestOutputTopic<String, Long> out = d.createOutputTopic("out", Serdes.string().deserializer(),
                    Serdes.longSerde().deserializer());
            for (long i = 0; i < n; i++) {
                in.pipeInput(keys[(int) (i % keys.length)], i, i);
                if (i % DriverBench.DRAIN_EVERY == 0) {
                    outputs += out.readKeyValuesToList().size();
                }
            }
            outputs += out.readKeyValuesToList().size();
        }
        return outputs;
    }

    static long kafka(long n, String[] keys) {
        var b = new org.apache.kafka.streams.StreamsBuilder();
        b.stream("in", org.apache.kafka.streams.kstream.Consumed.with(org.apache.kafka.common.serialization.Serdes.String(),
                        org.apache.kafka.common.serialization.Serdes.Long()))
                .filter((k, v) -> (v & 1) == 0)
                .mapValues(v -> v * 10)
                .to("out", org.apache.kafka.streams.kstream.Produced.with(org.apache.kafka.common.serialization.Serdes.String(),
                        org.apache.kafka.common.serialization.Serdes.Long()));
        long outputs = 0;
        try (var d = new org.apache.kafka.streams.TopologyTestDriver(b.build(), DriverBench.kafkaConfig("filter-map"))) {
            var in = d.createInputTopic("in", new org.apache.kafka.common.serialization.StringSerializer(),
                    new org.apache.kafka.common.serialization.LongSerializer());
            var out = d.createOutputTopic("out", new org.apache.kafka.common.serialization.StringDeserializer(),
                    new org.apache.kafka.common.serialization.LongDeserializer());
            for (long i = 0; i < n; i++) {
                in.pipeInput(keys[(int) (i % keys.length)], i, i);
                if (i % DriverBench.DRAIN_EVERY == 0) {
                    outputs += out.readKeyValuesToList().size();
                }
            }
            outputs += out.readKeyValuesToList().size();
        }
        return outputs;
    }
}
