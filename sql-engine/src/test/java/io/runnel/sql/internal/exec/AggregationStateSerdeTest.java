package io.runnel.sql.internal.exec;

import static org.assertj.core.api.Assertions.assertThat;

import io.runnel.common.Serde;
import io.runnel.sql.internal.analyzer.RowSchema;
import io.runnel.sql.internal.catalog.SqlType;
import io.runnel.sql.internal.row.Row;
import io.runnel.sql.internal.serde.SerdeSchema;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class AggregationStateSerdeTest {
    private static final List<RowSchema.Field> FIXED = List.of(RowSchema.Field.of("S0", SqlType.BIGINT),
            RowSchema.Field.of("S1", SqlType.INTEGER), RowSchema.Field.of("S2", SqlType.DOUBLE),
            RowSchema.Field.of("S3", SqlType.BOOLEAN), RowSchema.Field.of("S4", SqlType.STRING));

    private static Row roundTrip(Serde<Row> serde, Row row) {
        return serde.deserializer().deserialize("t", serde.serializer().serialize("t", row));
    }

    @Test
    void shouldWriteFixedTypeStatesInTheBinaryLayoutAndReadThemBack() {
        Serde<Row> serde = AggregationStateSerde.of(FIXED);
        Row states = Row.wrap(new Object[] {Long.MIN_VALUE, -7, -0.5, true, "grüße"});

        byte[] bytes = serde.serializer().serialize("t", states);
        assertThat(bytes[0]).as("version byte").isEqualTo((byte) 1);
        assertThat(bytes).hasSize(1 + 1 + 8 + 4 + 8 + 1 + 4 + "grüße".getBytes(java.nio.charset.StandardCharsets.UTF_8).length);
        assertThat(roundTrip(serde, states)).isEqualTo(states);
    }

    @Test
    void shouldKeepNullStatesAcrossMoreThanEightFields() {
        List<RowSchema.Field> fields = new ArrayList<>();
        Object[] values = new Object[11];
        for (int i = 0; i < values.length; i++) {
            fields.add(RowSchema.Field.of("S" + i, SqlType.BIGINT));
            values[i] = i % 3 == 0 ? null : (long) i;
        }
        Serde<Row> serde = AggregationStateSerde.of(fields);

        assertThat(roundTrip(serde, Row.wrap(values))).isEqualTo(Row.wrap(values));
        assertThat(roundTrip(serde, Row.wrap(new Object[11]))).isEqualTo(Row.wrap(new Object[11]));
        assertThat(serde.serializer().serialize("t", null)).isNull();
        assertThat(serde.deserializer().deserialize("t", null)).isNull();
    }

    @Test
    void shouldReadStatesWrittenAsJsonBeforeTheBinaryLayout() {
        Serde<Row> json = TopologyBuilder.jsonSerde(SerdeSchema.Part.VALUE, FIXED);
        Row states = Row.wrap(new Object[] {42L, 3, 1.25, false, null});
        byte[] old = json.serializer().serialize("t", states);

        assertThat(AggregationStateSerde.of(FIXED).deserializer().deserialize("t", old)).isEqualTo(states);
    }

    @Test
    void shouldWriteJsonWhenAStateIsNotOfAFixedType() {
        List<RowSchema.Field> fields = List.of(RowSchema.Field.of("S0", SqlType.BIGINT),
                RowSchema.Field.of("S1", new SqlType.Decimal(4, 2)));
        Serde<Row> serde = AggregationStateSerde.of(fields);
        Row states = Row.wrap(new Object[] {1L, new BigDecimal("12.50")});

        byte[] bytes = serde.serializer().serialize("t", states);
        assertThat(bytes[0]).isEqualTo((byte) '{');
        assertThat(roundTrip(serde, states)).isEqualTo(states);
    }
}
