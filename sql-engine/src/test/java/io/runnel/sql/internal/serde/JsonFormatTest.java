package io.runnel.sql.internal.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.runnel.common.SerializationException;
import io.runnel.sql.SqlException;
import io.runnel.sql.function.Struct;
import io.runnel.sql.internal.row.Row;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonFormatTest {

    private static final Format JSON = Formats.JSON;

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static String write(SerdeSchema schema, FormatOptions options, Row row) {
        byte[] bytes = JSON.serializer(schema, options).serialize("t", row);
        return bytes == null ? null : new String(bytes, StandardCharsets.UTF_8);
    }

    private static String write(SerdeSchema schema, Row row) {
        return write(schema, FormatOptions.DEFAULTS, row);
    }

    private static Row read(SerdeSchema schema, FormatOptions options, String json) {
        return JSON.deserializer(schema, options).deserialize("t", json == null ? null : utf8(json));
    }

    private static Row read(SerdeSchema schema, String json) {
        return read(schema, FormatOptions.DEFAULTS, json);
    }

    @Test
    void shouldWriteValueAsObjectOfColumnsInSchemaOrder() {
        SerdeSchema schema = TestSchemas.value("ID INT, NAME STRING, `quoted` BIGINT");
        assertThat(write(schema, Row.of(1, "a", 2L))).isEqualTo("{\"ID\":1,\"NAME\":\"a\",\"quoted\":2}");
        assertThat(write(schema, Row.of(null, null, null))).isEqualTo("{\"ID\":null,\"NAME\":null,\"quoted\":null}");
    }

    @Test
    void shouldWriteNullRowAsNullBytesAndReadNullBytesAsNullRow() {
        SerdeSchema schema = TestSchemas.value("ID INT");
        assertThat(write(schema, null)).isNull();
        assertThat(read(schema, null)).isNull();
        assertThat(read(schema, "null")).isNull();
    }

    @Test
    void shouldMatchFieldNamesExactlyThenUpperCased() {
        SerdeSchema schema = TestSchemas.value("FOO INT, `bar` STRING, `Baz` STRING");
        assertThat(read(schema, "{\"foo\": 10, \"bar\": \"x\", \"baz\": \"ignored\"}")).isEqualTo(Row.of(10, "x", null));
        assertThat(read(schema, "{\"Foo\": 1, \"FOO\": 2}")).isEqualTo(Row.of(2, null, null));
        assertThat(read(schema, "{\"FOO\": 2, \"foo\": 1}")).isEqualTo(Row.of(2, null, null));
        assertThat(read(schema, "{\"Baz\": \"y\", \"unknown\": {\"deep\": [1, {}]}}")).isEqualTo(Row.of(null, null, "y"));
    }

    @Test
    void shouldReadMissingFieldsAsNull() {
        assertThat(read(TestSchemas.value("A INT, B STRING"), "{}")).isEqualTo(Row.of(null, null));
    }

    @Test
    void shouldWriteAndReadBareValueWhenWrapSingleValueIsFalse() {
        SerdeSchema schema = TestSchemas.value("FOO STRING");
        FormatOptions unwrapped = FormatOptions.DEFAULTS.withWrapSingleValue(false);
        assertThat(write(schema, unwrapped, Row.of("bar"))).isEqualTo("\"bar\"");
        assertThat(read(schema, unwrapped, "\"bar\"")).isEqualTo(Row.of("bar"));
        assertThat(write(schema, unwrapped, Row.of((Object) null))).isNull();
        // the session default applies when the property is not given
        FormatOptions byDefault = FormatOptions.DEFAULTS.withWrapSingleValuesByDefault(false);
        assertThat(write(schema, byDefault, Row.of("bar"))).isEqualTo("\"bar\"");
        assertThat(write(TestSchemas.value("A INT, B INT"), byDefault, Row.of(1, 2))).isEqualTo("{\"A\":1,\"B\":2}");
    }

    @Test
    void shouldWriteUnwrappedStructAsBareObject() {
        SerdeSchema schema = TestSchemas.value("FOO STRUCT<F1 STRING>");
        FormatOptions unwrapped = FormatOptions.DEFAULTS.withWrapSingleValue(false);
        Row row = read(schema, unwrapped, "{\"F1\": \"bar\"}");
        assertThat(row).isEqualTo(Row.of(Struct.of(List.of("F1"), List.of("bar"))));
        assertThat(write(schema, unwrapped, row)).isEqualTo("{\"F1\":\"bar\"}");
    }

    @Test
    void shouldRejectWrapSingleValueForSeveralColumns() {
        assertThatThrownBy(() -> JSON.serializer(TestSchemas.value("F0 STRING, F1 STRING"),
                FormatOptions.DEFAULTS.withWrapSingleValue(true)))
                .isInstanceOf(SqlException.class)
                .hasMessage("'WRAP_SINGLE_VALUE' is only valid for single-field value schemas");
    }

    @Test
    void shouldWriteSingleKeyColumnBareAndSeveralAsObject() {
        assertThat(write(TestSchemas.key("K STRING"), Row.of("hello"))).isEqualTo("\"hello\"");
        assertThat(read(TestSchemas.key("K STRING"), "\"hello\"")).isEqualTo(Row.of("hello"));
        assertThat(write(TestSchemas.key("K STRING"), Row.of((Object) null))).isNull();
        SerdeSchema two = TestSchemas.key("K1 INT, K2 STRING");
        assertThat(write(two, Row.of(1, "a"))).isEqualTo("{\"K1\":1,\"K2\":\"a\"}");
        assertThat(read(two, "{\"k1\":1,\"K2\":\"a\"}")).isEqualTo(Row.of(1, "a"));
    }

    @Test
    void shouldIgnoreKeyBytesWhenKeyHasNoColumns() {
        SerdeSchema none = TestSchemas.key("");
        assertThat(write(none, Row.EMPTY)).isNull();
        assertThat(read(none, "data that should be ignored")).isEqualTo(Row.EMPTY);
        assertThat(write(TestSchemas.value(""), Row.EMPTY)).isEqualTo("{}");
    }

    @Test
    void shouldRoundTripEveryType() {
        SerdeSchema schema = TestSchemas.value("B BOOLEAN, I INT, L BIGINT, D DOUBLE, DEC DECIMAL(4,2), S STRING,"
                + " BYT BYTES, DT DATE, T TIME, TS TIMESTAMP, A ARRAY<INT>, M MAP<STRING, DOUBLE>,"
                + " ST STRUCT<`f` STRING, G ARRAY<STRUCT<H BIGINT>>>");
        Map<String, Double> map = new LinkedHashMap<>();
        map.put("x", 1.5);
        map.put("y", null);
        Row row = Row.of(true, 1, 2L, 3.25, new BigDecimal("12.30"), "s\"\n", ByteBuffer.wrap(new byte[] {1, 2, (byte) 255}),
                LocalDate.ofEpochDay(10), LocalTime.ofNanoOfDay(10_000_000L), Instant.ofEpochMilli(1_000L),
                Arrays.asList(1, null, 3), map,
                Struct.of(List.of("f", "G"), List.of("v", List.of(Struct.of(List.of("H"), List.of(7L))))));
        String json = write(schema, row);
        assertThat(json).isEqualTo("{\"B\":true,\"I\":1,\"L\":2,\"D\":3.25,\"DEC\":12.30,\"S\":\"s\\\"\\n\","
                + "\"BYT\":\"AQL/\",\"DT\":10,\"T\":10,\"TS\":1000,\"A\":[1,null,3],\"M\":{\"x\":1.5,\"y\":null},"
                + "\"ST\":{\"f\":\"v\",\"G\":[{\"H\":7}]}}");
        Row back = read(schema, json);
        assertThat(back.get(4)).isEqualTo(new BigDecimal("12.30"));
        assertThat(((ByteBuffer) back.get(6)).isReadOnly()).isTrue();
        assertThat(back).isEqualTo(row);
    }

    @Test
    void shouldRescaleDecimalsToColumnScaleAndAcceptNumericStrings() {
        SerdeSchema schema = TestSchemas.value("A DECIMAL(4,2), B DECIMAL(2,1)");
        Row row = read(schema, "{\"A\": 12.3, \"B\": \"2\"}");
        assertThat(row.get(0)).isEqualTo(new BigDecimal("12.30"));
        assertThat(row.get(1)).isEqualTo(new BigDecimal("2.0"));
        assertThat(write(schema, Row.of(new BigDecimal("1"), new BigDecimal("0.1")))).isEqualTo("{\"A\":1.00,\"B\":0.1}");
        assertThat(write(TestSchemas.value("A DECIMAL(20,10)"), Row.of(new BigDecimal("0.0000001"))))
                .isEqualTo("{\"A\":0.0000001000}");
    }

    @Test
    void shouldRejectDecimalsThatNeedRoundingOrOverflow() {
        SerdeSchema schema = TestSchemas.value("A DECIMAL(4,2)");
        assertThatThrownBy(() -> read(schema, "{\"A\": 1.234}"))
                .isInstanceOf(SerdeException.class)
                .hasMessage("Failed to deserialize value: A (DECIMAL(4, 2)): Cannot fit decimal '1.234' into"
                        + " DECIMAL(4, 2) without rounding. (Requires 4,3); data: {\"A\": 1.234}");
        assertThatThrownBy(() -> read(schema, "{\"A\": 100}"))
                .isInstanceOf(SerdeException.class)
                .hasMessageContaining("Numeric field overflow");
    }

    @Test
    void shouldCoerceLikeKsqlDb() {
        SerdeSchema schema = TestSchemas.value("I INT, L BIGINT, D DOUBLE, S STRING, S2 STRING, S3 STRING, S4 STRING");
        Row row = read(schema, "{\"I\": \"123\", \"L\": 1.9, \"D\": \"2.5\", \"S\": 12, \"S2\": 1.50,"
                + " \"S3\": {\"a\": [1, 2.50]}, \"S4\": [\"x\", 1, null]}");
        assertThat(row).isEqualTo(Row.of(123, 1L, 2.5, "12", "1.50", "{\"a\":[1,2.50]}", "[x, 1, null]"));
        SerdeSchema times = TestSchemas.value("DT DATE, T TIME, TS TIMESTAMP");
        assertThat(read(times, "{\"DT\": \"3\", \"T\": 10, \"TS\": \"10\"}"))
                .isEqualTo(Row.of(LocalDate.ofEpochDay(3), LocalTime.ofNanoOfDay(10_000_000L), Instant.ofEpochMilli(10)));
    }

    @Test
    void shouldRejectWhatKsqlDbRejects() {
        assertThatThrownBy(() -> read(TestSchemas.value("B BOOLEAN"), "{\"B\": \"true\"}"))
                .isInstanceOf(SerdeException.class)
                .hasMessageContaining("B (BOOLEAN): Can't convert type. sourceType: string, requiredType: BOOLEAN");
        assertThatThrownBy(() -> read(TestSchemas.value("I INT"), "{\"I\": \"abc\"}"))
                .hasMessageContaining("I (INTEGER): Can't coerce string to type. targetType: INTEGER");
        assertThatThrownBy(() -> read(TestSchemas.value("I INT"), "{\"I\": 2147483648}"))
                .hasMessageContaining("out of range for INTEGER");
        assertThatThrownBy(() -> read(TestSchemas.value("A ARRAY<INT>"), "{\"A\": {}}"))
                .hasMessageContaining("A (ARRAY<INTEGER>): Can't convert type. sourceType: object");
        assertThatThrownBy(() -> read(TestSchemas.value("B BYTES"), "{\"B\": \"not base64!\"}"))
                .hasMessageContaining("Value is not a valid Base64 encoded string");
        assertThatThrownBy(() -> read(TestSchemas.value("T TIME"), "{\"T\": 86400000}"))
                .hasMessageContaining("Time values must use number of milliseconds");
    }

    @Test
    void shouldNameThePathOfANestedFailure() {
        SerdeSchema schema = TestSchemas.value("A ARRAY<STRUCT<CITY INT>>, M MAP<STRING, ARRAY<INT>>");
        assertThatThrownBy(() -> read(schema, "{\"A\": [{\"CITY\": 1}, {\"city\": \"x\"}]}"))
                .isInstanceOfSatisfying(SerdeException.class, e -> {
                    assertThat(e.target()).isEqualTo("value");
                    assertThat(e.path()).contains("A[1].CITY");
                    assertThat(e.expectedType()).contains("INTEGER");
                    assertThat(e.excerpt()).startsWith("{\"A\": [{");
                });
        assertThatThrownBy(() -> read(schema, "{\"M\": {\"k\": [1, true]}}"))
                .isInstanceOfSatisfying(SerdeException.class, e -> assertThat(e.path()).contains("M['k'][1]"));
    }

    @Test
    void shouldRejectMalformedJsonWithAnExcerpt() {
        SerdeSchema schema = TestSchemas.value("A INT");
        assertThatThrownBy(() -> read(schema, "{\"A\": 1"))
                .isInstanceOf(SerializationException.class)
                .isInstanceOfSatisfying(SerdeException.class, e -> {
                    assertThat(e.path()).isEmpty();
                    assertThat(e.reason()).startsWith("invalid JSON");
                    assertThat(e.excerpt()).isEqualTo("{\"A\": 1");
                });
        assertThatThrownBy(() -> read(schema, "")).hasMessageContaining("no JSON value");
        assertThatThrownBy(() -> read(schema, "[1]")).hasMessageContaining("expected a JSON object");
        String longText = "{\"A\": \"" + "x".repeat(200) + "\"}";
        assertThatThrownBy(() -> read(schema, longText))
                .isInstanceOfSatisfying(SerdeException.class,
                        e -> assertThat(e.excerpt()).hasSize(SerdeException.EXCERPT_BYTES + "...(209 bytes)".length()));
    }

    @Test
    void shouldRejectRowsOfTheWrongShapeWhenWriting() {
        SerdeSchema schema = TestSchemas.value("A INT, B STRING");
        assertThatThrownBy(() -> write(schema, Row.of(1)))
                .isInstanceOf(SerdeException.class)
                .hasMessageContaining("row has 1 columns but the value schema has 2");
        assertThatThrownBy(() -> write(schema, Row.of("x", "y")))
                .isInstanceOfSatisfying(SerdeException.class, e -> {
                    assertThat(e.path()).contains("A");
                    assertThat(e.reason()).contains("java.lang.String is not a INTEGER");
                });
    }

    @Test
    void shouldWriteMapsWithNonStringKeysAsText() {
        SerdeSchema schema = TestSchemas.value("M MAP<INT, STRING>");
        Map<Integer, String> map = new LinkedHashMap<>();
        map.put(1, "a");
        assertThat(write(schema, Row.of(map))).isEqualTo("{\"M\":{\"1\":\"a\"}}");
        assertThat(read(schema, "{\"M\":{\"1\":\"a\"}}")).isEqualTo(Row.of(map));
    }
}
