package io.runnel.examples.clicks;

import static org.assertj.core.api.Assertions.assertThat;

import io.runnel.common.Serdes;
import io.runnel.state.KeyValue;
import io.runnel.streams.testing.TestDriver;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ClicksPerMinuteTest {

    @Test
    void shouldEmitOneFinalCountPerUserAndMinuteAfterTheWindowAndGracePass() {
        try (TestDriver driver = new TestDriver(ClicksPerMinute.topology())) {
            var clicks = driver.createInputTopic(ClicksPerMinute.INPUT, Serdes.string().serializer(), Serdes.string().serializer());
            var out = driver.createOutputTopic(ClicksPerMinute.OUTPUT, Serdes.string().deserializer(),
                    Serdes.longSerde().deserializer());
            long t0 = Instant.parse("2026-01-01T10:00:00Z").toEpochMilli();
            clicks.pipeInput("alice", "/a", t0);
            clicks.pipeInput("alice", "/b", t0 + 59_999);
            clicks.pipeInput("bob", "/a", t0 + 61_000);
            clicks.pipeInput("alice", "/late-but-in-grace", t0 + 5_000);
            assertThat(out.isEmpty()).isTrue();
            clicks.pipeInput("bob", "/b", t0 + 70_000);
            assertThat(out.readKeyValuesToList()).containsExactly(KeyValue.pair("alice@2026-01-01T10:00:00Z", 3L));
            clicks.pipeInput("alice", "/too-late", t0 + 1_000);
            clicks.pipeInput("carol", "/x", t0 + 130_000);
            assertThat(out.readKeyValuesToList()).containsExactly(KeyValue.pair("bob@2026-01-01T10:01:00Z", 2L));
            assertThat(driver.metrics().get("dropped-records-total")).isEqualTo(1L);
        }
    }

    @Test
    void shouldRunMain() {
        ClicksPerMinute.main(new String[0]);
    }
}
