package io.runnel.sql.internal.exec;

import static org.assertj.core.api.Assertions.assertThat;

import io.runnel.common.Serde;
import io.runnel.sql.internal.analyzer.RowSchema;
import io.runnel.sql.internal.catalog.SqlType;
import io.runnel.sql.internal.row.Row;
import io.runnel.sql.internal.serde.SerdeSchema;
import java.nio.charset.StandardCharsets;
import java.util.BitSet;
import java.util.List;
import org.junit.jupiter.api.Test;

class AggregateInputSerdeTest {

    private static final List<RowSchema.Field> FIELDS = List.of(
            RowSchema.Field.of("NAME", SqlType.STRING),
            RowSchema.Field.of("D1", SqlType.DOUBLE),
            RowSchema.Field.of("ROWTIME", SqlType.BIGINT));

    private static BitSet columns(int... indices) {
        BitSet set = new BitSet();
        for (int i : indices) {
            set.set(i);
        }
        return set;
    }

    private static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }

    @Test
    void shouldWriteOnlyTheColumnsTheAggregatesReadAndReadThemBackAtTheirPlaces() {
        Serde<Row> serde = AggregateInputSerde.of(FIELDS, columns(1));
        byte[] bytes = serde.serializer().serialize("t", Row.of("a", 1.5, 10L));
        assertThat(text(bytes)).isEqualTo("{\"D1\":1.5}");
        assertThat(serde.deserializer().deserialize("t", bytes)).isEqualTo(Row.of(null, 1.5, null));
    }

    @Test
    void shouldWriteAnEmptyObjectWhenTheAggregatesReadNoColumn() {
        Serde<Row> serde = AggregateInputSerde.of(FIELDS, new BitSet());
        byte[] bytes = serde.serializer().serialize("t", Row.of("a", 1.5, 10L));
        assertThat(text(bytes)).isEqualTo("{}");
        assertThat(serde.deserializer().deserialize("t", bytes)).isEqualTo(Row.of(null, null, null));
    }

    @Test
    void shouldReadRowsWrittenWithEveryColumn() {
        byte[] full = TopologyBuilder.jsonSerde(SerdeSchema.Part.VALUE, FIELDS).serializer()
                .serialize("t", Row.of("a", 1.5, 10L));
        assertThat(AggregateInputSerde.of(FIELDS, columns(0, 1)).deserializer().deserialize("t", full))
                .isEqualTo(Row.of("a", 1.5, null));
    }

    @Test
    void shouldWriteEveryColumnAsBeforeWhenTheAggregatesReadThemAll() {
        Row row = Row.of("a", 1.5, 10L);
        byte[] bytes = AggregateInputSerde.of(FIELDS, columns(0, 1, 2)).serializer().serialize("t", row);
        assertThat(bytes).isEqualTo(TopologyBuilder.jsonSerde(SerdeSchema.Part.VALUE, FIELDS).serializer().serialize("t", row));
    }

    @Test
    void shouldKeepATombstoneNull() {
        Serde<Row> serde = AggregateInputSerde.of(FIELDS, columns(1));
        assertThat(serde.serializer().serialize("t", null)).isNull();
        assertThat(serde.deserializer().deserialize("t", null)).isNull();
    }
}
