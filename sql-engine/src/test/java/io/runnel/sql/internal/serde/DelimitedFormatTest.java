package io.runnel.sql.internal.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.runnel.sql.SqlException;
import io.runnel.sql.internal.row.Row;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import org.junit.jupiter.api.Test;

class DelimitedFormatTest {

    private static final Format DELIMITED = Formats.DELIMITED;

    private static String write(SerdeSchema schema, FormatOptions options, Row row) {
        byte[] bytes = DELIMITED.serializer(schema, options).serialize("t", row);
        return bytes == null ? null : new String(bytes, StandardCharsets.UTF_8);
    }

    private static String write(SerdeSchema schema, Row row) {
        return write(schema, FormatOptions.DEFAULTS, row);
    }

    private static Row read(SerdeSchema schema, FormatOptions options, String text) {
        return DELIMITED.deserializer(schema, options).deserialize("t",
                text == null ? null : text.getBytes(StandardCharsets.UTF_8));
    }

    private static Row read(SerdeSchema schema, String text) {
        return read(schema, FormatOptions.DEFAULTS, text);
    }

    @Test
    void shouldWriteColumnsInOrderSeparatedByCommas() {
        SerdeSchema schema = TestSchemas.value("B BOOLEAN, I INT, L BIGINT, D DOUBLE, S STRING");
        assertThat(write(schema, Row.of(true, 10, 101L, 10.3, "bob"))).isEqualTo("true,10,101,10.3,bob");
        assertThat(read(schema, "true,10,101,10.3,bob")).isEqualTo(Row.of(true, 10, 101L, 10.3, "bob"));
    }

    @Test
    void shouldQuoteAFirstFieldThatDoesNotStartWithALetterOrDigitAsKsqlDbDoes() {
        SerdeSchema schema = TestSchemas.value("A DATE");
        assertThat(write(schema, Row.of(LocalDate.ofEpochDay(-10)))).isEqualTo("\"-10\"");
        assertThat(write(schema, Row.of(LocalDate.ofEpochDay(10)))).isEqualTo("10");
        SerdeSchema three = TestSchemas.value("A INT, B STRING, C INT");
        assertThat(write(three, Row.of(-1, "a", 1))).isEqualTo("\"-1\",a,1");
        assertThat(write(three, Row.of(1, "-a", -1))).isEqualTo("1,-a,-1");
        assertThat(read(three, "\"-1\",a,1")).isEqualTo(Row.of(-1, "a", 1));
    }

    @Test
    void shouldQuoteFieldsHoldingDelimitersQuotesOrLineBreaks() {
        SerdeSchema schema = TestSchemas.value("A STRING, B STRING, C STRING, D STRING");
        Row row = Row.of("x,y", "say \"hi\"", "two\nlines", " padded ");
        String text = write(schema, row);
        assertThat(text).isEqualTo("\"x,y\",\"say \"\"hi\"\"\",\"two\nlines\",\" padded \"");
        assertThat(read(schema, text)).isEqualTo(row);
        assertThat(write(schema, Row.of("a", "#b", "!c", "d "))).isEqualTo("a,\"#b\",\"!c\",\"d \"");
    }

    @Test
    void shouldWriteNullsAsEmptyFieldsAndReadEmptyFieldsAsNull() {
        SerdeSchema schema = TestSchemas.value("A STRING, B INT, C STRING");
        assertThat(write(schema, Row.of(null, null, null))).isEqualTo(",,");
        assertThat(write(schema, Row.of("", 1, ""))).isEqualTo("\"\",1,");
        assertThat(read(schema, ",,")).isEqualTo(Row.of(null, null, null));
        assertThat(read(schema, "\"\",1,\"\"")).isEqualTo(Row.of(null, 1, null));
        assertThat(write(schema, null)).isNull();
        assertThat(read(schema, null)).isNull();
    }

