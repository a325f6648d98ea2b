package io.runnel.streams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.runnel.common.SerializationException;
import io.runnel.common.Serdes;
import io.runnel.state.Window;
import io.runnel.state.Windowed;
import io.runnel.streams.serde.JsonSerde;
import io.runnel.streams.serde.WindowedSerdes;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SerdeTest {

    record PageView(String user, String page, long durationMs) {
    }

    @Test
    void shouldRoundTripRecordsThroughJsonAndIgnoreUnknownFields() {
        JsonSerde<PageView> serde = JsonSerde.of(PageView.class);
        byte[] bytes = serde.serializer().serialize("t", new PageView("alice", "/home", 12));
        assertThat(new String(bytes, StandardCharsets.UTF_8)).isEqualTo("{\"user\":\"alice\",\"page\":\"/home\",\"durationMs\":12}");
        assertThat(serde.deserializer().deserialize("t",
                "{\"user\":\"bob\",\"page\":\"/\",\"durationMs\":1,\"extra\":true}".getBytes(StandardCharsets.UTF_8)))
                .isEqualTo(new PageView("bob", "/", 1));
        assertThat(serde.serializer().serialize("t", null)).isNull();
        assertThat(serde.deserializer().deserialize("t", null)).isNull();
    }

    @Test
    void shouldReadJsonObjectsAsMapsAndFailPreciselyOnBadJson() {
        JsonSerde<Map<String, Object>> serde = JsonSerde.map();
        assertThat(serde.deserializer().deserialize("t", "{\"a\":[1,2],\"b\":{\"c\":\"d\"}}".getBytes(StandardCharsets.UTF_8)))
                .isEqualTo(Map.of("a", List.of(1, 2), "b", Map.of("c", "d")));
        assertThatThrownBy(() -> serde.deserializer().deserialize("t", "{oops".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(SerializationException.class).hasMessageContaining("topic t");
    }

    @Test
    void shouldLayOutTimeWindowedKeysAsKeyBytesThenWindowStartLikeKafka() {
        var serde = WindowedSerdes.timeWindowedSerde(Serdes.string(), 60_000);
        byte[] bytes = serde.serializer().serialize("t", new Windowed<>("ab", new Window(120_000, 180_000)));
        assertThat(HexFormat.of().formatHex(bytes)).isEqualTo("6162" + "000000000001d4c0");
        assertThat(serde.deserializer().deserialize("t", bytes)).isEqualTo(new Windowed<>("ab", new Window(120_000, 180_000)));
    }

    @Test
    void shouldLayOutSessionWindowedKeysAsKeyBytesThenEndThenStartLikeKafka() {
        var serde = WindowedSerdes.sessionWindowedSerde(Serdes.string());
        byte[] bytes = serde.serializer().serialize("t", new Windowed<>("a", new Window(1, 2)));
        assertThat(HexFormat.of().formatHex(bytes)).isEqualTo("61" + "0000000000000002" + "0000000000000001");
        assertThat(serde.deserializer().deserialize("t", bytes)).isEqualTo(new Windowed<>("a", new Window(1, 2)));
    }
}
