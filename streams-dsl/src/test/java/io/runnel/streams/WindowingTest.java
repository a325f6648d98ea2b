package io.runnel.streams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.runnel.common.Serde;
import io.runnel.common.Serdes;
import io.runnel.state.KeyValue;
import io.runnel.state.WindowStore;
import io.runnel.state.Windowed;
import io.runnel.streams.dsl.Consumed;
import io.runnel.streams.dsl.EmitStrategy;
import io.runnel.streams.dsl.Materialized;
import io.runnel.streams.dsl.Produced;
import io.runnel.streams.dsl.SessionWindows;
import io.runnel.streams.dsl.SlidingWindows;
import io.runnel.streams.dsl.Suppressed;
import io.runnel.streams.dsl.TimeWindows;
import io.runnel.streams.serde.WindowedSerdes;
import io.runnel.streams.testing.TestDriver;
import io.runnel.streams.testing.TestInputTopic;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class WindowingTest {
    private static final Consumed<String, String> STRINGS = Consumed.with(Serdes.string(), Serdes.string());
    private static final Duration TEN_SECONDS = Duration.ofSeconds(10);

    private static TestInputTopic<String, String> in(TestDriver d) {
        return d.createInputTopic("in", Serdes.string().serializer(), Serdes.string().serializer());
    }

    private static List<KeyValue<String, Long>> readWindowed(TestDriver d, Serde<Windowed<String>> serde) {
        return d.createOutputTopic("out", serde.deserializer(), Serdes.longSerde().deserializer())
                .readKeyValuesToList().stream()
                .map(kv -> KeyValue.pair(kv.key().key() + "@" + kv.key().window().start() + "-" + kv.key().window().end(),
                        kv.value()))
                .toList();
    }

    private static StreamsBuilder tumblingCount(TimeWindows windows) {
        StreamsBuilder b = new StreamsBuilder();
        b.stream("in", STRINGS).groupByKey().windowedBy(windows).count(Materialized.as("window-counts")).toStream()
                .to("out", Produced.with(WindowedSerdes.timeWindowedSerde(Serdes.string(), windows.sizeMs()), Serdes.longSerde()));
        return b;
    }

    @Test
    void shouldCountPerTumblingWindowIncludingOutOfOrderRecordsWithinGrace() {
        TimeWindows w = TimeWindows.ofSizeAndGrace(TEN_SECONDS, Duration.ofSeconds(5));
        try (TestDriver d = new TestDriver(tumblingCount(w).build())) {
            in(d).pipeInput("a", "x", 1_000);
            in(d).pipeInput("a", "x", 11_000);
            in(d).pipeInput("a", "x", 9_000);   // out of order, window [0,10s) still open (stream time 11s < 10s + 5s)
            in(d).pipeInput("a", "x", 16_000);  // stream time 16s closes [0,10s)
            in(d).pipeInput("a", "x", 2_000);   // late: dropped
            assertThat(readWindowed(d, WindowedSerdes.timeWindowedSerde(Serdes.string(), w.sizeMs()))).containsExactly(
                    KeyValue.pair("a@0-10000", 1L),
                    KeyValue.pair("a@10000-20000", 1L),
                    KeyValue.pair("a@0-10000", 2L),
                    KeyValue.pair("a@10000-20000", 2L));
            assertThat(d.metrics().get("dropped-records-total")).isEqualTo(1L);
            WindowStore<String, Long> store = d.getWindowStore("window-counts");
            assertThat(store.fetch("a", 0L)).isEqualTo(2L);
        }
    }

    @Test
    void shouldDropRecordForClosedWindowWithNoGrace() {
        TimeWindows w = TimeWindows.ofSizeWithNoGrace(TEN_SECONDS);
        try (TestDriver d = new TestDriver(tumblingCount(w).build())) {
            in(d).pipeInput("a", "x", 10_000);
            in(d).pipeInput("a", "x", 9_999);
            assertThat(readWindowed(d, WindowedSerdes.timeWindowedSerde(Serdes.string(), w.sizeMs())))
                    .containsExactly(KeyValue.pair("a@10000-20000", 1L));
            assertThat(d.metrics().get("dropped-records-total")).isEqualTo(1L);
        }
    }

    @Test
    void shouldAddRecordToEveryHoppingWindowContainingIt() {
        TimeWindows w = TimeWindows.ofSizeWithNoGrace(TEN_SECONDS).advanceBy(Duration.ofSeconds(5));
        try (TestDriver d = new TestDriver(tumblingCount(w).build())) {
            in(d).pipeInput("a", "x", 7_000);
            assertThat(readWindowed(d, WindowedSerdes.timeWindowedSerde(Serdes.string(), w.sizeMs())))
                    .containsExactly(KeyValue.pair("a@0-10000", 1L), KeyValue.pair("a@5000-15000", 1L));
        }
    }

    @Test
    void shouldEmitOnlyTheFinalCountOfAWindowWhenSuppressedUntilItCloses() {
        TimeWindows w = TimeWindows.ofSizeAndGrace(TEN_SECONDS, Duration.ofSeconds(2));
        StreamsBuilder b = new StreamsBuilder();
        b.stream("in", STRINGS).groupByKey().windowedBy(w).count()
                .suppress(Suppressed.untilWindowCloses(Suppressed.BufferConfig.unbounded()))
                .toStream()
                .to("out", Produced.with(WindowedSerdes.timeWindowedSerde(Serdes.string(), w.sizeMs()), Serdes.longSerde()));
        try (TestDriver d = new TestDriver(b.build())) {
            in(d).pipeInput("a", "x", 1_000);
            in(d).pipeInput("a", "x", 2_000);
            in(d).pipeInput("b", "x", 3_000);
            in(d).pipeInput("a", "x", 11_000);
            assertThat(readWindowed(d, WindowedSerdes.timeWindowedSerde(Serdes.string(), w.sizeMs()))).isEmpty();
            in(d).pipeInput("c", "x", 12_000); // stream time 12s = window end 10s + grace 2s: [0,10s) closes
            assertThat(readWindowed(d, WindowedSerdes.timeWindowedSerde(Serdes.string(), w.sizeMs())))
                    .containsExactly(KeyValue.pair("a@0-10000", 2L), KeyValue.pair("b@0-10000", 1L));
        }
    }

    private static StreamsBuilder countOnWindowClose(TimeWindows windows) {
        StreamsBuilder b = new StreamsBuilder();
        b.stream("in", STRINGS).groupByKey().windowedBy(windows).emitStrategy(EmitStrategy.onWindowClose())
                .count(Materialized.as("window-counts")).toStream()
                .to("out", Produced.with(WindowedSerdes.timeWindowedSerde(Serdes.string(), windows.sizeMs()), Serdes.longSerde()));
        return b;
    }

    @Test
    void shouldEmitEachTumblingWindowOnceWhenStreamTimePassesItsEndPlusGrace() {
        TimeWindows w = TimeWindows.ofSizeAndGrace(Duration.ofMillis(2), Duration.ofMillis(1));
        try (TestDriver d = new TestDriver(countOnWindowClose(w).build())) {
            in(d).pipeInput("a", "x", 0);
            in(d).pipeInput("b", "x", 1);
            in(d).pipeInput("a", "x", 2);
            in(d).pipeInput("a", "x", 1);   // within grace: [0,2) takes it
            assertThat(readWindowed(d, WindowedSerdes.timeWindowedSerde(Serdes.string(), w.sizeMs()))).isEmpty();
            in(d).pipeInput("a", "x", 3);   // close time 2: [0,2) is final
            assertThat(readWindowed(d, WindowedSerdes.timeWindowedSerde(Serdes.string(), w.sizeMs())))
                    .containsExactly(KeyValue.pair("a@0-2", 2L), KeyValue.pair("b@0-2", 1L));
            in(d).pipeInput("a", "x", 0);   // late: dropped, nothing emitted again
            in(d).pipeInput("a", "x", 5);   // close time 4: [2,4) is final
            assertThat(readWindowed(d, WindowedSerdes.timeWindowedSerde(Serdes.string(), w.sizeMs())))
                    .containsExactly(KeyValue.pair("a@2-4", 2L));
            assertThat(d.metrics().get("dropped-records-total")).isEqualTo(1L);
        }
    }

    @Test
    void shouldEmitATumblingWindowAsSoonAsStreamTimeReachesItsEndWithZeroGrace() {
        TimeWindows w = TimeWindows.ofSizeWithNoGrace(Duration.ofMillis(2));
        try (TestDriver d = new TestDriver(countOnWindowClose(w).build())) {
            in(d).pipeInput("a", "x", 0);
            in(d).pipeInput("a", "x", 1);
            assertThat(readWindowed(d, WindowedSerdes.timeWindowedSerde(Serdes.string(), w.sizeMs()))).isEmpty();
            in(d).pipeInput("a", "x", 2);
            assertThat(readWindowed(d, WindowedSerdes.timeWindowedSerde(Serdes.string(), w.sizeMs())))
                    .containsExactly(KeyValue.pair("a@0-2", 2L));
        }
    }

    @Test
    void shouldNotEmitWindowsOlderThanTheStoreRetentionBehindTheNewestWindowOnWindowClose() {
        // As Kafka Streams' time-ordered store: retention is size + grace behind the newest window start.
        TimeWindows w = TimeWindows.ofSizeAndGrace(Duration.ofMillis(2), Duration.ofMillis(1));
        try (TestDriver d = new TestDriver(countOnWindowClose(w).build())) {
            in(d).pipeInput("a", "x", 0);
            in(d).pipeInput("a", "x", 2);
            in(d).pipeInput("a", "x", 5);   // close time 4, newest window start 4: only starts >= 1 are kept
            assertThat(readWindowed(d, WindowedSerdes.timeWindowedSerde(Serdes.string(), w.sizeMs())))
                    .containsExactly(KeyValue.pair("a@2-4", 1L));
        }
    }

    @Test
    void shouldEmitHoppingWindowsOnceEachWhenTheyClose() {
        TimeWindows w = TimeWindows.ofSizeAndGrace(Duration.ofMillis(5), Duration.ofMillis(1)).advanceBy(Duration.ofMillis(2));
        try (TestDriver d = new TestDriver(countOnWindowClose(w).build())) {
            for (long ts : new long[] {0, 1, 2, 1, 6, 5, 10}) {
                in(d).pipeInput("a", "x", ts);
            }
            assertThat(readWindowed(d, WindowedSerdes.timeWindowedSerde(Serdes.string(), w.sizeMs())))
                    .containsExactly(KeyValue.pair("a@0-5", 4L), KeyValue.pair("a@4-9", 2L));
        }
    }

    @Test
    void shouldRejectEmitOnWindowCloseForSlidingWindows() {
        StreamsBuilder b = new StreamsBuilder();
        assertThatThrownBy(() -> b.stream("in", STRINGS).groupByKey()
                .windowedBy(SlidingWindows.ofTimeDifferenceWithNoGrace(TEN_SECONDS))
                .emitStrategy(EmitStrategy.onWindowClose()).count())
                .isInstanceOf(TopologyException.class).hasMessageContaining("sliding");
    }

    @Test
    void shouldEmitLatestValueAfterTimeLimitWhenSuppressedUntilTimeLimit() {
        StreamsBuilder b = new StreamsBuilder();
        b.stream("in", STRINGS).groupByKey().count()
                .suppress(Suppressed.untilTimeLimit(Duration.ofSeconds(5), Suppressed.BufferConfig.maxRecords(100)))
                .toStream().to("out", Produced.with(Serdes.string(), Serdes.longSerde()));
        try (TestDriver d = new TestDriver(b.build())) {
            in(d).pipeInput("a", "x", 0);
            in(d).pipeInput("a", "x", 1_000);
            in(d).pipeInput("b", "x", 4_000);
            var out = d.createOutputTopic("out", Serdes.string().deserializer(), Serdes.longSerde().deserializer());
            assertThat(out.isEmpty()).isTrue();
            in(d).pipeInput("c", "x", 5_000);
            assertThat(out.readKeyValuesToList()).containsExactly(KeyValue.pair("a", 2L));
        }
    }

    @Test
    void shouldEmitOldestEarlyWhenBufferIsFullAndConfiguredToEmitEarly() {
        StreamsBuilder b = new StreamsBuilder();
        b.stream("in", STRINGS).groupByKey().count()
                .suppress(Suppressed.untilTimeLimit(Duration.ofHours(1), Suppressed.BufferConfig.maxRecords(1)))
                .toStream().to("out", Produced.with(Serdes.string(), Serdes.longSerde()));
        try (TestDriver d = new TestDriver(b.build())) {
            in(d).pipeInput("a", "x", 0);
            in(d).pipeInput("b", "x", 1);
            assertThat(d.createOutputTopic("out", Serdes.string().deserializer(), Serdes.longSerde().deserializer())
                    .readKeyValuesToList()).containsExactly(KeyValue.pair("a", 1L));
        }
    }

    @Test
    void shouldRejectSuppressUntilWindowClosesOnANonWindowedTable() {
        StreamsBuilder b = new StreamsBuilder();
        var table = b.stream("in", STRINGS).groupByKey().count();
        assertThatThrownBy(() -> table.suppress(Suppressed.untilWindowCloses(Suppressed.BufferConfig.unbounded())))
                .isInstanceOf(TopologyException.class);
    }

    @Test
    void shouldMergeSessionsBridgedByARecordAndRemoveTheOldOnes() {
        StreamsBuilder b = new StreamsBuilder();
        b.stream("in", STRINGS).groupByKey()
                .windowedBy(SessionWindows.ofInactivityGapAndGrace(Duration.ofSeconds(5), Duration.ofSeconds(10)))
                .count().toStream()
                .to("out", Produced.with(WindowedSerdes.sessionWindowedSerde(Serdes.string()), Serdes.longSerde()));
        try (TestDriver d = new TestDriver(b.build())) {
            in(d).pipeInput("a", "x", 0);
            in(d).pipeInput("a", "x", 10_000);
            in(d).pipeInput("a", "x", 5_000); // bridges [0,0] and [10s,10s]
            assertThat(readWindowed(d, WindowedSerdes.sessionWindowedSerde(Serdes.string()))).containsExactly(
                    KeyValue.pair("a@0-0", 1L),
                    KeyValue.pair("a@10000-10000", 1L),
                    KeyValue.pair("a@0-0", null),
                    KeyValue.pair("a@10000-10000", null),
                    KeyValue.pair("a@0-10000", 3L));
        }
    }

    @Test
    void shouldDropLateRecordsForClosedSessions() {
        StreamsBuilder b = new StreamsBuilder();
        b.stream("in", STRINGS).groupByKey()
                .windowedBy(SessionWindows.ofInactivityGapAndGrace(Duration.ofSeconds(1), Duration.ofSeconds(1)))
                .count().toStream()
                .to("out", Produced.with(WindowedSerdes.sessionWindowedSerde(Serdes.string()), Serdes.longSerde()));
        try (TestDriver d = new TestDriver(b.build())) {
            in(d).pipeInput("a", "x", 10_000);
            in(d).pipeInput("b", "x", 1_000);
            assertThat(readWindowed(d, WindowedSerdes.sessionWindowedSerde(Serdes.string())))
                    .containsExactly(KeyValue.pair("a@10000-10000", 1L));
            assertThat(d.metrics().get("dropped-records-total")).isEqualTo(1L);
        }
    }

    @Test
    void shouldAcceptALateRecordWhileItsSessionIsWithinGapPlusGraceOfStreamTime() {
        StreamsBuilder b = new StreamsBuilder();
        b.stream("in", STRINGS).groupByKey()
                .windowedBy(SessionWindows.ofInactivityGapAndGrace(Duration.ofSeconds(1), Duration.ofSeconds(1)))
                .count().toStream()
                .to("out", Produced.with(WindowedSerdes.sessionWindowedSerde(Serdes.string()), Serdes.longSerde()));
        try (TestDriver d = new TestDriver(b.build())) {
            in(d).pipeInput("a", "x", 10_000);
            in(d).pipeInput("b", "x", 8_000);
            in(d).pipeInput("c", "x", 7_999);
            assertThat(readWindowed(d, WindowedSerdes.sessionWindowedSerde(Serdes.string())))
                    .containsExactly(KeyValue.pair("a@10000-10000", 1L), KeyValue.pair("b@8000-8000", 1L));
            assertThat(d.metrics().get("dropped-records-total")).isEqualTo(1L);
        }
    }

    @Test
    void shouldMaintainSlidingWindowsDefinedByTheRecordsIncludingOutOfOrderOnes() {
        SlidingWindows w = SlidingWindows.ofTimeDifferenceAndGrace(Duration.ofMillis(10), Duration.ofMillis(100));
        StreamsBuilder b = new StreamsBuilder();
        b.stream("in", STRINGS).groupByKey().windowedBy(w).count().toStream()
                .to("out", Produced.with(WindowedSerdes.timeWindowedSerde(Serdes.string(), 10), Serdes.longSerde()));
        try (TestDriver d = new TestDriver(b.build())) {
            Serde<Windowed<String>> serde = WindowedSerdes.timeWindowedSerde(Serdes.string(), 10);
            in(d).pipeInput("a", "x", 10);
            assertThat(readWindowed(d, serde)).containsExactly(KeyValue.pair("a@0-10", 1L));
            in(d).pipeInput("a", "x", 15);
            assertThat(readWindowed(d, serde)).containsExactly(KeyValue.pair("a@5-15", 2L), KeyValue.pair("a@11-21", 1L));
            in(d).pipeInput("a", "x", 12);
            assertThat(readWindowed(d, serde)).containsExactlyInAnyOrder(KeyValue.pair("a@2-12", 2L),
                    KeyValue.pair("a@5-15", 3L), KeyValue.pair("a@11-21", 2L), KeyValue.pair("a@13-23", 1L));
        }
    }

    @Test
    void shouldDropSlidingWindowRecordsOlderThanStreamTimeMinusGrace() {
        SlidingWindows w = SlidingWindows.ofTimeDifferenceWithNoGrace(Duration.ofMillis(10));
        StreamsBuilder b = new StreamsBuilder();
        b.stream("in", STRINGS).groupByKey().windowedBy(w).count().toStream()
                .to("out", Produced.with(WindowedSerdes.timeWindowedSerde(Serdes.string(), 10), Serdes.longSerde()));
        try (TestDriver d = new TestDriver(b.build())) {
            in(d).pipeInput("a", "x", 100);
            in(d).pipeInput("a", "x", 50);
            assertThat(readWindowed(d, WindowedSerdes.timeWindowedSerde(Serdes.string(), 10)))
                    .containsExactly(KeyValue.pair("a@90-100", 1L));
            assertThat(d.metrics().get("dropped-records-total")).isEqualTo(1L);
        }
    }
}