    @Test
    void shouldWriteTypesInKsqlDbTextForms() {
        SerdeSchema schema = TestSchemas.value("DEC DECIMAL(5,3), BYT BYTES, T TIME, TS TIMESTAMP, D DOUBLE");
        Row row = Row.of(new BigDecimal("10.120"), ByteBuffer.wrap("variations".getBytes(StandardCharsets.UTF_8)),
                LocalTime.ofNanoOfDay(10_000_000L), Instant.ofEpochMilli(10), 1e10);
        assertThat(write(schema, row)).isEqualTo("10.120,dmFyaWF0aW9ucw==,10,10,1.0E10");
        assertThat(read(schema, "10.12,dmFyaWF0aW9ucw==,10,10,1.0E10")).isEqualTo(row);
        assertThat(read(TestSchemas.value("DEC DECIMAL(4,2)"), "01.00").get(0)).isEqualTo(new BigDecimal("1.00"));
    }

    @Test
    void shouldUseTheConfiguredDelimiter() {
        SerdeSchema schema = TestSchemas.value("A STRING, B INT");
        FormatOptions tab = FormatOptions.DEFAULTS.withDelimiter("TAB");
        assertThat(write(schema, tab, Row.of("a,b", 1))).isEqualTo("a,b\t1");
        assertThat(read(schema, tab, "a,b\t1")).isEqualTo(Row.of("a,b", 1));
        FormatOptions space = FormatOptions.DEFAULTS.withDelimiter("space");
        assertThat(write(schema, space, Row.of("a b", 1))).isEqualTo("\"a b\" 1");
        assertThat(read(schema, FormatOptions.DEFAULTS.withDelimiter("|"), "x|2")).isEqualTo(Row.of("x", 2));
        assertThatThrownBy(() -> FormatOptions.DEFAULTS.withDelimiter("||"))
                .isInstanceOf(SqlException.class)
                .hasMessageContaining("Delimiter must be a single character or TAB or SPACE");
    }

    @Test
    void shouldReadOnlyTheFirstLine() {
        SerdeSchema schema = TestSchemas.value("A STRING, B INT");
        assertThat(read(schema, "\r\na,1\r\nb,2")).isEqualTo(Row.of("a", 1));
    }

    @Test
    void shouldRejectAWrongFieldCount() {
        SerdeSchema schema = TestSchemas.value("A STRING, B INT");
        assertThatThrownBy(() -> read(schema, "a,1,x"))
                .isInstanceOf(SerdeException.class)
                .hasMessage("Failed to deserialize value: Unexpected field count, csvFields:3 schemaFields:2; data: a,1,x");
        assertThatThrownBy(() -> read(schema, "")).hasMessageContaining("No fields in record");
    }

    @Test
    void shouldRejectFieldsThatDoNotParse() {
        SerdeSchema schema = TestSchemas.value("A STRING, B INT");
        assertThatThrownBy(() -> read(schema, "a,x"))
                .isInstanceOfSatisfying(SerdeException.class, e -> {
                    assertThat(e.path()).contains("B");
                    assertThat(e.expectedType()).contains("INTEGER");
                    assertThat(e.reason()).isEqualTo("Can't parse 'x' as INTEGER");
                });
        assertThatThrownBy(() -> read(schema, "\"a,1")).hasMessageContaining("EOF reached before encapsulated token");
        assertThatThrownBy(() -> read(schema, "\"a\"x,1")).hasMessageContaining("invalid char between encapsulated");
    }

    @Test
    void shouldRejectNestedTypes() {
        assertThatThrownBy(() -> DELIMITED.serializer(TestSchemas.key("ROWKEY STRUCT<A INT>"), FormatOptions.DEFAULTS))
                .isInstanceOf(SqlException.class)
                .hasMessage("The 'DELIMITED' format does not support type 'STRUCT', column: `ROWKEY`");
    }

    @Test
    void shouldWriteSeveralKeyColumnsAsOneLine() {
        SerdeSchema key = TestSchemas.key("K1 STRING, K2 INT");
        assertThat(write(key, Row.of("a", 2))).isEqualTo("a,2");
        assertThat(read(key, "a,2")).isEqualTo(Row.of("a", 2));
    }
}
