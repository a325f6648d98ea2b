package io.runnel.streams;

import static org.assertj.core.api.Assertions.assertThat;

import io.runnel.common.Header;
import io.runnel.common.SerializationException;
import io.runnel.common.Serdes;
import io.runnel.common.TopicPartition;
import io.runnel.log.Admin;
import io.runnel.log.Consumer;
import io.runnel.log.ConsumerRecord;
import io.runnel.log.EmbeddedLog;
import io.runnel.log.EmbeddedLogConfig;
import io.runnel.log.FlushPolicy;
import io.runnel.log.NewTopic;
import io.runnel.log.OffsetAndMetadata;
import io.runnel.log.Producer;
import io.runnel.log.ProducerRecord;
import io.runnel.log.RecordTooLargeException;
import io.runnel.log.TopicConfig;
import io.runnel.streams.dsl.Consumed;
import io.runnel.streams.dsl.Produced;
import io.runnel.streams.errors.DeserializationExceptionHandler;
import io.runnel.streams.errors.HandlerResponse;
import io.runnel.streams.errors.LogAndContinueExceptionHandler;
import io.runnel.streams.errors.ProcessingExceptionHandler;
import io.runnel.streams.errors.ProductionExceptionHandler;
import io.runnel.streams.processor.Processor;
import io.runnel.streams.processor.ProcessorContext;
import io.runnel.streams.processor.PunctuationType;
import io.runnel.streams.processor.Record;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The runtime's answers to records it cannot deserialize, process or produce, over the embedded
 * log: skipped and counted (and dead-lettered) when the handler continues; otherwise the thread
 * stops, the state listener sees ERROR, the uncaught-exception handler gets the error, and the
 * failed record's offset is not committed (a restart reads it again).
 */
class StreamsRuntimeErrorHandlingTest {
    @TempDir
    Path dir;
    private EmbeddedLog log;
    private StreamsRuntime runtime;
    private final List<StreamsRuntime.State> states = new CopyOnWriteArrayList<>();
    private final List<Throwable> uncaught = new CopyOnWriteArrayList<>();

    @BeforeEach
    void openLog() {
        log = EmbeddedLog.open(EmbeddedLogConfig.of(dir.resolve("log")).withFlushPolicy(FlushPolicy.NONE));
        try (Admin admin = log.admin()) {
            admin.createTopic(new NewTopic("in", 1));
            admin.createTopic(new NewTopic("out", 1, Map.of(TopicConfig.MAX_MESSAGE_BYTES, "300")));
        }
    }

    @AfterEach
    void close() {
        if (runtime != null) {
            runtime.close();
        }
        log.close();
    }

    /** Doubles Long values from "in" to "out"; a value of 13 makes the processor throw; 99 becomes a 1 KB string. */
    private static Topology doubling() {
        StreamsBuilder b = new StreamsBuilder();
        b.stream("in", Consumed.with(Serdes.string(), Serdes.longSerde()))
                .mapValues(v -> {
                    if (v == 13) {
                        throw new IllegalStateException("unlucky " + v);
                    }
                    return v == 99 ? "x".repeat(1000) : Long.toString(v * 2);
                })
                .to("out", Produced.with(Serdes.string(), Serdes.string()));
        return b.build();
    }

    /**
     * Passes Long values from "in" to "out" through a processor named "ticking" that schedules a
     * punctuator of the given type every 10 ms; the punctuator throws "tick failed" each time.
     */
    private static Topology punctuating(PunctuationType type) {
        Topology t = new Topology()
                .addSource("in-source", Serdes.string().deserializer(), Serdes.longSerde().deserializer(), "in")
                .addProcessor("ticking", () -> new Processor<String, Long, String, String>() {
                    private ProcessorContext<String, String> context;

                    @Override
                    public void init(ProcessorContext<String, String> context) {
                        this.context = context;
                        context.schedule(Duration.ofMillis(10), type, ts -> {
                            throw new IllegalStateException("tick failed");
                        });
                    }

                    @Override
                    public void process(Record<String, Long> record) {
                        context.forward(record.withValue(Long.toString(record.value())));
                    }
                }, "in-source")
                .addSink("out-sink", "out", Serdes.string().serializer(), Serdes.string().serializer(), "ticking");
        return t;
    }

    private void start(Map<String, Object> extra) {
        start(doubling(), extra);
    }

    private void start(Topology topology, Map<String, Object> extra) {
        Map<String, Object> config = new HashMap<>(Map.of(StreamsConfig.APPLICATION_ID_CONFIG, "errors",
                StreamsConfig.STATE_DIR_CONFIG, dir.resolve("state").toString(),
                StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, "20"));
        config.putAll(extra);
        runtime = new StreamsRuntime(topology, config, log);
        runtime.setStateListener((n, o) -> states.add(n));
        runtime.setUncaughtExceptionHandler(uncaught::add);
        runtime.start();
    }

