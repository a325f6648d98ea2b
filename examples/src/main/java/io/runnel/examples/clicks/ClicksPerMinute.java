package io.runnel.examples.clicks;

import io.runnel.common.Serdes;
import io.runnel.state.Windowed;
import io.runnel.streams.StreamsBuilder;
import io.runnel.streams.Topology;
import io.runnel.streams.dsl.Consumed;
import io.runnel.streams.dsl.Materialized;
import io.runnel.streams.dsl.Produced;
import io.runnel.streams.dsl.Suppressed;
import io.runnel.streams.dsl.TimeWindows;
import io.runnel.streams.testing.TestDriver;
import java.time.Duration;
import java.time.Instant;

/**
 * Counts clicks per user per one-minute tumbling window (event time, 10 s grace for late clicks)
 * and emits one final count per user and minute once the window closes. Input: {@code clicks}
 * (key user id, value page). Output: {@code clicks-per-minute} (key "user@minute-start-ISO", value
 * Long).
 */
public final class ClicksPerMinute {
    public static final String INPUT = "clicks";
    public static final String OUTPUT = "clicks-per-minute";
    public static final TimeWindows WINDOWS = TimeWindows.ofSizeAndGrace(Duration.ofMinutes(1), Duration.ofSeconds(10));

    private ClicksPerMinute() {
    }

    public static String label(Windowed<String> key) {
        return key.key() + "@" + Instant.ofEpochMilli(key.window().start());
    }

    public static Topology topology() {
        StreamsBuilder builder = new StreamsBuilder();
        builder.stream(INPUT, Consumed.with(Serdes.string(), Serdes.string()))
                .groupByKey()
                .windowedBy(WINDOWS)
                .count(Materialized.as("clicks-per-minute"))
                .suppress(Suppressed.untilWindowCloses(Suppressed.BufferConfig.unbounded()))
                .toStream()
                .selectKey((windowed, count) -> label(windowed))
                .to(OUTPUT, Produced.with(Serdes.string(), Serdes.longSerde()));
        return builder.build();
    }

    public static void main(String[] args) {
        try (TestDriver driver = new TestDriver(topology())) {
            var clicks = driver.createInputTopic(INPUT, Serdes.string().serializer(), Serdes.string().serializer());
            long t0 = Instant.parse("2026-01-01T10:00:00Z").toEpochMilli();
            clicks.pipeInput("alice", "/a", t0 + 1_000);
            clicks.pipeInput("alice", "/b", t0 + 30_000);
            clicks.pipeInput("bob", "/a", t0 + 45_000);
            clicks.pipeInput("alice", "/c", t0 + 65_000);
            clicks.pipeInput("bob", "/x", t0 + 75_000); // stream time passes 10:01:10: the first minute closes
            driver.createOutputTopic(OUTPUT, Serdes.string().deserializer(), Serdes.longSerde().deserializer())
                    .readKeyValuesToList().forEach(System.out::println);
        }
    }
}
