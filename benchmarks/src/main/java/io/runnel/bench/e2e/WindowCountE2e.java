package io.runnel.bench.e2e;

import io.runnel.common.Serdes;
import io.runnel.streams.StreamsBuilder;
import io.runnel.streams.dsl.Consumed;
import io.runnel.streams.dsl.Materialized;
import io.runnel.streams.dsl.Produced;
import io.runnel.streams.dsl.StoreType;
import io.runnel.streams.dsl.TimeWindows;
import io.runnel.streams.serde.WindowedSerdes;
import java.time.Duration;
import java.util.List;

/**
 * Tumbling one-minute count per key in a change-logged persistent window store; event time
 * advances 1 ms per event, so windows close as the run goes (no grace).
 */
final class WindowCountE2e implements E2eScenario {
    private final String[] keys;

    WindowCountE2e(int keys) {
        this.keys = Inputs.keys(keys);
    }

    @Override
    public List<String> inputTopics(String prefix) {
        return List.of(prefix + "events");
    }

    @Override
    public String outputTopic(String prefix) {
        return prefix + "window-counts";
    }

    @Override
    public void load(String prefix, long records, InputSink sink) {
        byte[][] keyBytes = Inputs.utf8(keys);
        byte[] value = {'e'};
        String topic = prefix + "events";
        for (long i = 0; i < records; i++) {
            sink.send(topic, keyBytes[(int) (i % keyBytes.length)], value, i);
        }
    }

    @Override
    public boolean stateful() {
        return true;
    }

    @Override
    public io.runnel.streams.Topology runnel(String prefix) {
        StreamsBuilder b = new StreamsBuilder();
        TimeWindows w = TimeWindows.ofSizeWithNoGrace(Duration.ofMinutes(1));
        b.stream(prefix + "events", Consumed.with(Serdes.string(), Serdes.string()))
                .groupByKey()
                .windowedBy(w)
                .count(Materialized.<String, Long, io.runnel.state.WindowStore<String, Long>>as("window-counts")
                        .withStoreType(StoreType.ROCKS_DB))
                .toStream()
                .to(prefix + "window-counts", Produced.with(WindowedSerdes.timeWindowedSerde(Serdes.string(), w.sizeMs()),
                        Serdes.longSerde()));
        return b.build();
    }

    @Override
    public org.apache.kafka.streams.Topology kafka(String prefix) {
        var s = org.apache.kafka.common.serialization.Serdes.String();
        var b = new org.apache.kafka.streams.StreamsBuilder();
        var w = org.apache.kafka.streams.kstream.TimeWindows.ofSizeWithNoGrace(Duration.ofMinutes(1));
        b.stream(prefix + "events", org.apache.kafka.streams.kstream.Consumed.with(s, s))
                .groupByKey()
                .windowedBy(w)
                .count(org.apache.kafka.streams.kstream.Materialized.as("window-counts"))
                .toStream()
                .to(prefix + "window-counts", org.apache.kafka.streams.kstream.Produced.with(
                        new org.apache.kafka.streams.kstream.WindowedSerdes.TimeWindowedSerde<>(s, w.size()),
                        org.apache.kafka.common.serialization.Serdes.Long()));
        return b.build();
    }

    @Override
    public OutputTracker tracker(long records) {
        return OutputTracker.latestCountsSum(records);
    }
}
