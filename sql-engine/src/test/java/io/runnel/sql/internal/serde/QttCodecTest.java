package io.runnel.sql.internal.serde;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.runnel.common.Serdes;
import io.runnel.sql.conformance.OutputMatcher;
import io.runnel.sql.conformance.QttLoader;
import io.runnel.sql.conformance.QttRecord;
import io.runnel.sql.internal.catalog.SourceFormats;
import io.runnel.sql.internal.row.Row;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The QTT record conventions of shared/conformance/README.md, at the serde level. */
class QttCodecTest {

    private static JsonNode json(String text) {
        try {
            return QttLoader.JSON.readTree(text);
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }

    private static QttCodec codec(String key, String keyFormat, String value, String valueFormat,
                                  FormatOptions valueOptions, Optional<SourceFormats.KeyWindow> window) {
        return new QttCodec(TestSchemas.key(key), Formats.of(keyFormat), FormatOptions.DEFAULTS, TestSchemas.value(value),
                Formats.of(valueFormat), valueOptions, window);
    }

    private static QttCodec codec(String key, String keyFormat, String value, String valueFormat) {
        return codec(key, keyFormat, value, valueFormat, FormatOptions.DEFAULTS, Optional.empty());
    }

    private static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }

    @Test
    void shouldProduceKafkaKeysFromBareValuesAndShowThemBare() {
        QttCodec codec = codec("ID INT", "KAFKA", "NAME STRING", "JSON");
        byte[] key = codec.keyBytes(json("1"), null);
        assertThat(key).isEqualTo(Serdes.integer().serializer().serialize("t", 1));
        assertThat(codec.keyBytes(json("\"2\""), null)).isEqualTo(Serdes.integer().serializer().serialize("t", 2));
        assertThat(codec.decodeKey(key).key()).isEqualTo(json("1"));
        assertThat(codec.decodeKey(key).window()).isNull();
        assertThat(codec.keyBytes(json("null"), null)).isNull();
        assertThat(codec.decodeKey(null).key().isNull()).isTrue();
    }

    @Test
    void shouldProduceJsonValuesAsWrittenAndShowThemWithColumnNames() {
        QttCodec codec = codec("K STRING", "KAFKA", "FOO INT, D DECIMAL(4,2), X DOUBLE", "JSON");
        byte[] value = codec.valueBytes(json("{\"foo\": 10, \"D\": 12.3, \"X\": 0.1}"));
        assertThat(text(value)).isEqualTo("{\"foo\":10,\"D\":12.3,\"X\":0.1}");
        JsonNode shown = codec.decodeValue(value);
        assertThat(shown.toString()).isEqualTo("{\"FOO\":10,\"D\":12.30,\"X\":0.1}");
        assertThat(shown.get("D").isBigDecimal()).isTrue();
        assertThat(shown.get("X").isDouble()).isTrue();
        assertThat(OutputMatcher.jsonEquals(json("{\"FOO\": 10, \"D\": 12.30, \"X\": 0.1}"), shown)).isTrue();
        assertThat(OutputMatcher.jsonEquals(json("{\"FOO\": 10, \"D\": 12.3, \"X\": 0.1}"), shown)).isFalse();
        assertThat(codec.valueBytes(json("null"))).isNull();
        assertThat(codec.decodeValue(null).isNull()).isTrue();
    }

    @Test
    void shouldShowUnwrappedValuesBare() {
        QttCodec codec = codec("K STRING", "KAFKA", "FOO STRING", "JSON",
                FormatOptions.DEFAULTS.withWrapSingleValue(false), Optional.empty());
        byte[] value = codec.valueBytes(json("\"bar\""));
        assertThat(text(value)).isEqualTo("\"bar\"");
        assertThat(codec.decodeValue(value)).isEqualTo(json("\"bar\""));
    }

