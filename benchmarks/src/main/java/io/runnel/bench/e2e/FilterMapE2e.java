package io.runnel.bench.e2e;

import io.runnel.common.Serdes;
import io.runnel.streams.StreamsBuilder;
import io.runnel.streams.dsl.Consumed;
import io.runnel.streams.dsl.Produced;
import java.util.List;

/** Stateless: filter (even values) + mapValues (× 10) over String keys and Long values. */
final class FilterMapE2e implements E2eScenario {
    private final String[] keys;

    FilterMapE2e(int keys) {
        this.keys = Inputs.keys(keys);
    }

    @Override
    public List<String> inputTopics(String prefix) {
        return List.of(prefix + "in");
    }

    @Override
    public String outputTopic(String prefix) {
        return prefix + "out";
    }

    @Override
    public void load(String prefix, long records, InputSink sink) {
        byte[][] keyBytes = Inputs.utf8(keys);
        String topic = prefix + "in";
        for (long i = 0; i < records; i++) {
            sink.send(topic, keyBytes[(int) (i % keyBytes.length)], Inputs.longBytes(i), i);
        }
    }

    @Override
    public boolean stateful() {
        return false;
    }

    @Override
    public io.runnel.streams.Topology runnel(String prefix) {
        StreamsBuilder b = new StreamsBuilder();
        b.stream(prefix + "in", Consumed.with(Serdes.string(), Serdes.longSerde()))
                .filter((k, v) -> (v & 1) == 0)
                .mapValues(v -> v * 10)
                .to(prefix + "out", Produced.with(Serdes.string(), Serdes.longSerde()));
        return b.build();
    }

    @Override
    public org.apache.kafka.streams.Topology kafka(String prefix) {
        var b = new org.apache.kafka.streams.StreamsBuilder();
        var s = org.apache.kafka.common.serialization.Serdes.String();
        var l = org.apache.kafka.common.serialization.Serdes.Long();
        b.stream(prefix + "in", org.apache.kafka.streams.kstream.Consumed.with(s, l))
                .filter((k, v) -> (v & 1) == 0)
                .mapValues(v -> v * 10)
                .to(prefix + "out", org.apache.kafka.streams.kstream.Produced.with(s, l));
        return b.build();
    }

    @Override
    public OutputTracker tracker(long records) {
        return OutputTracker.count((records + 1) / 2);
    }
}
