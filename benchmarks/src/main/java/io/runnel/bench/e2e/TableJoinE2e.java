package io.runnel.bench.e2e;

import io.runnel.common.Serdes;
import io.runnel.streams.StreamsBuilder;
import io.runnel.streams.dsl.Consumed;
import io.runnel.streams.dsl.KTable;
import io.runnel.streams.dsl.Materialized;
import io.runnel.streams.dsl.Produced;
import io.runnel.streams.dsl.StoreType;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Stream-table join: a table topic of {@code keys} rows (timestamp 0) and an event stream (timestamps
 * 1..n, keys cycling over the table's), both pre-loaded; the table is materialized in a persistent
 * store. Every event has its row, so the run is done after one output per event.
 */
final class TableJoinE2e implements E2eScenario {
    private final String[] keys;

    TableJoinE2e(int keys) {
        this.keys = Inputs.keys(keys);
    }

    @Override
    public List<String> inputTopics(String prefix) {
        return List.of(prefix + "users", prefix + "clicks");
    }

    @Override
    public String outputTopic(String prefix) {
        return prefix + "enriched";
    }

    @Override
    public void load(String prefix, long records, InputSink sink) {
        byte[][] keyBytes = Inputs.utf8(keys);
        for (int i = 0; i < keys.length; i++) {
            sink.send(prefix + "users", keyBytes[i], ("region-" + (i & 7)).getBytes(StandardCharsets.UTF_8), 0);
        }
        byte[] click = "click".getBytes(StandardCharsets.UTF_8);
        String topic = prefix + "clicks";
        for (long i = 0; i < records; i++) {
            sink.send(topic, keyBytes[(int) (i % keyBytes.length)], click, 1 + i);
        }
    }

    @Override
    public boolean stateful() {
        return true;
    }

    @Override
    public io.runnel.streams.Topology runnel(String prefix) {
        StreamsBuilder b = new StreamsBuilder();
        KTable<String, String> users = b.table(prefix + "users", Consumed.with(Serdes.string(), Serdes.string()),
                Materialized.<String, String, io.runnel.state.KeyValueStore<String, String>>as("users")
                        .withStoreType(StoreType.ROCKS_DB));
        b.stream(prefix + "clicks", Consumed.with(Serdes.string(), Serdes.string()))
                .join(users, (click, region) -> region)
                .to(prefix + "enriched", Produced.with(Serdes.string(), Serdes.string()));
        return b.build();
    }

    @Override
    public org.apache.kafka.streams.Topology kafka(String prefix) {
        var s = org.apache.kafka.common.serialization.Serdes.String();
        var b = new org.apache.kafka.streams.StreamsBuilder();
        org.apache.kafka.streams.kstream.KTable<String, String> users = b.table(prefix + "users",
                org.apache.kafka.streams.kstream.Consumed.with(s, s), org.apache.kafka.streams.kstream.Materialized.as("users"));
        b.stream(prefix + "clicks", org.apache.kafka.streams.kstream.Consumed.with(s, s))
                .join(users, (click, region) -> region)
                .to(prefix + "enriched", org.apache.kafka.streams.kstream.Produced.with(s, s));
        return b.build();
    }

    @Override
    public OutputTracker tracker(long records) {
        return OutputTracker.count(records);
    }
}