    @Test
    void shouldUseJsonKeysBareForOneColumnAndAsObjectForSeveral() {
        QttCodec one = codec("K STRING", "JSON", "V INT", "JSON");
        assertThat(text(one.keyBytes(json("\"hello\""), null))).isEqualTo("\"hello\"");
        assertThat(one.decodeKey("\"hello\"".getBytes(StandardCharsets.UTF_8)).key()).isEqualTo(json("\"hello\""));
        QttCodec two = codec("K1 INT, K2 STRING", "JSON", "V INT", "JSON");
        Row row = Row.of(1, "a");
        byte[] key = Formats.JSON.serializer(TestSchemas.key("K1 INT, K2 STRING"), FormatOptions.DEFAULTS).serialize("t", row);
        assertThat(two.decodeKey(key).key()).isEqualTo(json("{\"K1\": 1, \"K2\": \"a\"}"));
    }

    @Test
    void shouldPassDelimitedTextThroughBothWays() {
        QttCodec codec = codec("K1 STRING, K2 INT", "DELIMITED", "A INT, B STRING", "DELIMITED");
        assertThat(text(codec.keyBytes(json("\"a,2\""), null))).isEqualTo("a,2");
        assertThat(text(codec.valueBytes(json("\"1,x\"")))).isEqualTo("1,x");
        byte[] written = Formats.DELIMITED.serializer(TestSchemas.value("A INT, B STRING"), FormatOptions.DEFAULTS)
                .serialize("t", Row.of(-10, "x"));
        assertThat(codec.decodeValue(written)).isEqualTo(json("\"\\\"-10\\\",x\""));
    }

    @Test
    void shouldDecodeKafkaBytesValuesAsBase64() {
        QttCodec codec = codec("ID STRING", "KAFKA", "B BYTES", "KAFKA");
        byte[] value = codec.valueBytes(json("\"dmFyaWF0aW9ucw==\""));
        assertThat(text(value)).isEqualTo("variations");
        assertThat(codec.decodeValue(value)).isEqualTo(json("\"dmFyaWF0aW9ucw==\""));
    }

    @Test
    void shouldProduceIgnoredBytesForNoneKeysAndShowThemAsNull() {
        QttCodec codec = codec("", "NONE", "FOO INT", "JSON");
        assertThat(text(codec.keyBytes(json("\"data that should be ignored\""), null))).isEqualTo("data that should be ignored");
        assertThat(codec.decodeKey(new byte[] {1}).key().isNull()).isTrue();
    }

    @Test
    void shouldAppendAndRecoverTimeWindows() {
        QttCodec codec = codec("A DECIMAL(4,2)", "JSON", "COUNT BIGINT", "JSON", FormatOptions.DEFAULTS,
                Optional.of(new SourceFormats.KeyWindow(SourceFormats.KeyWindow.Kind.HOPPING, Optional.of(30_000L))));
        byte[] key = codec.keyBytes(json("12.30"), new QttRecord.Window(15_000, 45_000, "time"));
        assertThat(key).hasSize(5 + 8);
        QttCodec.DecodedKey decoded = codec.decodeKey(key);
        assertThat(decoded.key().decimalValue()).isEqualTo(new BigDecimal("12.30"));
        assertThat(decoded.window()).isEqualTo(new QttRecord.Window(15_000, 45_000, "time"));
    }

    @Test
    void shouldAppendAndRecoverSessionWindows() {
        QttCodec codec = codec("K STRING", "KAFKA", "COUNT BIGINT", "JSON", FormatOptions.DEFAULTS,
                Optional.of(new SourceFormats.KeyWindow(SourceFormats.KeyWindow.Kind.SESSION, Optional.empty())));
        byte[] key = codec.keyBytes(json("\"a\""), new QttRecord.Window(10, 20, "session"));
        assertThat(key).hasSize(1 + 16);
        assertThat(codec.decodeKey(key)).isEqualTo(new QttCodec.DecodedKey(json("\"a\""),
                new QttRecord.Window(10, 20, "session")));
    }
}
