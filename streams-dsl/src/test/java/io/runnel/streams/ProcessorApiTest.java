package io.runnel.streams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.runnel.common.Serdes;
import io.runnel.state.KeyValue;
import io.runnel.state.KeyValueStore;
import io.runnel.state.Stores;
import io.runnel.streams.processor.Cancellable;
import io.runnel.streams.processor.Processor;
import io.runnel.streams.processor.ProcessorContext;
import io.runnel.streams.processor.PunctuationType;
import io.runnel.streams.processor.Record;
import io.runnel.streams.testing.TestDriver;
import io.runnel.streams.testing.TestInputTopic;
import io.runnel.streams.testing.TestOutputTopic;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProcessorApiTest {

    /** Keeps a running total per key in a store; emits totals on stream-time punctuation. */
    static final class Totals implements Processor<String, String, String, Long> {
        private ProcessorContext<String, Long> context;
        private KeyValueStore<String, Long> store;

        @Override
        public void init(ProcessorContext<String, Long> context) {
            this.context = context;
            this.store = context.getStateStore("totals");
            context.schedule(Duration.ofSeconds(10), PunctuationType.STREAM_TIME, ts -> {
                try (var it = store.all()) {
                    while (it.hasNext()) {
                        KeyValue<String, Long> kv = it.next();
                        context.forward(new Record<>(kv.key(), kv.value(), ts));
                    }
                }
            });
        }

        @Override
        public void process(Record<String, String> record) {
            Long old = store.get(record.key());
            store.put(record.key(), (old == null ? 0 : old) + Long.parseLong(record.value()));
        }
    }

    private static Topology totalsTopology() {
        return new Topology()
                .addSource("in", Serdes.string().deserializer(), Serdes.string().deserializer(), "numbers")
                .addProcessor("totals-proc", Totals::new, "in")
                .addStateStore(Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore("totals"), Serdes.string(),
                        Serdes.longSerde()), "totals-proc")
                .addSink("out", "totals-out", Serdes.string().serializer(), Serdes.longSerde().serializer(), "totals-proc");
    }

    @Test
    void shouldPunctuateOnStreamTimeOncePerIntervalEvenWhenTimeJumps() {
        try (TestDriver d = new TestDriver(totalsTopology())) {
            TestInputTopic<String, String> in = d.createInputTopic("numbers", Serdes.string().serializer(),
                    Serdes.string().serializer());
            TestOutputTopic<String, Long> out = d.createOutputTopic("totals-out", Serdes.string().deserializer(),
                    Serdes.longSerde().deserializer());
            in.pipeInput("a", "1", 0);       // first punctuation at stream time 0, after the record
            assertThat(out.readKeyValuesToList()).containsExactly(KeyValue.pair("a", 1L));
            in.pipeInput("a", "2", 5_000);
            assertThat(out.isEmpty()).isTrue();
            in.pipeInput("b", "5", 35_000);  // jumps three intervals: one punctuation
            assertThat(out.readKeyValuesToList()).containsExactly(KeyValue.pair("a", 3L), KeyValue.pair("b", 5L));
            in.pipeInput("b", "1", 39_999);
            assertThat(out.isEmpty()).isTrue();
            in.pipeInput("b", "1", 40_000);
            assertThat(out.readKeyValuesToList()).containsExactly(KeyValue.pair("a", 3L), KeyValue.pair("b", 7L));
            assertThat(d.<String, Long>getKeyValueStore("totals").get("b")).isEqualTo(7L);
        }
    }

    @Test
    void shouldPunctuateOnWallClockOnlyWhenTheDriverClockMovesAndStopAfterCancel() {
        List<Long> fired = new ArrayList<>();
        Topology t = new Topology()
                .addSource("in", Serdes.string().deserializer(), Serdes.string().deserializer(), "in")
                .addProcessor("p", () -> new Processor<String, String, String, String>() {
                    private Cancellable c;

                    @Override
                    public void init(ProcessorContext<String, String> context) {
                        c = context.schedule(Duration.ofSeconds(1), PunctuationType.WALL_CLOCK_TIME, ts -> {
                            fired.add(ts);
                            if (fired.size() == 2) {
                                c.cancel();
                            }
                        });
                    }

                    @Override
                    public void process(Record<String, String> record) {
                    }
                }, "in");
        try (TestDriver d = new TestDriver(t, Map.of(), Instant.ofEpochMilli(1_000))) {
            d.advanceWallClockTime(Duration.ofMillis(999));
            assertThat(fired).isEmpty();
            d.advanceWallClockTime(Duration.ofMillis(1));
            d.advanceWallClockTime(Duration.ofSeconds(5));
            d.advanceWallClockTime(Duration.ofSeconds(5));
            assertThat(fired).containsExactly(2_000L, 7_000L);
        }
    }

    @Test
    void shouldForwardToANamedChildOnlyAndExposeRecordMetadata() {
        List<String> metadata = new ArrayList<>();
        Topology t = new Topology()
                .addSource("in", Serdes.string().deserializer(), Serdes.string().deserializer(), "in")
                .addProcessor("router", () -> new Processor<String, String, String, String>() {
                    private ProcessorContext<String, String> context;

                    @Override
                    public void init(ProcessorContext<String, String> context) {
                        this.context = context;
                    }

                    @Override
                    public void process(Record<String, String> record) {
                        context.recordMetadata().ifPresent(m -> metadata.add(m.topic() + "/" + m.partition() + "/" + m.offset()));
                        context.forward(record, record.value().startsWith("x") ? "to-x" : "to-y");
                    }
                }, "in")
                .addSink("to-x", "x", Serdes.string().serializer(), Serdes.string().serializer(), "router")
                .addSink("to-y", "y", Serdes.string().serializer(), Serdes.string().serializer(), "router");
        try (TestDriver d = new TestDriver(t)) {
            TestInputTopic<String, String> in = d.createInputTopic("in", Serdes.string().serializer(), Serdes.string().serializer());
            in.pipeInput("k", "x1");
            in.pipeInput("k", "y1");
            assertThat(d.createOutputTopic("x", Serdes.string().deserializer(), Serdes.string().deserializer())
                    .readValuesToList()).containsExactly("x1");
            assertThat(d.createOutputTopic("y", Serdes.string().deserializer(), Serdes.string().deserializer())
                    .readValuesToList()).containsExactly("y1");
            assertThat(metadata).containsExactly("in/0/0", "in/0/1");
        }
    }

    @Test
    void shouldDescribeSubtopologiesSourcesProcessorsStoresAndSinks() {
        assertThat(totalsTopology().describe().toString()).isEqualTo("""
                Topologies:
                   Sub-topology: 0
                    Source: in (topics: [numbers])
                      --> totals-proc
                    Processor: totals-proc (stores: [totals])
                      --> out
                      <-- in
                    Sink: out (topic: totals-out)
                      <-- totals-proc
                """);
    }

    @Test
    void shouldRejectDuplicateNamesUnknownParentsAndSuppliersReturningTheSameInstance() {
        Topology t = new Topology().addSource("in", Serdes.string().deserializer(), Serdes.string().deserializer(), "in");
        assertThatThrownBy(() -> t.addSource("in", Serdes.string().deserializer(), Serdes.string().deserializer(), "other"))
                .isInstanceOf(TopologyException.class).hasMessageContaining("already added");
        assertThatThrownBy(() -> t.addProcessor("p", Totals::new, "nope"))
                .isInstanceOf(TopologyException.class).hasMessageContaining("nope");
        Totals shared = new Totals();
        assertThatThrownBy(() -> t.addProcessor("p", () -> shared, "in"))
                .isInstanceOf(TopologyException.class).hasMessageContaining("new one per call");
    }

    @Test
    void shouldRefuseAccessToAStoreNotConnectedToTheProcessor() {
        Topology t = new Topology()
                .addSource("in", Serdes.string().deserializer(), Serdes.string().deserializer(), "in")
                .addProcessor("p", Totals::new, "in");
        assertThatThrownBy(() -> new TestDriver(t)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("no access to store totals");
    }

    @Test
    void shouldMixDslWithProcessAndProcessValuesUsingAStoreAddedToTheBuilder() {
        StreamsBuilder b = new StreamsBuilder();
        b.addStateStore(Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore("totals"), Serdes.string(), Serdes.longSerde()));
        b.stream("numbers", io.runnel.streams.dsl.Consumed.with(Serdes.string(), Serdes.string()))
                .processValues(() -> new io.runnel.streams.processor.FixedKeyProcessor<String, String, String>() {
                    private io.runnel.streams.processor.FixedKeyProcessorContext<String, String> context;

                    @Override
                    public void init(io.runnel.streams.processor.FixedKeyProcessorContext<String, String> context) {
                        this.context = context;
                    }

                    @Override
                    public void process(io.runnel.streams.processor.FixedKeyRecord<String, String> record) {
                        context.forward(record.withValue(record.value().trim()));
                    }
                })
                .process(Totals::new, "totals");
        try (TestDriver d = new TestDriver(b.build())) {
            TestInputTopic<String, String> in = d.createInputTopic("numbers", Serdes.string().serializer(),
                    Serdes.string().serializer());
            in.pipeInput("a", " 4 ", 0);
            in.pipeInput("a", "6", 1);
            assertThat(d.<String, Long>getKeyValueStore("totals").get("a")).isEqualTo(10L);
        }
    }
}
