package io.runnel.sql.internal.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.runnel.common.Serdes;
import io.runnel.sql.SqlException;
import io.runnel.sql.internal.row.Row;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class KafkaFormatTest {

    private static final Format KAFKA = Formats.KAFKA;

    private static byte[] write(SerdeSchema schema, Row row) {
        return KAFKA.serializer(schema, FormatOptions.DEFAULTS).serialize("t", row);
    }

    private static Row read(SerdeSchema schema, byte[] data) {
        return KAFKA.deserializer(schema, FormatOptions.DEFAULTS).deserialize("t", data);
    }

    @Test
    void shouldWriteTheBytesOfKafkasPrimitiveSerdes() {
        assertThat(write(TestSchemas.key("K INT"), Row.of(-7))).isEqualTo(Serdes.integer().serializer().serialize("t", -7));
        assertThat(write(TestSchemas.key("K BIGINT"), Row.of(1L << 40)))
                .isEqualTo(Serdes.longSerde().serializer().serialize("t", 1L << 40));
        assertThat(write(TestSchemas.value("V DOUBLE"), Row.of(0.1)))
                .isEqualTo(Serdes.doubleSerde().serializer().serialize("t", 0.1));
        assertThat(write(TestSchemas.key("K STRING"), Row.of("héllo"))).isEqualTo("héllo".getBytes(StandardCharsets.UTF_8));
        assertThat(write(TestSchemas.value("V BYTES"), Row.of(ByteBuffer.wrap(new byte[] {1, 2})))).containsExactly(1, 2);
    }

    @Test
    void shouldRoundTripEachSupportedType() {
        for (Object[] c : new Object[][] {{"INT", 5}, {"BIGINT", -5L}, {"DOUBLE", 2.5}, {"STRING", ""}, {"STRING", "x"}}) {
            SerdeSchema schema = TestSchemas.key("K " + c[0]);
            assertThat(read(schema, write(schema, Row.of(c[1])))).isEqualTo(Row.of(c[1]));
        }
        SerdeSchema bytes = TestSchemas.value("V BYTES");
        Row row = read(bytes, new byte[] {9, 8});
        assertThat(row).isEqualTo(Row.of(ByteBuffer.wrap(new byte[] {9, 8})));
        assertThat(((ByteBuffer) row.get(0)).isReadOnly()).isTrue();
    }

    @Test
    void shouldMapNullColumnToNullBytesAndBack() {
        SerdeSchema schema = TestSchemas.key("K INT");
        assertThat(write(schema, Row.of((Object) null))).isNull();
        assertThat(write(schema, null)).isNull();
        assertThat(read(schema, null)).isNull();
    }

    @Test
    void shouldRejectBytesOfTheWrongSize() {
        assertThatThrownBy(() -> read(TestSchemas.key("K INT"), new byte[] {1, 2, 3}))
                .isInstanceOfSatisfying(SerdeException.class, e -> {
                    assertThat(e.target()).isEqualTo("key");
                    assertThat(e.path()).contains("K");
                    assertThat(e.reason()).isEqualTo("Size of data received is not 4 bytes but 3");
                    assertThat(e.excerpt()).isEqualTo("\\x01\\x02\\x03");
                });
    }

    @Test
    void shouldRejectUnsupportedTypesAndSeveralColumnsWithKsqlDbsMessages() {
        assertThatThrownBy(() -> KAFKA.validate(TestSchemas.key("K BOOLEAN"), FormatOptions.DEFAULTS))
                .isInstanceOf(SqlException.class).hasMessage("The 'KAFKA' format does not support type 'BOOLEAN'");
        assertThatThrownBy(() -> KAFKA.validate(TestSchemas.key("KEY DECIMAL(2, 1)"), FormatOptions.DEFAULTS))
                .hasMessage("The 'KAFKA' format does not support type 'DECIMAL'");
        assertThatThrownBy(() -> KAFKA.validate(TestSchemas.key("ID INT, AGE INT"), FormatOptions.DEFAULTS))
                .hasMessage("The 'KAFKA' format only supports a single field. Got: [`ID` INTEGER KEY, `AGE` INTEGER KEY]");
    }

    @Test
    void shouldIgnoreKeyBytesWithoutKeyColumns() {
        SerdeSchema none = TestSchemas.key("");
        assertThat(write(none, Row.EMPTY)).isNull();
        assertThat(read(none, "ignored".getBytes(StandardCharsets.UTF_8))).isEqualTo(Row.EMPTY);
    }
}