    /** Writes the values in order; a null value stands for 3 bytes no Long deserializer accepts. */
    private void produce(Long... values) {
        try (Producer<String, byte[]> p = log.producer(Map.of(), Serdes.string().serializer(), Serdes.byteArray().serializer())) {
            for (Long v : values) {
                byte[] bytes = v == null ? new byte[] {1, 2, 3} : Serdes.longSerde().serializer().serialize("in", v);
                p.send(new ProducerRecord<>("in", "k", bytes));
            }
            p.flush();
        }
    }

    private List<ConsumerRecord<String, byte[]>> read(String topic, int atLeast) {
        List<ConsumerRecord<String, byte[]>> out = new ArrayList<>();
        try (Consumer<String, byte[]> c = log.consumer(Map.of("auto.offset.reset", "earliest"), Serdes.string().deserializer(),
                Serdes.byteArray().deserializer())) {
            c.assign(List.of(new TopicPartition(topic, 0)));
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (out.size() < atLeast && System.nanoTime() < deadline) {
                c.poll(Duration.ofMillis(50)).forEach(out::add);
            }
        }
        return out;
    }

    private static List<String> values(List<ConsumerRecord<String, byte[]>> records) {
        return records.stream().map(r -> new String(r.value(), StandardCharsets.UTF_8)).toList();
    }

