package io.runnel.bench.streams;

import io.runnel.bench.Options;
import io.runnel.bench.Result;
import io.runnel.bench.Workload;
import io.runnel.common.Serdes;
import io.runnel.streams.StreamsBuilder;
import io.runnel.streams.dsl.Consumed;
import io.runnel.streams.dsl.KTable;
import io.runnel.streams.dsl.Produced;
import io.runnel.streams.testing.TestDriver;
import java.util.List;

/** Stream-table join: loads the table (not timed separately), then joins the event stream. */
public final class TableJoinWorkload implements Workload {

    @Override
    public String name() {
        return "streams-table-join";
    }

    @Override
    public String description() {
        return "test driver: stream-table join, --records 5M events, --keys 100000 table rows; Runnel vs Kafka Streams";
    }

    @Override
    public List<Result> run(Options options) throws Exception {
        String[] keys = DriverBench.keys(options.intValue("keys", 100_000));
        return DriverBench.measure(name(), options, 5_000_000, n -> runnel(n, keys), n -> kafka(n, keys));
    }

    static long runnel(long n, String[] keys) {
        StreamsBuilder b = new StreamsBuilder();
        KTable<String, String> users = b.table("users", Consumed.with(Serdes.string(), Serdes.string()));
        b.stream("events", Consumed.with(Serdes.string(), Serdes.string()))
                .join(users, (event, region) -> region)
                .to("enriched", Produced.with(Serdes.string(), Serdes.string()));
        long outputs = 0;
        try (TestDriver d = new TestDriver(b.build())) {
            var table = d.createInputTopic("users", Serdes.string().serializer(), Serdes.string().serializer());
            for (String k : keys) {
                table.pipeInput(k, "region-" + (k.hashCode() & 7), 0);
            }
            var in = d.createInputTopic("events", Serdes.string().serializer(), Serdes.string().serializer());
            var out = d.createOutputTopic("enriched", Serdes.string().deserializer(), Serdes.string().deserializer());
            for (long i = 0; i < n; i++) {
                in.pipeInput(keys[(int) (i % keys.length)], "click", i);
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
        var users = b.table("users", org.apache.kafka.streams.kstream.Consumed.with(s, s));
        b.stream("events", org.apache.kafka.streams.kstream.Consumed.with(s, s))
                .join(users, (event, region) -> region)
                .to("enriched", org.apache.kafka.streams.kstream.Produced.with(s, s));
        long outputs = 0;
        try (var d = new org.apache.kafka.streams.TopologyTestDriver(b.build(), DriverBench.kafkaConfig("table-join"))) {
            var table = d.createInputTopic("users", s.serializer(), s.serializer());
            for (String k : keys) {
                table.pipeInput(k, "region-" + (k.hashCode() & 7), 0L);
            }
            var in = d.createInputTopic("events", s.serializer(), s.serializer());
            var out = d.createOutputTopic("enriched", s.deserializer(), s.deserializer());
            for (long i = 0; i < n; i++) {
                in.pipeInput(keys[(int) (i % keys.length)], "click", i);
                if (i % DriverBench.DRAIN_EVERY == 0) {
                    outputs += out.readKeyValuesToList().size();
                }
            }
            outputs += out.readKeyValuesToList().size();
        }
        return outputs;
    }
}
