package io.runnel.sql.internal.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.runnel.common.Serde;
import io.runnel.sql.internal.row.Row;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class WindowedSerdesTest {

    private static final Serde<Row> STRING_KEY = Formats.KAFKA.serde(TestSchemas.key("K STRING"), FormatOptions.DEFAULTS);

    @Test
    void shouldAppendTheWindowStartToTimeWindowedKeysAsKafkaStreamsDoes() {
        Serde<WindowedKey> serde = WindowedSerdes.timeWindowed(STRING_KEY, 30_000);
        byte[] bytes = serde.serializer().serialize("t", new WindowedKey(Row.of("ab"), 60_000, 90_000));
        assertThat(bytes).isEqualTo(ByteBuffer.allocate(10).put("ab".getBytes(StandardCharsets.UTF_8)).putLong(60_000).array());
        assertThat(serde.deserializer().deserialize("t", bytes)).isEqualTo(new WindowedKey(Row.of("ab"), 60_000, 90_000));
    }

    @Test
    void shouldAppendEndThenStartToSessionKeysAsKafkaStreamsDoes() {
        Serde<WindowedKey> serde = WindowedSerdes.sessionWindowed(STRING_KEY);
        byte[] bytes = serde.serializer().serialize("t", new WindowedKey(Row.of("ab"), 10, 20));
        assertThat(bytes).isEqualTo(ByteBuffer.allocate(18).put("ab".getBytes(StandardCharsets.UTF_8))
                .putLong(20).putLong(10).array());
        assertThat(serde.deserializer().deserialize("t", bytes)).isEqualTo(new WindowedKey(Row.of("ab"), 10, 20));
    }

    @Test
    void shouldCapTheEndOfATimeWindowAtLongMax() {
        Serde<WindowedKey> serde = WindowedSerdes.timeWindowed(STRING_KEY, 1000);
        byte[] bytes = WindowedSerdes.timeWindowedBytes(new byte[] {'a'}, Long.MAX_VALUE - 10);
        assertThat(serde.deserializer().deserialize("t", bytes).end()).isEqualTo(Long.MAX_VALUE);
    }

    @Test
    void shouldWriteNullKeyRowsWithZeroKeyBytes() {
        Serde<WindowedKey> serde = WindowedSerdes.sessionWindowed(STRING_KEY);
        byte[] bytes = serde.serializer().serialize("t", new WindowedKey(null, 1, 2));
        assertThat(bytes).hasSize(16);
        assertThat(serde.deserializer().deserialize("t", bytes)).isEqualTo(new WindowedKey(null, 1, 2));
        assertThat(serde.serializer().serialize("t", null)).isNull();
        assertThat(serde.deserializer().deserialize("t", null)).isNull();
    }

    @Test
    void shouldRejectKeysTooShortForTheirWindow() {
        assertThatThrownBy(() -> WindowedSerdes.sessionWindowed(STRING_KEY).deserializer().deserialize("t", new byte[8]))
                .isInstanceOf(SerdeException.class)
                .hasMessageContaining("a session-windowed key needs at least 16 bytes, got 8");
    }

    @Test
    void shouldWindowJsonKeysToo() {
        Serde<Row> json = Formats.JSON.serde(TestSchemas.key("A DECIMAL(4,2)"), FormatOptions.DEFAULTS);
        Serde<WindowedKey> serde = WindowedSerdes.timeWindowed(json, 30_000);
        byte[] bytes = serde.serializer().serialize("t", new WindowedKey(Row.of(new java.math.BigDecimal("12.30")), 0, 30_000));
        assertThat(new String(bytes, 0, bytes.length - 8, StandardCharsets.UTF_8)).isEqualTo("12.30");
    }
}