    private static void await(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("waiting for " + what).isLessThan(deadline);
            Thread.sleep(10);
        }
    }

    private long committed() {
        try (Admin admin = log.admin()) {
            OffsetAndMetadata o = admin.consumerGroupOffsets("errors").get(new TopicPartition("in", 0));
            return o == null ? 0 : o.offset();
        }
    }

    @Test
    void shouldSkipCountAndDeadLetterARecordThatCannotBeDeserializedWhenTheHandlerContinues() throws Exception {
        produce(1L, null, 2L);
        start(Map.of(StreamsConfig.DEFAULT_DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG,
                        LogAndContinueExceptionHandler.class.getName(),
                StreamsConfig.ERRORS_DEAD_LETTER_QUEUE_TOPIC_NAME_CONFIG, "dead-letters"));

        assertThat(values(read("out", 2))).containsExactly("2", "4");
        List<ConsumerRecord<String, byte[]>> dead = read("dead-letters", 1);
        assertThat(dead).hasSize(1);
        assertThat(dead.get(0).key()).isEqualTo("k");
        assertThat(dead.get(0).value()).containsExactly(1, 2, 3);
        Map<String, String> headers = new HashMap<>();
        for (Header h : dead.get(0).headers()) {
            headers.put(h.key(), new String(h.value(), StandardCharsets.UTF_8));
        }
        assertThat(headers).containsEntry("__streams.errors.topic", "in")
                .containsEntry("__streams.errors.partition", "0")
                .containsEntry("__streams.errors.offset", "1")
                .containsEntry("__streams.errors.exception", SerializationException.class.getName())
                .containsKey("__streams.errors.stacktrace").containsKey("__streams.errors.message");
        await(() -> runtime.droppedRecords() == 1, "one dropped record");
        assertThat(runtime.state()).isEqualTo(StreamsRuntime.State.RUNNING);
        assertThat(uncaught).isEmpty();
    }

    @Test
    void shouldStopTheThreadVisiblyWithoutCommittingAPoisonRecordWhenDeserializationFailsByDefault() throws Exception {
        produce(1L, null, 2L);
        start(Map.of());

        await(() -> states.contains(StreamsRuntime.State.ERROR), "state ERROR");
        assertThat(uncaught).singleElement().isInstanceOf(StreamsException.class)
                .satisfies(e -> assertThat(e.getCause()).isInstanceOf(SerializationException.class))
                .satisfies(e -> assertThat(e.getMessage()).contains("in-0 offset 1"));
        assertThat(committed()).as("the poison record's offset is not committed").isLessThanOrEqualTo(1);
    }

    @Test
    void shouldDropARecordTheProcessorThrowsOnWhenTheProcessingHandlerContinues() throws Exception {
        List<String> seen = new CopyOnWriteArrayList<>();
        ProcessingExceptionHandler handler = (context, record, exception) -> {
            seen.add(context.processorNodeId() + "@" + context.offset() + ":" + exception.getMessage());
            return HandlerResponse.CONTINUE;
        };
        produce(1L, 13L, 2L);
        start(Map.of(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_CLASS_CONFIG, handler));

        assertThat(values(read("out", 2))).containsExactly("2", "4");
        assertThat(seen).singleElement().asString().contains("@1:unlucky 13");
        await(() -> runtime.droppedRecords() == 1, "one dropped record");
        await(() -> committed() == 3, "all three offsets committed");
        assertThat(runtime.state()).isEqualTo(StreamsRuntime.State.RUNNING);
    }

    @Test
    void shouldStopTheThreadVisiblyWhenAProcessorThrowsByDefault() throws Exception {
        produce(1L, 13L, 2L);
        start(Map.of());

        await(() -> states.contains(StreamsRuntime.State.ERROR), "state ERROR");
        assertThat(uncaught).singleElement().isInstanceOf(StreamsException.class)
                .satisfies(e -> assertThat(e.getCause()).isInstanceOf(IllegalStateException.class).hasMessage("unlucky 13"));
        assertThat(committed()).isLessThanOrEqualTo(1);
    }

    @Test
    void shouldHandAPunctuatorsExceptionToTheProcessingHandlerWithNoRecordAndKeepRunningWhenItContinues()
            throws Exception {
        List<String> seen = new CopyOnWriteArrayList<>();
        ProcessingExceptionHandler handler = (context, record, exception) -> {
            seen.add(context.processorNodeId() + " record=" + record + " topic='" + context.topic() + "' offset="
                    + context.offset() + ": " + exception.getMessage());
            return HandlerResponse.CONTINUE;
        };
        try (Producer<String, Long> p = log.producer(Map.of(), Serdes.string().serializer(), Serdes.longSerde().serializer())) {
            for (long i = 0; i < 3; i++) {
                p.send(new ProducerRecord<>("in", 0, i * 100, "k", i, List.of()));
            }
            p.flush();
        }
        start(punctuating(PunctuationType.STREAM_TIME), Map.of(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_CLASS_CONFIG,
                handler));

        assertThat(values(read("out", 3))).containsExactly("0", "1", "2");
        await(() -> seen.size() == 3, "a failed punctuation per record (stream time moved 100 ms each)");
        assertThat(seen).allSatisfy(s -> assertThat(s).isEqualTo("ticking record=null topic='' offset=-1: tick failed"));
        await(() -> committed() == 3, "all three offsets committed");
        assertThat(runtime.state()).isEqualTo(StreamsRuntime.State.RUNNING);
        assertThat(uncaught).isEmpty();
    }

    @Test
    void shouldStopTheThreadVisiblyWhenAWallClockPunctuatorThrowsByDefault() throws Exception {
        start(punctuating(PunctuationType.WALL_CLOCK_TIME), Map.of());

        await(() -> states.contains(StreamsRuntime.State.ERROR), "state ERROR");
        assertThat(uncaught).singleElement().isInstanceOf(StreamsException.class)
                .satisfies(e -> assertThat(e.getMessage()).contains("punctuation of processor ticking"))
                .satisfies(e -> assertThat(e.getCause()).isInstanceOf(IllegalStateException.class).hasMessage("tick failed"));
    }

    @Test
    void shouldDropAnOutputRecordTheLogRefusesWhenTheProductionHandlerContinues() throws Exception {
        List<Exception> seen = new CopyOnWriteArrayList<>();
        ProductionExceptionHandler handler = (context, topic, key, value, exception) -> {
            seen.add(exception);
            return HandlerResponse.CONTINUE;
        };
        produce(1L, 99L, 2L);
        start(Map.of(StreamsConfig.DEFAULT_PRODUCTION_EXCEPTION_HANDLER_CLASS_CONFIG, handler));

        assertThat(values(read("out", 2))).containsExactly("2", "4");
        assertThat(seen).singleElement().isInstanceOf(RecordTooLargeException.class);
        await(() -> runtime.droppedRecords() == 1, "one dropped record");
        assertThat(runtime.state()).isEqualTo(StreamsRuntime.State.RUNNING);
    }

    @Test
    void shouldStopTheThreadVisiblyWhenTheLogRefusesAnOutputRecordByDefault() throws Exception {
        produce(1L, 99L, 2L);
        start(Map.of());

        await(() -> states.contains(StreamsRuntime.State.ERROR), "state ERROR");
        assertThat(uncaught).singleElement().isInstanceOf(StreamsException.class)
                .satisfies(e -> assertThat(e.getCause()).isInstanceOf(RecordTooLargeException.class));
        assertThat(committed()).isLessThanOrEqualTo(1);
    }

    @Test
    void shouldAcceptAHandlerInstanceOrClassNameAndRejectAnythingElse() {
        Map<String, Object> config = Map.of(StreamsConfig.APPLICATION_ID_CONFIG, "x",
                StreamsConfig.DEFAULT_DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG, "java.lang.String");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new StreamsRuntime(doubling(), config, log))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(StreamsConfig.DEFAULT_DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG);
        DeserializationExceptionHandler instance = DeserializationExceptionHandler.logAndContinue();
        new StreamsRuntime(doubling(), Map.of(StreamsConfig.APPLICATION_ID_CONFIG, "x",
                StreamsConfig.DEFAULT_DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG, instance), log).close();
    }
}
