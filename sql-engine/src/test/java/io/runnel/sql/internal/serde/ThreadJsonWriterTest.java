package io.runnel.sql.internal.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.runnel.common.Serializer;
import io.runnel.sql.internal.catalog.Column;
import io.runnel.sql.internal.catalog.SqlType;
import io.runnel.sql.internal.row.Row;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The JSON serializer writes every row through its thread's reused generator. */
class ThreadJsonWriterTest {

    private static Serializer<Row> serializer(Column... columns) {
        return Formats.JSON.serializer(new SerdeSchema(SerdeSchema.Part.VALUE, List.of(columns)), FormatOptions.DEFAULTS);
    }

    private static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }

    @Test
    void shouldWriteEachRowAsItsOwnValueWithoutSeparatorsOrLeftovers() {
        Serializer<Row> s = serializer(Column.value("A", SqlType.STRING), Column.value("B", SqlType.BIGINT));
        assertThat(text(s.serialize("t", Row.of("x", 1L)))).isEqualTo("{\"A\":\"x\",\"B\":1}");
        assertThat(text(s.serialize("t", Row.of(null, 22L)))).isEqualTo("{\"A\":null,\"B\":22}");
        Serializer<Row> bare = Formats.JSON.serializer(new SerdeSchema(SerdeSchema.Part.KEY,
                List.of(new Column("K", SqlType.BIGINT, Column.Role.KEY, java.util.Optional.empty()))), FormatOptions.DEFAULTS);
        assertThat(text(bare.serialize("t", Row.of(5L)))).isEqualTo("5");
        assertThat(text(bare.serialize("t", Row.of(6L)))).isEqualTo("6");
    }

    @Test
    void shouldStartTheNextRowCleanAfterARowFailedHalfWritten() {
        Serializer<Row> s = serializer(Column.value("A", SqlType.STRING), Column.value("B", SqlType.BIGINT));
        assertThatThrownBy(() -> s.serialize("t", Row.of("x", "not a number"))).isInstanceOf(RuntimeException.class);
        assertThat(text(s.serialize("t", Row.of("y", 2L)))).isEqualTo("{\"A\":\"y\",\"B\":2}");
    }

    @Test
    void shouldWriteLargeRowsWhole() {
        Serializer<Row> s = serializer(Column.value("A", SqlType.STRING));
        String big = "z".repeat(100_000);
        assertThat(text(s.serialize("t", Row.of(big)))).isEqualTo("{\"A\":\"" + big + "\"}");
        assertThat(text(s.serialize("t", Row.of("small")))).isEqualTo("{\"A\":\"small\"}");
    }
}
